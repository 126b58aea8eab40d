import TinyPipeline
/// What a finished monitoring run saw, and the exit status that tells a script about it.
///
/// Exit statuses (`exitStatus`), documented in `anomaly-monitor stream --help` and the pipeline
/// README:
/// - 0: the stream ended and no alarm was raised;
/// - 2: an alarm was raised during the stream but had cleared by its end;
/// - 3: an alarm was active when the stream ended;
/// - 4: no alarm was raised, but the input ended early (truncated, cut mid-sample or mid-line): the
///   windows before the cut were monitored; an alarm status (2, 3) wins over it;
/// (1 is any error: bad input or configuration, a stream that ended while still learning; 64 is a
/// command-line usage error.)
public struct MonitorSummary: Sendable, Equatable {
    public static let exitNoAlarm: Int32 = 0
    public static let exitAlarmCleared: Int32 = 2
    public static let exitAlarmActive: Int32 = 3
    /// Equal to TinyCLI's `ExitStatus.inputEndedEarly`.
    public static let exitInputEndedEarly: Int32 = 4

    /// Samples read (at the pipeline rate) and their duration.
    public var samples = 0
    public var seconds = 0.0
    /// Windows processed, of them learning windows.
    public var windows = 0
    public var learningWindows = 0
    /// The threshold in force at the end (nil if never calibrated).
    public var threshold: Double?
    /// Monitoring-phase scores.
    public var scores = ScoreMoments()
    public var windowsOverThreshold = 0
    public var alarmsRaised = 0
    public var alarmActiveAtEnd = false
    /// Input lines/values that were not finite numbers and were skipped (CSV input).
    public var skippedValues = 0
    /// Windows skipped because their features were not finite (`AnomalyMonitor.BadWindow`).
    public var badWindows = 0
    /// Samples at the end of the stream after the last complete window (fewer than a hop or a
    /// window): reported, not scored.
    public var trailingSamples = 0
    /// The last skipped input value's problem (CSV line, PCM sample), or nil.
    public var note: String?
    /// The input failed after some samples (truncated or damaged file): the stream ended there.
    /// The exit status still reports the alarm; the tool also warns on stderr.
    public var inputError: String?
    /// The input error is one of an input that ended early (`IOError.endedEarly`: truncated, cut
    /// mid-sample or mid-line).
    public var inputEndedEarly = false

    public init() {}

    public var exitStatus: Int32 {
        if alarmActiveAtEnd { return Self.exitAlarmActive }
        if alarmsRaised > 0 { return Self.exitAlarmCleared }
        return inputEndedEarly ? Self.exitInputEndedEarly : Self.exitNoAlarm
    }
}
