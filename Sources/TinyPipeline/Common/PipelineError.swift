/// Why a pipeline could not be set up or a stream could not go on (a bad image or configuration, a
/// model that does not fit the pipeline, a non-finite sample, a unit that cannot be told), with a
/// one-line description. Import-free, so firmware prints the same words the host tools do.
public struct PipelineError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
