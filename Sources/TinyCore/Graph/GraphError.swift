/// Why a graph could not be built or prepared. Carries numbers only (Embedded-friendly); the host
/// runtime turns it into a sentence.
public enum GraphError: Error, Equatable, Sendable {
    /// Operator `op` (index) has a tensor that breaks the kernel's contract; `reason` names it.
    case invalidOperator(op: Int, reason: GraphErrorReason)
    /// A tensor id outside the graph.
    case tensorIndexOutOfRange(op: Int, tensor: Int)
    /// The arena would exceed the addressable size.
    case arenaTooLarge
}

/// The specific contract a kernel found broken.
public enum GraphErrorReason: Equatable, Sendable {
    case wrongInputCount, wrongOutputCount, unsupportedType, shapeMismatch, missingQuantization
    case unsupportedQuantization, badOptions, notConstant, outputShapeMismatch, tooLarge
    /// An operator output that is a constant tensor.
    case constantOutput
}
