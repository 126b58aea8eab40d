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
/// linear (`FrameProcessor.bands`) and finished per input by a `WindowFinisher` (which reuses a
/// frame finished at the same scale for an earlier window); otherwise they are finished on arrival
/// and an input is a copy. The numbers do not depend on how the samples were chunked.
///
/// A frame that no later input covers (with `inputStride > framesPerInput + stack − 1`, the frames
/// between two windows) is framed past but not computed, unless the features need every frame
/// (`FrameProcessor.dependsOnPreviousFrame`).
public final class StreamingFrontEnd<FFT: RealFourierTransform> {
    public let configuration: FrontEndConfiguration
    public let processor: FrameProcessor<FFT>
    /// Frames between the starts of consecutive inputs.
    public let inputStride: Int
    private let framer: StreamingFramer
    private let peak: SlidingWindowPeak
    private let tracksPeak: Bool
    private let deferred: Bool
    private let computesEveryFrame: Bool
    private let hop: Int
    private let windowSamples: Int
    private let framesPerWindow: Int
    private let storedWidth: Int
    private let ringFrames: Int
    private let ring: UnsafeMutablePointer<Float>
    /// Finishes deferred windows (nil when frames are finished on arrival).
    private let finisher: WindowFinisher<FFT>?
    // Private stored counters behind public getters: every access is known to this module, so the
    // compiler checks exclusivity statically instead of at run time on each hop.
    private var windowStartFrame = 0
    private var frameCount = 0
    private var computedCount = 0
    private var inputCountTaken = 0
    private var inputReady = false

    public init(configuration c: FrontEndConfiguration, fft: FFT, inputStride: Int = 1) throws(DSPError) {
        guard inputStride > 0 else { throw DSPError("input stride must be positive (got \(inputStride))") }
        processor = try FrameProcessor(configuration: c, fft: fft)
        configuration = c
        self.inputStride = inputStride
        framer = try StreamingFramer(frameLength: c.frameLength, hop: c.hop)
        let blocks = (c.windowSamples + c.hop - 1) / c.hop + 1
        peak = SlidingWindowPeak(blockLength: c.hop, capacityBlocks: blocks)
        tracksPeak = c.normalization == .peak
        deferred = c.finishesPerWindow
        computesEveryFrame = processor.dependsOnPreviousFrame || inputStride <= c.framesPerWindow
        hop = c.hop
        windowSamples = c.windowSamples
        framesPerWindow = c.framesPerWindow
        storedWidth = deferred ? c.bandWidth : c.coefficientCount
        ringFrames = max(c.framesPerWindow, (c.windowSamples - c.frameLength) / c.hop + 1)
        ring = .allocate(capacity: ringFrames * storedWidth)
        ring.initialize(repeating: 0, count: ringFrames * storedWidth)
        finisher = deferred ? WindowFinisher(processor: processor, ringFrames: ringFrames) : nil
    }

    deinit { ring.deallocate() }

    /// Frames framed since `init`/`reset` (computed, or skipped when no input covers them).
    public var framesProcessed: Int { frameCount }

    /// Frames finished (scaled, log, DCT) since `init`/`reset`: with deferred finishing, for the
    /// inputs taken — fewer than `inputsTaken × framesPerWindow` when overlapping windows shared
    /// frames; otherwise every computed frame, finished on arrival.
    public var framesFinished: Int { finisher?.framesFinished ?? computedCount }

    /// Inputs taken since `init`/`reset`.
    public var inputsTaken: Int { inputCountTaken }

    /// True when an input waits to be taken (then `append` consumes nothing).
    public var hasInput: Bool { inputReady }

    /// Floats in one model input: `framesPerInput × rowWidth`.
    public var inputCount: Int { configuration.framesPerInput * configuration.rowWidth }

    /// First sample of the next input's window (stream position).
    public var windowStartSample: Int { windowStartFrame * hop }

    /// Samples consumed since `init`/`reset`.
    public var samplesConsumed: Int { framer.samplesConsumed }

    /// Consumes samples until the next input is ready or `samples` is used up; returns how many.
    public func append(_ samples: UnsafeBufferPointer<Float>) -> Int {
        guard let base = samples.baseAddress, !inputReady else { return 0 }
        let windowEnd = windowStartFrame * hop + windowSamples
        let total = min(samples.count, windowEnd - framer.samplesConsumed)
        // The peak sees exactly the samples consumed below, in one pass before framing: the pass
        // also brings all of the chunk into the cache at once rather than part by part.
        if tracksPeak { peak.observe(UnsafeBufferPointer(start: base, count: total)) }
        var consumed = 0
        while consumed < total {
            consumed += framer.append(UnsafeBufferPointer(start: base + consumed, count: total - consumed))
            if framer.hasFrame {
                if covered(frame: frameCount) {
                    computeFrame()
                    computedCount += 1
                }
                framer.dropFrame()
                frameCount += 1
            }
        }
        if framer.samplesConsumed >= windowEnd { inputReady = true }
        return consumed
    }

    /// Whether frame `f` must be computed: always when every frame is, else when it lies in the
    /// current or a later input's window (inputs start every `inputStride` frames and span
    /// `framesPerWindow`; a frame before the current window's start belongs to none).
    private func covered(frame f: Int) -> Bool {
        let d = f - windowStartFrame
        return computesEveryFrame || (d >= 0 && d % inputStride < framesPerWindow)
    }

    /// The waiting frame into its ring slot: linear bands (deferred) or finished coefficients.
    private func computeFrame() {
        let slot = ring + (frameCount % ringFrames) * storedWidth
        let p = processor
        if deferred {
            framer.withFrame { p.bands(first: $0, second: $1, into: slot) }
        } else {
            framer.withFrame { p.process(first: $0, second: $1, into: slot) }
        }
    }

    /// Writes the ready input (`inputCount` floats) to `out` and moves to the next window.
    public func takeInput(into out: UnsafeMutablePointer<Float>) {
        precondition(inputReady, "takeInput called before an input was ready")
        var finishedRing = ring
        if let finisher {
            var scale: Float = 1
            if tracksPeak {
                let p = peak.peak(sinceBlock: windowStartFrame)
                if p != 0, p.isFinite { scale = configuration.spectrum.scale(forInputGain: 1 / p) }
            }
            finisher.finish(ring, first: windowStartFrame, scale: scale)
            finishedRing = finisher.finished
        }
        stackRows(from: finishedRing, first: windowStartFrame, into: out)
        inputReady = false
        inputCountTaken += 1
        windowStartFrame += inputStride
    }

    /// Input row `r` = the finished frames `first + r + s`, `s < stack`, of `source` (frame `f` in
    /// slot `f mod ringFrames`, `coefficientCount` floats each).
    private func stackRows(from source: UnsafeMutablePointer<Float>, first: Int, into out: UnsafeMutablePointer<Float>) {
        let c = configuration
        let cc = c.coefficientCount
        for r in 0 ..< c.framesPerInput {
            for s in 0 ..< c.stack {
                let f = (first + r + s) % ringFrames
                (out + r * c.rowWidth + s * cc).update(from: source + f * cc, count: cc)
            }
        }
    }

    /// Starts a new stream.
    public func reset() {
        framer.reset()
        peak.reset()
        processor.reset()
        finisher?.reset()
        windowStartFrame = 0
        frameCount = 0
        computedCount = 0
        inputCountTaken = 0
        inputReady = false
    }
}
