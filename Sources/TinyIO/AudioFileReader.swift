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
/// (the frames before it have been delivered).
public final class AudioFileReader: FrameSource {
    public let info: AudioFileInfo
    private let handle: OpaquePointer
    private var framesRead = 0
    private var finished = false

    public var sampleRate: Int { info.sampleRate }
    public var channelCount: Int { info.channelCount }
    public var sourceName: String { info.path }

    /// Opens `path` for reading and validates its header.
    public init(path: String) throws(IOError) {
        try ByteInput.checkReadableFile(path)
        var sfInfo = SF_INFO()
        guard let opened = sf_open(path, Int32(SFM_READ), &sfInfo) else {
            throw .unrecognizedFormat(path: path, reason: String(cString: sf_strerror(nil)))
        }
        handle = opened
        info = AudioFileInfo(path: path, sampleRate: Int(sfInfo.samplerate), channelCount: Int(sfInfo.channels),
                             frames: Int(sfInfo.frames), container: Self.formatName(sfInfo.format & Int32(SF_FORMAT_TYPEMASK), major: true),
                             encoding: Self.formatName(sfInfo.format & Int32(SF_FORMAT_SUBMASK), major: false),
                             formatCode: sfInfo.format)
        // deinit runs for a fully initialised object only: validate after every stored property is set.
        try AudioLimits.checkSampleRate(info.sampleRate)
        try AudioLimits.checkChannelCount(info.channelCount)
        guard info.frames > 0 else { throw .empty(source: path) }
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
        var samples = [Float](repeating: 0, count: reader.info.frames * reader.channelCount)
        let count = try samples.withUnsafeMutableBufferPointer { buffer throws(IOError) in
            var total = 0
            while total < buffer.count {
                let frames = try reader.readFrames(into: UnsafeMutableBufferPointer(rebasing: buffer[total...]))
                if frames == 0 { break }
                total += frames * reader.channelCount
            }
            return total
        }
        samples.removeLast(samples.count - count)
        return (reader.info, samples)
    }

    public func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int {
        let wanted = buffer.count / info.channelCount
        guard !finished, wanted > 0, let base = buffer.baseAddress else { return 0 }
        let got = Int(sf_readf_float(handle, base, sf_count_t(wanted)))
        framesRead += got
        if got < wanted {
            finished = true
            if sf_error(handle) != 0 {
                throw .unrecognizedFormat(path: info.path, reason: "decode error after \(framesRead) frames: "
                                          + String(cString: sf_strerror(handle)))
            }
            if framesRead < info.frames {
                throw .truncated(path: info.path, expectedFrames: info.frames, readFrames: framesRead)
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
