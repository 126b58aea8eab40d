import CSndFile
import Foundation

/// Reads any audio file libsndfile decodes (WAV, FLAC, OGG/Vorbis, Opus, AIFF, CAF, RF64, MP3 with
/// libsndfile ≥ 1.1, ...) block by block, as interleaved full-scale floats (see `FrameSource`), in
/// constant memory whatever the file's length.
///
/// Opening validates the header: a missing, unreadable, zero-byte, unrecognised or zero-frame file,
/// a rate outside `AudioLimits.sampleRates` or a channel count outside `AudioLimits.channelCounts`
/// throws a typed `IOError`. While reading, a decode error throws `.unrecognizedFormat`, and a file
/// that ends before the frame count its header declares throws `.truncated` when the end is reached
/// (the frames before it have been delivered). A WAV whose data chunk claims more bytes than the file
/// holds counts as truncated too (see `declaredFrames`), on a pipe as in a file: a WAV on stdin whose
/// data chunk declares a real size (not a streaming placeholder) must deliver it. A WAV whose fmt
/// chunk declares a bit depth other than 8, 16, 24, 32 or 64 is refused (`.unsupportedBitDepth`;
/// libsndfile would silently read 7-bit data as 8-bit). A NaN or infinite sample in float audio
/// throws `.nonFiniteSample` (1-based frame and channel): audio is never passed on with holes in it.
///
/// End-of-input errors (truncation, a decode error) are thrown by the read *after* the one that
/// delivered the last good frames, so a caller processes everything that arrived before it learns
/// the input was cut short.
public final class AudioFileReader: FrameSource {
    public let info: AudioFileInfo
    private let handle: OpaquePointer
    private var framesRead = 0
    private var finished = false
    /// An end-of-input error found by the read that delivered the last frames, thrown by the next.
    private var pendingError: IOError?
    private let checksFinite: Bool

    public var sampleRate: Int { info.sampleRate }
    public var channelCount: Int { info.channelCount }
    public var sourceName: String { info.path }

    /// Opens `path` for reading and validates its header.
    public convenience init(path: String) throws(IOError) {
        try ByteInput.checkReadableFile(path)
        var sfInfo = SF_INFO()
        guard let opened = sf_open(path, Int32(SFM_READ), &sfInfo) else {
            throw .unrecognizedFormat(path: path, reason: String(cString: sf_strerror(nil)))
        }
        try self.init(opened: opened, sfInfo: sfInfo, name: path)
    }

    /// Reads audio with a header from an open descriptor, e.g. stdin (`sox in.wav -t flac - | tool -`):
    /// any format libsndfile reads, from a file or a pipe (see `AudioDescriptorSource`). WAV, AIFF
    /// and AU on a pipe stream live with unknown length: `info.frames` is 0 and the end of the stream
    /// is the end of the audio (no truncation check). Other formats on a pipe (FLAC, Ogg, ...) are
    /// first spooled to an unlinked temporary file (disk: the input's size; memory: constant), then
    /// read like a file: length known, truncation reported. The descriptor stays open.
    public convenience init(fileDescriptor: Int32, name: String) throws(IOError) {
        let (descriptor, spooled) = try AudioDescriptorSource.open(fileDescriptor: fileDescriptor, name: name)
        var sfInfo = SF_INFO()
        // libsndfile owns `descriptor` (closing it on failure too).
        guard let opened = sf_open_fd(descriptor, Int32(SFM_READ), &sfInfo, 1) else {
            throw .unrecognizedFormat(path: name, reason: String(cString: sf_strerror(nil))
                                      + (spooled ? " (spooled from a pipe)" : ""))
        }
        try self.init(opened: opened, sfInfo: sfInfo, name: name)
    }

    /// Audio with a header on standard input, named `<stdin>`.
    public static func standardInput() throws(IOError) -> AudioFileReader {
        try AudioFileReader(fileDescriptor: 0, name: "<stdin>")
    }

    private init(opened: OpaquePointer, sfInfo: SF_INFO, name: String) throws(IOError) {
        handle = opened
        let header = WAVHeaderLog(opened, sfInfo)
        // libsndfile reports SF_COUNT_MAX frames where it cannot tell the length (an Ogg file without
        // a final granule position): unknown, as on a pipe.
        let lengthKnown = sfInfo.seekable != 0 && sfInfo.frames != sf_count_t.max
        let frames = lengthKnown ? header?.declaredFrames(present: Int(sfInfo.frames)) ?? Int(sfInfo.frames)
                                 : header?.declaredFrames(present: 0) ?? 0
        info = AudioFileInfo(path: name, sampleRate: Int(sfInfo.samplerate), channelCount: Int(sfInfo.channels),
                             frames: frames, presentFrames: lengthKnown ? Int(sfInfo.frames) : nil,
                             container: Self.formatName(sfInfo.format & Int32(SF_FORMAT_TYPEMASK), major: true),
                             encoding: Self.formatName(sfInfo.format & Int32(SF_FORMAT_SUBMASK), major: false),
                             formatCode: sfInfo.format)
        let subtype = sfInfo.format & Int32(SF_FORMAT_SUBMASK)
        checksFinite = subtype == Int32(SF_FORMAT_FLOAT) || subtype == Int32(SF_FORMAT_DOUBLE)
        // deinit (sf_close) runs when a throwing init has set every stored property: validate now.
        try AudioLimits.checkSampleRate(info.sampleRate)
        try AudioLimits.checkChannelCount(info.channelCount)
        if let bits = header?.bitWidth, !WAVHeaderLog.acceptedBitDepths.contains(bits) {
            throw .unsupportedBitDepth(path: name, bits: bits, accepted: WAVHeaderLog.acceptedBitDepths)
        }
        guard info.frames > 0 || !lengthKnown else { throw .empty(source: name) }
        sf_command(handle, Int32(SFC_SET_NORM_FLOAT), nil, Int32(SF_TRUE))
    }

    deinit { sf_close(handle) }

    /// The header of `path` without reading any audio.
    public static func info(path: String) throws(IOError) -> AudioFileInfo {
        try AudioFileReader(path: path).info
    }

    /// Reads the whole file, interleaved, full scale. For long files prefer `readFrames(into:)`.
    public static func readAll(path: String) throws(IOError) -> (info: AudioFileInfo, samples: [Float]) {
        let reader = try AudioFileReader(path: path)
        return (reader.info, try reader.readAll())
    }

    /// Every remaining frame, interleaved (for clips; long inputs should read blocks).
    public func readAll() throws(IOError) -> [Float] {
        // One spare frame, so a file of the declared length ends without growing the array; but a
        // header may declare any length, so at most 2^22 samples (16 MiB) are reserved up front.
        let reserved = min(info.frames > 0 ? info.frames : 1 << 16, (1 << 22) / info.channelCount) + 1
        var samples = [Float](repeating: 0, count: reserved * info.channelCount)
        var total = 0
        while true {
            if total == samples.count { samples += [Float](repeating: 0, count: samples.count) }
            let frames = try samples.withUnsafeMutableBufferPointer { buffer throws(IOError) in
                try readFrames(into: UnsafeMutableBufferPointer(rebasing: buffer[total...]))
            }
            if frames == 0 { break }
            total += frames * info.channelCount
        }
        samples.removeLast(samples.count - total)
        return samples
    }

    public func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int {
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        let wanted = buffer.count / info.channelCount
        guard !finished, wanted > 0, let base = buffer.baseAddress else { return 0 }
        let got = Int(sf_readf_float(handle, base, sf_count_t(wanted)))
        if checksFinite, let bad = UnsafeBufferPointer(rebasing: buffer[0 ..< got * info.channelCount]).firstIndex(where: { !$0.isFinite }) {
            finished = true
            throw .nonFiniteSample(source: info.path, frame: framesRead + bad / info.channelCount + 1,
                                   channel: bad % info.channelCount + 1, value: buffer[bad])
        }
        framesRead += got
        if got < wanted {
            finished = true
            if sf_error(handle) != 0 {
                pendingError = .unrecognizedFormat(path: info.path, reason: "decode error after \(framesRead) frames: "
                                                   + String(cString: sf_strerror(handle)))
            } else if framesRead < info.frames {
                pendingError = .truncated(path: info.path, expectedFrames: info.frames, readFrames: framesRead)
            } else if framesRead == 0 {
                throw .empty(source: info.path)
            }
            if got == 0, let pendingError {
                self.pendingError = nil
                throw pendingError
            }
        }
        return got
    }

    /// Moves the read position to `frame` (0 ..< frames); the next read starts there.
    public func seek(toFrame frame: Int) throws(IOError) {
        guard (0 ..< info.frames).contains(frame) else {
            throw .invalidArgument("seek to frame \(frame) of \(info.path), which has \(info.frames) frames")
        }
        guard sf_seek(handle, sf_count_t(frame), SEEK_SET) == frame else {
            throw .unreadable(path: info.path, reason: "seek failed: " + String(cString: sf_strerror(handle)))
        }
        framesRead = frame
        finished = false
        pendingError = nil
    }

    /// libsndfile's name for a major (container) or minor (encoding) format code.
    private static func formatName(_ code: Int32, major: Bool) -> String {
        let command = major ? SFC_GET_FORMAT_MAJOR : SFC_GET_FORMAT_SUBTYPE
        // Majors and subtypes are looked up by index; scan the (short) tables for the code.
        var count: Int32 = 0
        sf_command(nil, Int32(major ? SFC_GET_FORMAT_MAJOR_COUNT : SFC_GET_FORMAT_SUBTYPE_COUNT),
                   &count, Int32(MemoryLayout<Int32>.size))
        for index in 0 ..< count {
            var entry = SF_FORMAT_INFO()
            entry.format = index
            sf_command(nil, Int32(command), &entry, Int32(MemoryLayout<SF_FORMAT_INFO>.size))
            if entry.format == code, let name = entry.name { return String(cString: name) }
        }
        return "format 0x" + String(code, radix: 16)
    }
}
