/// Raw PCM samples (no header) from a pipe or a file: `s16le` or `f32le`, interleaved channels,
/// at a rate the caller states (raw PCM carries none). A `FrameSource`, so `AudioStream` can
/// downmix and resample it like a file.
///
/// Reads block until the caller's buffer is full or the input ends, so a live pipe is consumed in
/// fixed blocks whatever sizes its writes have (a frame split across writes is joined). At the end
/// of the input, a trailing partial frame (the producer stopped mid-sample) is dropped, counted in
/// `droppedTrailingBytes` and thrown as `.endedMidFrame` by the read after the last whole frames
/// were delivered. An input with no whole frame ends in `.empty`. Non-finite `f32le` samples are
/// thrown (`.nonFiniteSample` with the 1-based frame and channel) or, under `.skip`, replaced by the
/// channel's previous good sample (see `BadInputPolicy.skip`), counted in `badSamples` and reported
/// to `onSkipped`; an input of nothing but non-finite samples ends in `.noValidData`.
public final class PCMStreamReader: FrameSource {
    /// Sample encodings of raw PCM.
    public enum Encoding: String, CaseIterable, Sendable {
        /// Signed 16-bit little-endian; reads as `s / 32768`.
        case s16le
        /// IEEE float32 little-endian; reads as stored.
        case f32le

        public var bytesPerSample: Int { self == .s16le ? 2 : 4 }
    }

    public let input: ByteInput
    public let encoding: Encoding
    public let sampleRate: Int
    public let channelCount: Int
    public let nonFinitePolicy: BadInputPolicy
    /// Frames delivered so far.
    public private(set) var framesRead = 0
    /// Bytes of an incomplete last frame, dropped at the end of the input.
    public private(set) var droppedTrailingBytes = 0
    /// Non-finite samples replaced by 0 under `.skip`.
    public private(set) var badSamples = BadInputCounts()
    /// Called for each sample `.skip` replaces, as it is read.
    public var onSkipped: ((SkippedInput) -> Void)?

    private var bytes: [UInt8]
    private var ended = false
    private var pendingError: IOError?
    /// The previous good sample of each channel (the `.skip` substitute).
    private var held: [Float]

    public var sourceName: String { input.name }
    private var frameBytes: Int { encoding.bytesPerSample * channelCount }

    /// Reads `encoding` PCM with `channels` channels at `sampleRate` Hz from `input`.
    public init(input: ByteInput, encoding: Encoding, channels: Int, sampleRate: Int,
                nonFinite: BadInputPolicy = .fail, blockFrames: Int = 4096) throws(IOError) {
        try AudioLimits.checkSampleRate(sampleRate)
        try AudioLimits.checkChannelCount(channels)
        guard blockFrames >= 1 else { throw .invalidArgument("blockFrames must be >= 1 (got \(blockFrames))") }
        self.input = input
        self.encoding = encoding
        self.sampleRate = sampleRate
        self.channelCount = channels
        self.nonFinitePolicy = nonFinite
        bytes = [UInt8](repeating: 0, count: blockFrames * encoding.bytesPerSample * channels)
        held = [Float](repeating: 0, count: channels)
    }

    /// Opens the raw PCM file at `path`.
    public convenience init(path: String, encoding: Encoding, channels: Int, sampleRate: Int,
                            nonFinite: BadInputPolicy = .fail) throws(IOError) {
        try self.init(input: ByteInput(path: path), encoding: encoding, channels: channels,
                      sampleRate: sampleRate, nonFinite: nonFinite)
    }

    public func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int {
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        var frames = 0
        let wanted = buffer.count / channelCount
        while frames < wanted && !ended {
            let requested = min(wanted - frames, bytes.count / frameBytes) * frameBytes
            let got = try bytes.withUnsafeMutableBytes { raw in
                Result { () throws(IOError) in
                    try input.readFully(into: UnsafeMutableRawBufferPointer(rebasing: raw[0 ..< requested]))
                }
            }.get()
            let whole = got / frameBytes
            try convert(frames: whole, into: UnsafeMutableBufferPointer(rebasing: buffer[(frames * channelCount)...]))
            frames += whole
            framesRead += whole
            if got < requested {
                ended = true
                droppedTrailingBytes = got - whole * frameBytes
                try endOfInput()
            }
        }
        if frames == 0, let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        return frames
    }

    /// What the end of the input means: nothing at all, nothing but bad samples, or a partial frame
    /// (reported by the next read, after the whole frames before it).
    private func endOfInput() throws(IOError) {
        if framesRead == 0 { throw .empty(source: sourceName) }
        if badSamples.total == framesRead * channelCount {
            throw .noValidData(source: sourceName, skipped: badSamples.total)
        }
        if droppedTrailingBytes > 0 {
            pendingError = .endedMidFrame(source: sourceName, frames: framesRead, trailingBytes: droppedTrailingBytes,
                                          frameBytes: frameBytes)
        }
    }

    /// Decodes `frames` whole frames from the front of `bytes`.
    private func convert(frames: Int, into out: UnsafeMutableBufferPointer<Float>) throws(IOError) {
        let samples = frames * channelCount
        switch encoding {
        case .s16le:
            bytes.withUnsafeBytes { raw in
                for i in 0 ..< samples {
                    out[i] = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))) / 32768
                }
            }
        case .f32le:
            let firstBad = bytes.withUnsafeBytes { raw -> Int? in
                var firstBad: Int?
                for i in 0 ..< samples {
                    let value = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    out[i] = value
                    if !value.isFinite && firstBad == nil { firstBad = i }
                }
                return firstBad
            }
            let good = firstBad ?? samples
            for i in max(0, good - channelCount) ..< good { held[i % channelCount] = out[i] }
            guard let firstBad else { return }
            for i in firstBad ..< samples {
                let channel = i % channelCount
                guard !out[i].isFinite else { held[channel] = out[i]; continue }
                let frame = framesRead + i / channelCount
                let problem = IOError.nonFiniteSample(source: sourceName, frame: frame + 1, channel: channel + 1, value: out[i])
                if nonFinitePolicy == .fail { throw problem }
                badSamples.record(problem)
                onSkipped?(SkippedInput(frame: frame, problem: problem))
                out[i] = held[channel]
            }
        }
    }
}
