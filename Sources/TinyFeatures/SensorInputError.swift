/// A sensor recording or stream the motion front end cannot use: undetectable units, a wrong
/// number of channels, too few samples. `description` is one line naming the source.
public struct SensorInputError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
