/// A bad board profile, deployment config or measurement file: one line naming the file and the
/// offending key (`Pipelines/kws/boards/nrf52840.json: key 'stride_samples': expected a positive
/// integer, got "fast"`).
public struct ConfigError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// An error about `key` (a dotted path such as `ram.regions[1].bytes`) in `file`.
    public init(file: String, key: String, _ problem: String) {
        description = "\(file): key '\(key)': \(problem)"
    }
}
