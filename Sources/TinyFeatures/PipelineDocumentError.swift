/// A pipeline file that cannot be used, as one line.
public struct PipelineDocumentError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
