import TinyCore
import TinyDSP

/// Streaming keyword spotting, the code host tools and firmware share: samples in (mono at the
/// front end's rate, any chunk sizes), keyword detections out.
///
/// The stream is treated as if silence surrounded it: `P = ⌊(L/2) / S⌋ · S` zeros come first
/// (`leadSamples`), so window `w` covers stream samples `[w·S − P, w·S − P + L)` (`windowStart(w)`),
/// with `S` the stride and `L` the window (clip); a word at the very start is then seen by as many
/// windows as one in the middle. Frames are computed once by TinyDSP's `StreamingFrontEnd` and
/// reused by every window that overlaps them (for the MLPerf front end's `x / max(x)` each window
/// applies its own peak before the logarithm, exactly). Each window is classified
/// (`ClassifierStage`) and smoothed (`PosteriorSmoother`); a detection reports the centre of the
/// averaged window with the highest own posterior for the keyword.
///
/// End of stream (`finish`): zeros follow until the last window whose centre is at or before the
/// end of the audio, `w_last = ⌈(P + N − L/2) / S⌉` for `N` samples, is complete. After `init`
/// nothing is allocated.
public final class KeywordEngine<FFT: RealFourierTransform> {
    public let configuration: KeywordSpottingConfiguration
    public let frontEnd: StreamingFrontEnd<FFT>
    public let classifier: ClassifierStage
    /// Whether every window is reported as a `.window` event (its posteriors in `posteriors`).
    public var reportsWindows = false
    private var smoother: PosteriorSmoother
    private let features: UnsafeMutablePointer<Float>
    private let scores: UnsafeMutablePointer<Float>
    private let zeros: UnsafeMutablePointer<Float>
    private let hop: Int
    private var samplesIn = 0
    /// Windows classified since `init`/`reset`.
    public private(set) var windows = 0

    public init(configuration c: KeywordSpottingConfiguration, interpreter: Interpreter, fft: FFT) throws(PipelineError) {
        try c.validate()
        configuration = c
        frontEnd = try EngineSetup.frontEnd(c.frontEnd, fft: fft, inputStride: c.strideFrames)
        classifier = try ClassifierStage(interpreter: interpreter, quantizer: c.quantization, inputCount: frontEnd.inputCount,
                                         outputCount: c.keywords.count)
        smoother = PosteriorSmoother(keywords: c.keywords, averageCount: c.averageCount, threshold: c.threshold,
                                     suppressionWindows: c.suppressionWindows, minimumCount: c.minimumCount)
        features = EngineSetup.zeroed(frontEnd.inputCount)
        scores = EngineSetup.zeroed(c.keywords.count)
        hop = c.frontEnd.hop
        zeros = EngineSetup.zeroed(hop)
        pushLead()
    }

    deinit {
        features.deallocate()
        scores.deallocate()
        zeros.deallocate()
    }

    /// Zeros before the stream (see the type's documentation).
    public var leadSamples: Int { configuration.leadSamples }
    /// Samples between window starts.
    public var strideSamples: Int { configuration.strideSamples }
    /// Samples per window.
    public var windowSamples: Int { configuration.windowSamples }
    /// Samples pushed since `init`/`reset`.
    public var samplesProcessed: Int { samplesIn }
    /// The latest window's posteriors, in label order (valid until the next `push`).
    public var posteriors: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: scores, count: configuration.keywords.count) }

    /// First stream sample of window `w` (negative while the window reaches into the lead).
    public func windowStart(_ w: Int) -> Int { w * strideSamples - leadSamples }

    /// Feeds samples; reports detections (and windows, with `reportsWindows`) in order. A sample that
    /// is not finite is an error and nothing of the chunk is used.
    public func push(_ samples: UnsafeBufferPointer<Float>, onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        for i in 0 ..< samples.count where !samples[i].isFinite {
            throw PipelineError("sample \(samplesIn + i) is not finite")
        }
        samplesIn += samples.count
        feed(samples, onEvent)
    }

    /// Ends the stream: trailing zeros until the last window centred on the audio is complete.
    public func finish(onEvent: (PipelineEvent) -> Void) {
        guard samplesIn > 0 else { return }
        let end = leadSamples + samplesIn
        let last = max(0, (end - windowSamples / 2 + strideSamples - 1) / strideSamples)
        var missing = last * strideSamples + windowSamples - end
        guard windows <= last, missing > 0 else { return }
        while missing > 0 {
            let n = min(missing, hop)
            feed(UnsafeBufferPointer(start: zeros, count: n), onEvent)
            missing -= n
        }
    }

    /// Starts a new stream.
    public func reset() {
        frontEnd.reset()
        smoother.reset()
        samplesIn = 0
        windows = 0
        pushLead()
    }

    private func pushLead() {
        var lead = leadSamples
        while lead > 0 {
            let n = min(lead, hop)
            feed(UnsafeBufferPointer(start: zeros, count: n)) { _ in }
            lead -= n
        }
    }

    private func feed(_ samples: UnsafeBufferPointer<Float>, _ onEvent: (PipelineEvent) -> Void) {
        var offset = 0
        while offset < samples.count {
            offset += frontEnd.append(UnsafeBufferPointer(rebasing: samples[offset...]))
            if frontEnd.hasInput { runWindow(onEvent) }
        }
    }

    private func runWindow(_ onEvent: (PipelineEvent) -> Void) {
        frontEnd.takeInput(into: features)
        classifier.classify(features, into: scores)
        let w = windows
        windows += 1
        if reportsWindows {
            var best = 0
            for c in 1 ..< configuration.keywords.count where scores[c] > scores[best] { best = c }
            onEvent(PipelineEvent(kind: .window, sample: windowStart(w) + windowSamples, start: windowStart(w), label: best,
                                  confidence: scores[best], index: w))
        }
        guard let f = smoother.observe(scores) else { return }
        let start = windowStart(f.peakWindow)
        onEvent(PipelineEvent(kind: .detection, sample: start + windowSamples / 2, start: start, label: f.classIndex,
                              confidence: f.confidence, index: f.window))
    }
}
