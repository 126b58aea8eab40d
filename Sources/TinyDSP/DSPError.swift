/// A configuration the DSP layer cannot honour (bad size, empty band, out-of-range frequency).
///
/// Thrown only at set-up time (initialisers); per-frame functions never fail. `description` is one
/// line naming the offending parameter, suitable for `<tool>: error: <description>`.
public struct DSPError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
