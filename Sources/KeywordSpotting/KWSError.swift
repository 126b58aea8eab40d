import TinyIO

/// A keyword-spotting failure with a one-line description that names the file and what was
/// expected. The cases keep the cause typed so callers and tests match them: `.input` carries the
/// TinyIO failure of the audio (its `endedEarly` gives the tools' exit status 4).
public enum KWSError: Error, CustomStringConvertible, Sendable, Equatable, WrapsIOError {
    /// The audio could not be read or used (missing, corrupt, truncated, a rate outside
    /// `KWSPipeline.inputRates`, NaN samples, a stream cut mid-sample).
    case input(IOError)
    /// The pipeline file at `path` is unusable (`problem` names the key).
    case pipeline(path: String, problem: String)
    /// The model `source` does not fit the pipeline.
    case model(source: String, problem: String)
    /// A smoothing setting (pipeline value or option) outside its range.
    case setting(name: String, value: String, requirement: String)
    /// A manifest row that cannot be evaluated (`file`: the row's file).
    case manifestRow(file: String, problem: String)
    /// Any other failure, as one line (a lower module's error).
    case other(String)

    /// `.other(description)`.
    public init(_ description: String) { self = .other(description) }

    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .pipeline(let path, let problem): return "pipeline '\(path)': \(problem)"
        case .model(let source, let problem): return "\(source): \(problem)"
        case .setting(let name, let value, let requirement): return "\(name) must be \(requirement) (got \(value))"
        case .manifestRow(let file, let problem): return "\(file): \(problem)"
        case .other(let text): return text
        }
    }

    public var ioError: IOError? {
        guard case .input(let error) = self else { return nil }
        return error
    }
}
