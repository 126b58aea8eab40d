/// The per-window decision logic of the anomaly pipeline: learning "normal", calibrating the
/// threshold, then scoring with alarm hysteresis. Feed it one feature frame per window; it keeps
/// O(frame) state whatever the stream length.
///
/// With a learning period of L windows of which the last C calibrate (`Calibration.learn`), for a
/// scorer that learns (`BaselineScorer`):
/// - windows 0 ..< L − C: learned only (no score);
/// - windows L − C ..< L: scored against what was learned so far (out-of-sample: test, then
///   learn), each score feeds `ThresholdCalibration`, then the window is learned too;
/// - from window L: threshold = mean + k·σ of those scores; every window is scored and compared.
/// For a pre-trained scorer (`AutoencoderScorer`) all L learning windows calibrate the threshold.
/// With a threshold given up front (a saved baseline, or the pipeline's trained threshold) there
/// is no learning period. Frames the scorer needs as context (`contextFrames − 1`) count as
/// windows without a score.
public final class AnomalyDetector {
    public enum Phase: Sendable { case learning, monitoring }

    /// How the threshold is obtained.
    public enum Calibration: Sendable, Equatable {
        /// Learn for `windows` windows; calibrate from the last `calibrating` of them with `k`.
        case learn(windows: Int, calibrating: Int, k: Double)
        /// Use this threshold from the first window.
        case fixed(threshold: Double)
    }

    /// What one window produced.
    public struct Decision: Sendable, Equatable {
        public let window: Int
        public let phase: Phase
        /// nil while learning only, or while the scorer fills its context.
        public let score: Double?
        /// nil until calibrated.
        public let threshold: Double?
        public let alarmActive: Bool
        public let transition: AlarmHysteresis.Transition?
    }

    public let scorer: AnomalyScorer
    public private(set) var alarm: AlarmHysteresis
    public private(set) var calibration: ThresholdCalibration
    public private(set) var threshold: Double?
    public private(set) var windows = 0
    /// Monitoring-phase score statistics (for the summary).
    public private(set) var monitoredScores = ScoreMoments()
    public private(set) var windowsOverThreshold = 0
    public let learningWindows: Int
    private let fitWindows: Int

    public init(scorer: AnomalyScorer, calibration: Calibration, alarm: AlarmHysteresis) throws(PipelineError) {
        self.scorer = scorer
        self.alarm = alarm
        switch calibration {
        case .fixed(let t):
            guard t.isFinite else { throw PipelineError("the threshold must be a finite number (got \(t))") }
            threshold = t
            learningWindows = 0
            fitWindows = 0
            self.calibration = ThresholdCalibration(k: 0)
        case .learn(let windows, let calibrating, let k):
            guard calibrating >= 1, calibrating <= windows else {
                throw PipelineError("the calibration windows must lie in 1…\(windows) (got \(calibrating))")
            }
            guard k.isFinite, k >= 0 else { throw PipelineError("k must be finite and ≥ 0 (got \(k))") }
            let fit = scorer.learnsNormal ? windows - calibrating : 0
            let scored = calibrating - (scorer.learnsNormal ? 0 : scorer.contextFrames - 1)
            guard (!scorer.learnsNormal || fit >= 2) && scored >= ThresholdCalibration.minimumWindows else {
                throw PipelineError("a learning period of \(windows) window(s) is too short: it needs "
                    + "\(scorer.learnsNormal ? "2 to learn from, then " : "")\(ThresholdCalibration.minimumWindows) scored windows to calibrate the threshold")
            }
            learningWindows = windows
            fitWindows = fit
            self.calibration = ThresholdCalibration(k: k)
        }
    }

    public var phase: Phase { windows < learningWindows ? .learning : .monitoring }
    public var isLearning: Bool { phase == .learning }

    /// Processes one window's feature frame.
    public func process(_ frame: UnsafeBufferPointer<Float>) throws(PipelineError) -> Decision {
        let index = windows
        windows += 1
        if index < learningWindows {
            var score: Double?
            if index >= fitWindows {
                score = try scorer.score(frame)
                if let s = score { calibration.add(s) }
            }
            scorer.learn(frame)
            if windows == learningWindows {
                guard let t = calibration.threshold else {
                    throw PipelineError("threshold calibration saw only \(calibration.scores.count) scored window(s)")
                }
                threshold = t
            }
            return Decision(window: index, phase: .learning, score: score, threshold: threshold,
                            alarmActive: false, transition: nil)
        }
        guard let t = threshold else { throw PipelineError("no threshold: the detector was not calibrated") }
        guard let s = try scorer.score(frame) else {
            return Decision(window: index, phase: .monitoring, score: nil, threshold: t,
                            alarmActive: alarm.isActive, transition: nil)
        }
        monitoredScores.add(s)
        // A NaN score (it cannot come from finite features) counts as over the threshold: never silent.
        let over = !(s <= t)
        if over { windowsOverThreshold += 1 }
        let transition = alarm.update(over: over)
        return Decision(window: index, phase: .monitoring, score: s, threshold: t,
                        alarmActive: alarm.isActive, transition: transition)
    }

    public func process(_ frame: [Float]) throws(PipelineError) -> Decision {
        try frame.withUnsafeBufferPointer { (p) throws(PipelineError) -> Decision in try process(p) }
    }
}
