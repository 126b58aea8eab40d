/// A gesture-pipeline failure (bad configuration, bad input, model mismatch) with a one-line
/// description suitable for `<tool>: error: <message>`.
public struct GestureError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
