import TinyIO

/// A motor-anomaly failure (bad configuration, baseline file, input stream) with a one-line
/// description that the tools print as `<tool>: error: <description>`.
///
/// Cases keep the cause typed so callers and tests match them: `.input` is the TinyIO failure of
/// the audio or sensor input (its `endedEarly` decides the tools' exit status 4); `.other` is any
/// other problem, already phrased as one line.
public enum AnomalyError: Error, CustomStringConvertible, Sendable, Equatable, WrapsIOError {
    /// The input could not be read or used (missing, corrupt, truncated, bad rate or values).
    case input(IOError)
    /// A `--scale` (units per LSB, or a multiplier) that is not finite and non-zero.
    case invalidScale(Double)
    /// The learning phase did not give a usable baseline: every learning window was bad, or the
    /// learned threshold is not finite and positive (constant input such as all zeros).
    case unusableLearning(reason: String)
    /// Any other failure (configuration, model, settings), as one line.
    case other(String)

    /// `.other(description)`.
    public init(_ description: String) { self = .other(description) }

    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .invalidScale(let scale):
            return "--scale must be a finite, non-zero number (got \(scale)): it multiplies every sample"
        case .unusableLearning(let reason):
            return "learning normal failed: \(reason)"
        case .other(let text): return text
        }
    }

    public var ioError: IOError? {
        if case .input(let error) = self { return error }
        return nil
    }
}
