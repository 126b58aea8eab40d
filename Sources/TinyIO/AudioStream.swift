/// Any `FrameSource` (an audio file, raw PCM on stdin) as a stream of mono samples at the
/// pipeline's rate: read interleaved blocks → `Downmix.mean` → `SampleScaling` → `PolyphaseResampler`
/// (skipped when the rates are equal) → the caller's buffer.
///
/// Memory is constant whatever the input length: every buffer is allocated in `init`
/// (`blockFrames` input frames and the resampler's output for them); `read(into:)` allocates nothing.
/// The output equals `resample_poly(mean(x, axis=1) * multiplier, up, down)` over the whole input,
/// whatever the sizes of the reads.
///
/// Latency on live input (a pipe, a sound device): a pull from the source waits for `blockFrames`
/// frames, so choose a block of about one hop (e.g. 320 frames = 20 ms at 16 kHz) for live use; the
/// resampler adds only its filter's half-length, 10·max(up, down)/up input samples (≈ 0.6 ms for
/// 44.1 or 48 kHz → 16 kHz). Files are best read with large blocks (the default 4096).
public final class AudioStream {
    public let source: any FrameSource
    /// The source's rate (Hz).
    public let inputRate: Int
    /// The rate of the samples `read(into:)` delivers (Hz).
    public let outputRate: Int
    public let scaling: SampleScaling
    /// Input frames pulled from the source per step.
    public let blockFrames: Int
    /// Mono output samples delivered so far.
    public private(set) var samplesDelivered = 0

    private var resampler: PolyphaseResampler?
    private var interleaved: [Float]
    private var mono: [Float]
    private var pending: [Float]
    private var pendingStart = 0
    private var pendingEnd = 0
    private var finished = false
    /// A source error met after this read had gathered samples, thrown by the next read.
    private var pendingError: IOError?

    /// Streams `source` as mono at `outputRate` (nil: the source's rate) scaled by `scaling`.
    /// `rates`: the pipeline's accepted source rates (`InputRates`), checked before anything is
    /// allocated or read (nil: only `AudioLimits`).
    public init(source: any FrameSource, outputRate: Int? = nil, scaling: SampleScaling = .fullScale,
                blockFrames: Int = 4096, accepting rates: InputRates? = nil) throws(IOError) {
        try rates?.check(source)
        guard blockFrames >= 1 else { throw .invalidArgument("blockFrames must be >= 1 (got \(blockFrames))") }
        let outputRate = outputRate ?? source.sampleRate
        try AudioLimits.checkSampleRate(outputRate)
        self.source = source
        self.inputRate = source.sampleRate
        self.outputRate = outputRate
        self.scaling = scaling
        self.blockFrames = blockFrames
        interleaved = [Float](repeating: 0, count: blockFrames * source.channelCount)
        mono = [Float](repeating: 0, count: blockFrames)
        var capacity = blockFrames
        if inputRate != outputRate {
            let resampler = try PolyphaseResampler(inputRate: inputRate, outputRate: outputRate)
            capacity = max(resampler.maxOutputCount(forInputCount: blockFrames),
                           resampler.halfLength / resampler.down + 2)
            self.resampler = resampler
        }
        pending = [Float](repeating: 0, count: capacity)
    }

    /// Opens the audio file at `path` (see `AudioFileReader`) and streams it.
    public convenience init(path: String, outputRate: Int? = nil, scaling: SampleScaling = .fullScale,
                            blockFrames: Int = 4096, accepting rates: InputRates? = nil) throws(IOError) {
        try self.init(source: AudioFileReader(path: path), outputRate: outputRate, scaling: scaling,
                      blockFrames: blockFrames, accepting: rates)
    }

    /// Fills `buffer` with the next mono samples and returns how many it wrote: `buffer.count`
    /// except at the end of the input (then fewer, and 0 from then on). Read until 0: an input that
    /// ended early (`IOError.endedEarly`) throws on the read after its last samples.
    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int {
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        var filled = 0
        while filled < buffer.count {
            if pendingStart == pendingEnd {
                if finished { break }
                do {
                    try refill()
                } catch {
                    // Deliver what this read has gathered; the next read throws.
                    guard filled > 0 else { throw error }
                    finished = true
                    pendingError = error
                    break
                }
                continue
            }
            let n = min(buffer.count - filled, pendingEnd - pendingStart)
            pending.withUnsafeBufferPointer { p in
                (buffer.baseAddress! + filled).update(from: p.baseAddress! + pendingStart, count: n)
            }
            pendingStart += n
            filled += n
        }
        samplesDelivered += filled
        return filled
    }

    /// Mono samples the whole input yields, ceil(frames · outputRate / inputRate), when the source's
    /// length is known (an `AudioFileReader` on a file); nil for streams.
    public var expectedSampleCount: Int? {
        guard let file = source as? AudioFileReader, file.info.frames > 0 else { return nil }
        return resampler?.totalOutputCount(forInputCount: file.info.frames) ?? file.info.frames
    }

    /// `read(into:)` over the whole array.
    public func read(into buffer: inout [Float]) throws(IOError) -> Int {
        try buffer.withUnsafeMutableBufferPointer { b throws(IOError) in try read(into: b) }
    }

    /// Everything that is left, as one array (for clips; long inputs should read blocks). Reads
    /// until the source reports its end, so an input that ended early throws (after all it had).
    public func readAll() throws(IOError) -> [Float] {
        var all: [Float] = []
        var block = [Float](repeating: 0, count: max(pending.count, 4096))
        while true {
            let n = try read(into: &block)
            if n == 0 { return all }
            all.append(contentsOf: block[0 ..< n])
        }
    }

    /// The whole of the audio file at `path` as mono at `outputRate`.
    public static func readMono(path: String, outputRate: Int? = nil, scaling: SampleScaling = .fullScale,
                                accepting rates: InputRates? = nil) throws(IOError) -> [Float] {
        try AudioStream(path: path, outputRate: outputRate, scaling: scaling, accepting: rates).readAll()
    }

    /// Pulls one block from the source through downmix, scaling and resampling into `pending`.
    private func refill() throws(IOError) {
        let channels = source.channelCount
        let frames = try interleaved.withUnsafeMutableBufferPointer { b throws(IOError) in
            try source.readFrames(into: b)
        }
        pendingStart = 0
        guard frames > 0 else {
            finished = true
            pendingEnd = pending.withUnsafeMutableBufferPointer { out in resampler?.finish(into: out) ?? 0 }
            return
        }
        let multiplier = scaling.multiplier
        interleaved.withUnsafeBufferPointer { input in
        mono.withUnsafeMutableBufferPointer { m in
            Downmix.mean(UnsafeBufferPointer(rebasing: input[0 ..< frames * channels]), channels: channels, into: m)
            if multiplier != 1 { for i in 0 ..< frames { m[i] *= multiplier } }
        }}
        pendingEnd = mono.withUnsafeBufferPointer { m in
            pending.withUnsafeMutableBufferPointer { out in
                let block = UnsafeBufferPointer(rebasing: m[0 ..< frames])
                if resampler != nil { return resampler!.process(block, into: out) }
                out.baseAddress!.update(from: block.baseAddress!, count: frames)
                return frames
            }
        }
    }
}
