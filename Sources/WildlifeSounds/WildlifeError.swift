import TinyIO

/// A wildlife-pipeline failure with a one-line description that tools print as
/// `<tool>: error: <description>`; the cases keep the cause typed so callers and tests match them.
public enum WildlifeError: Error, CustomStringConvertible, Sendable, Equatable, WrapsIOError {
    /// The audio could not be read or used (missing, corrupt, truncated, NaN samples, a rate
    /// outside `WildlifePipeline.inputRates`); its `endedEarly` gives the tools' exit status 4.
    case input(IOError)
    /// The pipeline file at `path` is unusable: `key` and what is wrong with it.
    case pipeline(path: String, key: String, problem: String)
    /// The model `name` does not fit the pipeline's features or labels.
    case model(name: String, problem: String)
    /// A manifest (or one of its rows) that cannot be evaluated.
    case manifest(path: String, problem: String)
    /// Any other failure, as one line (a lower module's error).
    case other(String)

    /// `.other(description)`.
    public init(_ description: String) { self = .other(description) }

    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .pipeline(let path, let key, let problem): return "pipeline '\(path)': \(key): \(problem)"
        case .model(let name, let problem): return "\(name): \(problem)"
        case .manifest(let path, let problem): return "\(path): \(problem)"
        case .other(let text): return text
        }
    }

    public var ioError: IOError? {
        guard case .input(let error) = self else { return nil }
        return error
    }
}
