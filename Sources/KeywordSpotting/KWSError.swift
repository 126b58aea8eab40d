/// A keyword-spotting failure (bad pipeline file, model that does not fit the pipeline, unusable
/// input) with a one-line description that names the file and what was expected.
public struct KWSError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
