/// A wildlife-pipeline failure (bad pipeline file, model that does not fit the features, unreadable
/// or unusable audio) with a one-line description that tools print as `<tool>: error: <description>`.
public struct WildlifeError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
