/// What a stream reader does with a bad CSV line or a non-finite PCM sample.
public enum BadInputPolicy: Equatable, Sendable {
    /// Throw the typed error (with line number and column) and stop.
    case fail
    /// Count the bad line (CSV) or sample (PCM) in `BadInputCounts`, report it to the reader's
    /// `onSkipped`, and go on — for monitors that must keep running and report how much input was bad.
    ///
    /// The sample clock stays true: a skipped data line or sample stands for one lost sample, so it
    /// still advances the clock by one frame at the declared rate; it is replaced by the previous
    /// good value of its channel (0 before the first), never by a jump to 0 in mid-signal. (Blank and
    /// comment lines are not samples and do not advance the clock.) An input in which every value
    /// was bad ends in `.noValidData` instead of a stream of substitutes.
    case skip
}

/// One value `BadInputPolicy.skip` replaced, as the reader reports it live (`onSkipped`).
public struct SkippedInput: Sendable, Equatable {
    /// The 0-based frame (sample clock position) the substitute fills.
    public var frame: Int
    /// What `.fail` would have thrown (it names the line or sample).
    public var problem: IOError
}

/// How much input a reader skipped under `BadInputPolicy.skip`, by reason, with the last problem.
public struct BadInputCounts: Equatable, Sendable {
    /// Fields that are not numbers (including unterminated quotes).
    public var notANumber = 0
    /// Fields or samples that are NaN or ±infinity.
    public var nonFinite = 0
    /// Rows with a different number of fields than the header.
    public var wrongColumnCount = 0
    /// The most recent problem, as the error `.fail` would have thrown.
    public var lastProblem: IOError?

    public init() {}

    /// All skipped lines (CSV) or replaced samples (PCM).
    public var total: Int { notANumber + nonFinite + wrongColumnCount }

    /// Counts `problem` under its reason and remembers it.
    mutating func record(_ problem: IOError) {
        switch problem {
        case .nonFinite, .nonFiniteSample: nonFinite += 1
        case .wrongColumnCount: wrongColumnCount += 1
        default: notANumber += 1
        }
        lastProblem = problem
    }
}
