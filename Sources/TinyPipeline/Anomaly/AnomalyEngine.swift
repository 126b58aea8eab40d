import TinyCore
import TinyDSP

/// Streaming anomaly monitoring, the code host tools and firmware share: sensor samples in (one
/// channel at the front end's rate, in the units the baseline is learned in), alarms out.
///
/// Window `w` covers samples `[w·hop, w·hop + N)` (`N` = the front end's window) and is one
/// feature frame; `AnomalyDetector` learns, calibrates, scores and runs the alarm hysteresis.
/// Events: `.learned` at the last learning window (confidence = the threshold), `.alarmRaised` and
/// `.alarmCleared` at their windows (confidence = the score), and with `reportsWindows` every
/// window (`.window`, confidence = the score, NaN while there is none; the whole decision is in
/// `lastDecision`). Event samples are window ends. After `init` nothing is allocated.
public final class AnomalyEngine<FFT: RealFourierTransform> {
    public let configuration: AnomalyConfiguration
    public let frontEnd: StreamingFrontEnd<FFT>
    public let detector: AnomalyDetector
    /// Whether every window is reported as a `.window` event.
    public var reportsWindows = false
    /// The latest window's decision.
    public private(set) var lastDecision: AnomalyDetector.Decision?
    private let frame: UnsafeMutablePointer<Float>
    private var samplesIn = 0

    /// `interpreter` runs the autoencoder (nil for the Gaussian scorer); `baseline` starts the
    /// Gaussian scorer from moments learned earlier (host tools load them from a baseline file).
    public init(configuration c: AnomalyConfiguration, interpreter: Interpreter?, fft: FFT,
                baseline: GaussianBaseline? = nil) throws(PipelineError) {
        try c.validate()
        configuration = c
        frontEnd = try EngineSetup.frontEnd(c.frontEnd, fft: fft)
        let scorer: AnomalyScorer
        switch c.scorer {
        case .gaussian(let floor):
            let b = baseline ?? GaussianBaseline(dimension: c.frameLength, varianceFloor: floor)
            guard b.dimension == c.frameLength else {
                throw PipelineError("the baseline has \(b.dimension) dimensions; the front end gives \(c.frameLength)")
            }
            scorer = .gaussian(BaselineScorer(baseline: b))
        case .autoencoder(let context):
            guard let interpreter else { throw PipelineError("the autoencoder scorer needs its model") }
            scorer = .autoencoder(try AutoencoderScorer(interpreter: interpreter, frameLength: c.frameLength, contextFrames: context))
        }
        detector = try AnomalyDetector(scorer: scorer, calibration: c.calibration,
                                       alarm: AlarmHysteresis(raiseAfter: c.raiseAfter, clearAfter: c.clearAfter))
        frame = EngineSetup.zeroed(c.frameLength)
    }

    deinit { frame.deallocate() }

    /// Samples pushed so far.
    public var samplesProcessed: Int { samplesIn }
    /// End sample of the last complete window (0 before the first).
    public private(set) var lastWindowEnd = 0

    /// Feeds samples; reports what the windows they complete decide. A sample that is not finite is
    /// an error and nothing of the chunk is used (hosts skip or refuse such input first).
    public func push(_ samples: UnsafeBufferPointer<Float>, onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        for i in 0 ..< samples.count where !samples[i].isFinite {
            throw PipelineError("sample \(samplesIn + i) is not finite")
        }
        samplesIn += samples.count
        var offset = 0
        while offset < samples.count {
            let windowEnd = frontEnd.windowStartSample + configuration.windowSamples
            offset += frontEnd.append(UnsafeBufferPointer(rebasing: samples[offset...]))
            guard frontEnd.hasInput else { continue }
            frontEnd.takeInput(into: frame)
            try process(UnsafeBufferPointer(start: frame, count: configuration.frameLength), windowEnd: windowEnd, onEvent: onEvent)
        }
    }

    /// Scores one feature frame computed elsewhere (precomputed frames), the window ending at
    /// `windowEnd`.
    public func process(_ frame: UnsafeBufferPointer<Float>, windowEnd: Int, onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        let d = try detector.process(frame)
        lastDecision = d
        lastWindowEnd = windowEnd
        let start = windowEnd - configuration.windowSamples
        let score = d.score.map { Float($0) } ?? .nan
        if reportsWindows {
            onEvent(PipelineEvent(kind: .window, sample: windowEnd, start: start, label: d.alarmActive ? 1 : 0,
                                  confidence: score, index: d.window))
        }
        if d.phase == .learning, let t = d.threshold {
            onEvent(PipelineEvent(kind: .learned, sample: windowEnd, start: start, label: -1, confidence: Float(t), index: d.window))
        }
        switch d.transition {
        case .raised?:
            onEvent(PipelineEvent(kind: .alarmRaised, sample: windowEnd, start: start, label: 1, confidence: score, index: d.window))
        case .cleared?:
            onEvent(PipelineEvent(kind: .alarmCleared, sample: windowEnd, start: start, label: 0, confidence: score, index: d.window))
        case nil:
            break
        }
    }

    /// Starts a new signal: the front end and the sample count start over; what was learned, the
    /// threshold and the alarm state are kept (a second recording of the same machine).
    public func startSignal() {
        frontEnd.reset()
        samplesIn = 0
        lastWindowEnd = 0
    }

    /// Ends the stream. Trailing samples after the last window are not scored; nothing else is
    /// pending, so nothing is reported.
    public func finish(onEvent: (PipelineEvent) -> Void) {}
}
