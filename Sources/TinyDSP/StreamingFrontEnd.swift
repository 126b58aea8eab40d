/// The streaming feature front end: samples in (any chunk sizes), model inputs out, each frame
/// computed once and reused by every overlapping input window.
///
/// Input `w` starts at frame `w·inputStride` (sample `w·inputStride·hop`) and covers
/// `configuration.windowSamples` samples; it becomes ready once all of them were appended. Its
/// value is `framesPerInput × rowWidth` floats, row-major (see `FrontEndConfiguration`).
/// Pull protocol, allocation-free after `init`:
/// ```
/// var offset = 0
/// while offset < chunk.count {
///     offset += frontEnd.append(UnsafeBufferPointer(rebasing: chunk[offset...]))
///     if frontEnd.hasInput { frontEnd.takeInput(into: input); /* run the model */ }
/// }
/// ```
/// `append` stops consuming as soon as an input is ready, so nothing is lost or queued. Frames
/// kept: enough for one window. With peak normalisation or a top-dB clamp the frames are kept
/// linear (`FrameProcessor.bands`) and finished per input; otherwise they are finished on arrival
/// and an input is a copy. The numbers do not depend on how the samples were chunked.
public final class StreamingFrontEnd<FFT: RealFourierTransform> {
    public let configuration: FrontEndConfiguration
    public let processor: FrameProcessor<FFT>
    /// Frames between the starts of consecutive inputs.
    public let inputStride: Int
    private var framer: StreamingFramer
    private var peak: SlidingWindowPeak
    private let deferred: Bool
    private let storedWidth: Int
    private let ringFrames: Int
    private let ring: UnsafeMutablePointer<Float>
    private let compressed: UnsafeMutablePointer<Float>
    private let finished: UnsafeMutablePointer<Float>
    private var windowStartFrame = 0
    /// Frames computed since `init`/`reset`.
    public private(set) var framesProcessed = 0
    /// Inputs taken since `init`/`reset`.
    public private(set) var inputsTaken = 0
    /// True when an input waits to be taken (then `append` consumes nothing).
    public private(set) var hasInput = false

    public init(configuration c: FrontEndConfiguration, fft: FFT, inputStride: Int = 1) throws(DSPError) {
        guard inputStride > 0 else { throw DSPError("input stride must be positive (got \(inputStride))") }
        processor = try FrameProcessor(configuration: c, fft: fft)
        configuration = c
        self.inputStride = inputStride
        framer = try StreamingFramer(frameLength: c.frameLength, hop: c.hop)
        let blocks = (c.windowSamples + c.hop - 1) / c.hop + 1
        peak = SlidingWindowPeak(blockLength: c.hop, capacityBlocks: blocks)
        deferred = c.finishesPerWindow
        storedWidth = deferred ? c.bandWidth : c.coefficientCount
        ringFrames = max(c.framesPerWindow, (c.windowSamples - c.frameLength) / c.hop + 1)
        ring = .allocate(capacity: ringFrames * storedWidth)
        ring.initialize(repeating: 0, count: ringFrames * storedWidth)
        let perWindow = deferred ? c.framesPerWindow : 0
        compressed = .allocate(capacity: max(1, perWindow * c.bandWidth))
        finished = .allocate(capacity: max(1, perWindow * c.coefficientCount))
    }

    deinit {
        ring.deallocate()
        compressed.deallocate()
        finished.deallocate()
    }

    /// Floats in one model input: `framesPerInput × rowWidth`.
    public var inputCount: Int { configuration.framesPerInput * configuration.rowWidth }

    /// First sample of the next input's window (stream position).
    public var windowStartSample: Int { windowStartFrame * configuration.hop }

    /// Samples consumed since `init`/`reset`.
    public var samplesConsumed: Int { framer.samplesConsumed }

    /// Consumes samples until the next input is ready or `samples` is used up; returns how many.
    public func append(_ samples: UnsafeBufferPointer<Float>) -> Int {
        guard let base = samples.baseAddress else { return 0 }
        let tracksPeak = configuration.normalization == .peak
        var consumed = 0
        while consumed < samples.count, !hasInput {
            let windowEnd = windowStartSample + configuration.windowSamples
            let limit = min(samples.count - consumed, windowEnd - framer.samplesConsumed)
            let n = framer.append(UnsafeBufferPointer(start: base + consumed, count: limit))
            if tracksPeak { peak.observe(UnsafeBufferPointer(start: base + consumed, count: n)) }
            consumed += n
            if framer.hasFrame {
                let slot = ring + (framesProcessed % ringFrames) * storedWidth
                let p = processor
                if deferred {
                    framer.withFrame { p.bands(first: $0, second: $1, into: slot) }
                } else {
                    framer.withFrame { p.process(first: $0, second: $1, into: slot) }
                }
                framer.dropFrame()
                framesProcessed += 1
            }
            if framer.samplesConsumed >= windowEnd { hasInput = true }
        }
        return consumed
    }

    /// Writes the ready input (`inputCount` floats) to `out` and moves to the next window.
    public func takeInput(into out: UnsafeMutablePointer<Float>) {
        precondition(hasInput, "takeInput called before an input was ready")
        let c = configuration
        let cc = c.coefficientCount
        let frames = c.framesPerWindow
        var source = ring
        var sourceStride = storedWidth
        var sourceFirst = windowStartFrame
        var sourceCount = ringFrames
        if deferred {
            var scale: Float = 1
            if c.normalization == .peak {
                let p = peak.peak(sinceBlock: windowStartFrame)
                if p != 0, p.isFinite { scale = c.spectrum.scale(forInputGain: 1 / p) }
            }
            let bw = c.bandWidth
            for i in 0 ..< frames {
                let slot = ring + ((windowStartFrame + i) % ringFrames) * bw
                processor.compress(slot, scale: scale, into: compressed + i * bw)
            }
            c.log?.clampDynamicRange(compressed, count: frames * bw)
            for i in 0 ..< frames { processor.transform(compressed + i * bw, into: finished + i * cc) }
            source = finished
            sourceStride = cc
            sourceFirst = 0
            sourceCount = frames
        }
        for r in 0 ..< c.framesPerInput {
            for s in 0 ..< c.stack {
                let f = (sourceFirst + r + s) % sourceCount
                (out + r * c.rowWidth + s * cc).update(from: source + f * sourceStride, count: cc)
            }
        }
        hasInput = false
        inputsTaken += 1
        windowStartFrame += inputStride
    }

    /// Starts a new stream.
    public func reset() {
        framer.reset()
        peak.reset()
        processor.reset()
        windowStartFrame = 0
        framesProcessed = 0
        inputsTaken = 0
        hasInput = false
    }
}
