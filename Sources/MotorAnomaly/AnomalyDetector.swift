/// The per-window decision logic of the monitor: learning "normal", calibrating the threshold,
/// then scoring with alarm hysteresis. Feed it one feature frame per window; it keeps O(frame)
/// state whatever the stream length.
///
/// With a learning period of L windows (`Learning`), for a scorer that learns (`BaselineScorer`):
/// - windows 0 ..< F, F = L − ⌈L · calibrationFraction⌉: learned only (no score);
/// - windows F ..< L: scored against what was learned so far (out-of-sample: test, then learn),
///   each score feeds `ThresholdCalibration`, then the window is learned too;
/// - from window L: threshold = mean + k·σ of those scores; every window is scored and compared.
/// For a pre-trained scorer (`AutoencoderScorer`) all L learning windows calibrate the threshold.
/// With a threshold given up front (a saved baseline, or the pipeline's trained threshold) there
/// is no learning period. Frames the scorer needs as context (`contextFrames − 1`) count as
/// windows without a score.
public final class AnomalyDetector {
    public enum Phase: String, Sendable { case learning, monitoring }

    /// How the threshold is obtained.
    public enum Calibration: Sendable, Equatable {
        /// Learn for `windows` windows; calibrate from the last `fraction` of them with `k`.
        case learn(windows: Int, fraction: Double, k: Double)
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

    public let scorer: any AnomalyScorer
    public private(set) var alarm: AlarmHysteresis
    public private(set) var calibration: ThresholdCalibration
    public private(set) var threshold: Double?
    public private(set) var windows = 0
    /// Monitoring-phase score statistics (for the summary).
    public private(set) var monitoredScores = ScoreMoments()
    public private(set) var windowsOverThreshold = 0
    private let learningWindows: Int
    private let fitWindows: Int

    public init(scorer: any AnomalyScorer, calibration: Calibration, alarm: AlarmHysteresis) throws(AnomalyError) {
        self.scorer = scorer
        self.alarm = alarm
        switch calibration {
        case .fixed(let t):
            guard t.isFinite else { throw AnomalyError("the threshold must be a finite number (got \(t))") }
            threshold = t
            learningWindows = 0
            fitWindows = 0
            self.calibration = ThresholdCalibration(k: 0)
        case .learn(let windows, let fraction, let k):
            guard fraction > 0, fraction <= 1 else {
                throw AnomalyError("the calibration fraction must be in (0, 1] (got \(fraction))")
            }
            let calibrating = Int((Double(windows) * fraction).rounded(.up))
            let fit = scorer.learnsNormal ? windows - calibrating : 0
            let needed = Self.minimumLearningWindows(scorer: scorer, fraction: fraction)
            guard windows >= needed else {
                throw AnomalyError("a learning period of \(windows) window(s) is too short: it needs at least \(needed) "
                    + "(\(scorer.learnsNormal ? "2 to learn from, then " : "")\(ThresholdCalibration.minimumWindows) scored windows to calibrate the threshold)")
            }
            learningWindows = windows
            fitWindows = fit
            self.calibration = ThresholdCalibration(k: k)
        }
    }

    /// The fewest learning windows that leave ≥ 2 windows to learn from (scorers that learn) and
    /// ≥ `ThresholdCalibration.minimumWindows` scored windows to calibrate from.
    public static func minimumLearningWindows(scorer: any AnomalyScorer, fraction: Double) -> Int {
        let context = scorer.contextFrames - 1
        var l = 1
        while true {
            let calibrating = Int((Double(l) * fraction).rounded(.up))
            let fit = scorer.learnsNormal ? l - calibrating : 0
            let scored = calibrating - (scorer.learnsNormal ? 0 : context)
            if (!scorer.learnsNormal || fit >= 2) && scored >= ThresholdCalibration.minimumWindows { return l }
            l += 1
        }
    }

    public var phase: Phase { windows < learningWindows ? .learning : .monitoring }
    public var isLearning: Bool { phase == .learning }

    /// Processes one window's feature frame.
    public func process(_ frame: UnsafeBufferPointer<Float>) throws(AnomalyError) -> Decision {
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
                    throw AnomalyError("threshold calibration saw only \(calibration.scores.count) scored window(s)")
                }
                threshold = t
            }
            return Decision(window: index, phase: .learning, score: score, threshold: threshold,
                            alarmActive: false, transition: nil)
        }
        guard let t = threshold else { throw AnomalyError("no threshold: the detector was not calibrated") }
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

    public func process(_ frame: [Float]) throws(AnomalyError) -> Decision {
        try frame.withUnsafeBufferPointer { (p) throws(AnomalyError) -> Decision in try process(p) }
    }
}
