/// A feature spec that cannot be read or used: missing file, bad JSON, a bad or unknown key
/// (named with its path, e.g. `frame.hop`), an unknown preset, or parameters the DSP layer rejects.
/// `description` is one line: `feature spec '<source>': <key path>: <problem>`.
public struct FeatureSpecError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    init(source: String, keyPath: String, _ problem: String) {
        description = "feature spec '\(source)': " + (keyPath.isEmpty ? "" : "\(keyPath): ") + problem
    }
}
