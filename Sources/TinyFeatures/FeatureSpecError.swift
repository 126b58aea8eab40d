import TinyFormats

/// A feature spec (audio `FeatureSpec` or sensor `SensorWindowSpec`) that cannot be read or used,
/// as a case; `description` is one line.
public enum FeatureSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The spec's JSON (a spec file, or a pipeline file's `"features"`): a missing, mistyped,
    /// out-of-range or unknown key, bad JSON, an unreadable file — or parameters the DSP layer
    /// rejects, as `.invalid` at the spec's key path.
    case json(JSONError)
    /// Parameters the DSP layer rejects in a spec built in code: `kind` is `feature spec` or
    /// `sensor spec`, `name` the spec's.
    case invalid(kind: String, name: String, problem: String)
    /// A path (containing `/` or ending in `.json`) that names no file.
    case notFound(path: String)
    /// Neither a file nor a preset name.
    case unknownPreset(name: String, presets: [String])
    /// Int8 features asked of a spec without quantisation.
    case noQuantization(name: String)

    public var description: String {
        switch self {
        case .json(let e): return e.description
        case .invalid(let kind, let name, let problem): return "\(kind) '\(name)': \(problem)"
        case .notFound(let path): return "feature spec '\(path)' not found (no such file)"
        case .unknownPreset(let name, let presets):
            return "unknown feature spec preset '\(name)' (presets: \(presets.joined(separator: ", ")); or give a path to a JSON file)"
        case .noQuantization(let name): return "feature spec '\(name)' has no quantization (write float features instead)"
        }
    }
}
