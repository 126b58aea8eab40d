/// What a stream reader does with a bad CSV line or a non-finite PCM sample.
public enum BadInputPolicy: Equatable, Sendable {
    /// Throw the typed error (with line number and column) and stop.
    case fail
    /// Drop the line (CSV) or replace the sample by 0 (PCM), count it in `BadInputCounts`, and go on —
    /// for monitors that must keep running and report how much input was bad.
    case skip
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
