/// A motor-anomaly failure (bad configuration, baseline file, input stream) with a one-line
/// description that the tools print as `<tool>: error: <description>`.
public struct AnomalyError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
