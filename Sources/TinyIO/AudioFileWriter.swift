import CSndFile

/// Writes WAV or FLAC files through libsndfile, block by block, from interleaved full-scale floats
/// (or exact int16 samples).
///
/// Integer encodings are converted here, not by libsndfile (whose float→int16 path scales by 32767
/// while reading divides by 32768): a sample x becomes `clamp(round(x · 2^(b−1)), −2^(b−1), 2^(b−1)−1)`
/// for b = 16 or 24 bits, so anything `AudioFileReader` read from a b-bit file writes back
/// bit-exactly, and values beyond ±1 clip instead of wrapping. `float32` (WAV only) stores the floats.
/// The file is complete after `close()` (or when the writer is released); `close` reports errors.
public final class AudioFileWriter {
    /// Containers the writer produces.
    public enum Container: String, CaseIterable, Sendable {
        case wav, flac

        /// `.wav` / `.flac` from a path's extension (case-insensitive), else nil.
        public init?(pathExtension path: String) {
            guard let dot = path.lastIndex(of: ".") else { return nil }
            self.init(rawValue: path[path.index(after: dot)...].lowercased())
        }
    }

    /// Sample encodings the writer produces.
    public enum Encoding: String, CaseIterable, Sendable {
        case pcm16, pcm24, float32
    }

    public let path: String
    public let sampleRate: Int
    public let channelCount: Int
    public let container: Container
    public let encoding: Encoding
    /// Frames written so far.
    public private(set) var framesWritten = 0

    private var handle: OpaquePointer?
    private var scratch: [Int32] = []

    /// Creates (or replaces) `path`.
    public init(path: String, sampleRate: Int, channels: Int, container: Container = .wav,
                encoding: Encoding = .pcm16) throws(IOError) {
        try AudioLimits.checkSampleRate(sampleRate)
        try AudioLimits.checkChannelCount(channels)
        let major: Int32 = container == .wav ? Int32(SF_FORMAT_WAV) : Int32(SF_FORMAT_FLAC)
        let minor: Int32
        switch encoding {
        case .pcm16: minor = Int32(SF_FORMAT_PCM_16)
        case .pcm24: minor = Int32(SF_FORMAT_PCM_24)
        case .float32:
            guard container == .wav else { throw .unsupportedEncoding("FLAC stores integers only (use pcm16 or pcm24)") }
            minor = Int32(SF_FORMAT_FLOAT)
        }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = major | minor
        guard sf_format_check(&info) != 0 else {
            throw .unsupportedEncoding("\(container.rawValue) with \(encoding.rawValue) at \(sampleRate) Hz, \(channels) channels")
        }
        guard let opened = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(nil)))
        }
        self.path = path
        self.sampleRate = sampleRate
        self.channelCount = channels
        self.container = container
        self.encoding = encoding
        handle = opened
    }

    deinit { if let handle { sf_close(handle) } }

    /// Appends interleaved full-scale samples (a whole number of frames).
    public func write(_ interleaved: UnsafeBufferPointer<Float>) throws(IOError) {
        let handle = try openHandle(samples: interleaved.count)
        let frames = interleaved.count / channelCount
        guard frames > 0 else { return }
        let written: Int
        switch encoding {
        case .float32:
            written = Int(sf_writef_float(handle, interleaved.baseAddress!, sf_count_t(frames)))
        case .pcm16, .pcm24:
            // 24-bit samples go through libsndfile's int path, which keeps the top 24 of 32 bits.
            let bits = encoding == .pcm16 ? 16 : 24
            let full = Float(1 << (bits - 1))
            if scratch.count < interleaved.count { scratch = [Int32](repeating: 0, count: interleaved.count) }
            for i in 0 ..< interleaved.count {
                let v = (interleaved[i] * full).rounded()
                scratch[i] = Int32(max(-full, min(full - 1, v.isNaN ? 0 : v))) << (32 - bits)
            }
            written = scratch.withUnsafeBufferPointer { Int(sf_writef_int(handle, $0.baseAddress!, sf_count_t(frames))) }
        }
        try check(written, frames)
    }

    /// `write` over an array.
    public func write(_ interleaved: [Float]) throws(IOError) {
        try interleaved.withUnsafeBufferPointer { b throws(IOError) in try write(b) }
    }

    /// Appends interleaved int16 samples exactly (any encoding; as `s / 32768` for float32).
    public func write(int16 interleaved: [Int16]) throws(IOError) {
        let handle = try openHandle(samples: interleaved.count)
        let frames = interleaved.count / channelCount
        guard frames > 0 else { return }
        let written = interleaved.withUnsafeBufferPointer { Int(sf_writef_short(handle, $0.baseAddress!, sf_count_t(frames))) }
        try check(written, frames)
    }

    /// Finishes the file (header sizes, FLAC stream info). Later writes throw.
    public func close() throws(IOError) {
        guard let handle else { return }
        self.handle = nil
        let status = sf_close(handle)
        guard status == 0 else { throw .writeFailed(path: path, reason: String(cString: sf_error_number(status))) }
    }

    /// Writes `interleaved` to a new file in one call.
    public static func write(_ interleaved: [Float], to path: String, sampleRate: Int, channels: Int = 1,
                             container: Container = .wav, encoding: Encoding = .pcm16) throws(IOError) {
        let writer = try AudioFileWriter(path: path, sampleRate: sampleRate, channels: channels,
                                         container: container, encoding: encoding)
        try writer.write(interleaved)
        try writer.close()
    }

    private func openHandle(samples: Int) throws(IOError) -> OpaquePointer {
        guard let handle else { throw .writeFailed(path: path, reason: "writer is closed") }
        guard samples % channelCount == 0 else {
            throw .invalidArgument("\(samples) samples is not a whole number of \(channelCount)-channel frames")
        }
        return handle
    }

    private func check(_ written: Int, _ frames: Int) throws(IOError) {
        framesWritten += written
        guard written == frames else {
            throw .writeFailed(path: path, reason: String(cString: sf_strerror(handle)))
        }
    }
}
