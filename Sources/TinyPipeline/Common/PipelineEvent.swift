/// What a pipeline engine reports, one vocabulary for all four pipelines.
///
/// Positions are stream sample indices at the engine's input rate (0 = the first sample pushed
/// since `reset`), so host and device agree on them exactly; seconds are `sample / rate`.
/// `confidence` is a `Float` computed by the same code on every target: compare it as a bit
/// pattern (`confidence.bitPattern`).
public struct PipelineEvent: Equatable, Sendable {
    public enum Kind: UInt8, Sendable {
        /// A decision: a keyword, a gesture or a classified sound event (`label` is its class).
        case detection = 0
        /// One model window (reported only when the engine is asked to, for tools that print
        /// every window): keyword posteriors or an anomaly score.
        case window = 1
        /// The anomaly alarm was raised (`confidence` = the window's score).
        case alarmRaised = 2
        /// The anomaly alarm was cleared (`confidence` = the window's score).
        case alarmCleared = 3
        /// The anomaly learning period ended (`confidence` = the calibrated threshold).
        case learned = 4

        /// The word firmware and host tools print for the kind.
        public var name: StaticString {
            switch self {
            case .detection: return "detection"
            case .window: return "window"
            case .alarmRaised: return "alarm-raised"
            case .alarmCleared: return "alarm-cleared"
            case .learned: return "learned"
            }
        }
    }

    public var kind: Kind
    /// The sample the decision refers to: the centre of the keyword's best window, the end of the
    /// gesture or anomaly window, the end of a sound event (exclusive).
    public var sample: Int
    /// The first sample of what the decision covers (the window, or the sound event).
    public var start: Int
    /// Class index into the pipeline's labels (detections, windows: the top class), else -1.
    public var label: Int
    /// Keyword: averaged posterior; gesture: averaged probability; sound event: mean probability
    /// of the top class; anomaly: the score (alarms, windows) or threshold (`learned`).
    public var confidence: Float
    /// Keyword: the window at which the detection fired; gesture: the inference; sound event: the
    /// classifier windows averaged; anomaly: the window index.
    public var index: Int

    public init(kind: Kind, sample: Int, start: Int, label: Int, confidence: Float, index: Int) {
        self.kind = kind
        self.sample = sample
        self.start = start
        self.label = label
        self.confidence = confidence
        self.index = index
    }
}
