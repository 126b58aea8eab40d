/// A gesture-pipeline failure with a one-line description suitable for `<tool>: error: <message>`.
/// The cases keep the cause typed, so callers and tests match them rather than message text.
public enum GestureError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The pipeline file `path` is unusable (`problem` names the key and what is wrong).
    case pipeline(path: String, problem: String)
    /// The model `name` does not fit the pipeline.
    case model(name: String, problem: String)
    /// A recording or stream `source` of `samples` samples (at `rate` Hz) shorter than the
    /// pipeline's `minimumSeconds` (`minimumFrames` samples).
    case tooShort(source: String, samples: Int, rate: Int, minimumSeconds: Double, minimumFrames: Int)
    /// A manifest row whose label is not one of the pipeline's.
    case unknownLabel(file: String, label: String, labels: [String])
    /// Any other failure, as one line (a lower module's error).
    case other(String)

    /// `.other(description)`.
    public init(_ description: String) { self = .other(description) }

    public var description: String {
        switch self {
        case .pipeline(let path, let problem):
            return "pipeline '\(path)': \(problem)"
        case .model(let name, let problem):
            return "\(name): \(problem)"
        case .tooShort(let source, let samples, let rate, let seconds, let frames):
            return "\(source): \(samples) samples at \(rate) Hz is shorter than the pipeline's minimum of \(seconds) s (\(frames) samples)"
        case .unknownLabel(let file, let label, let labels):
            return "\(file): label '\(label)' is not one of the pipeline's labels \(labels)"
        case .other(let text):
            return text
        }
    }
}
