import TinyCore

/// Why a .tflite file could not be loaded. Numbers and names only; the host runtime words it.
public enum LiteError: Error, Equatable, Sendable {
    /// The bytes are not a well-formed TFLite flatbuffer.
    case malformed(MalformedReason)
    /// Every operator the core does not implement, once per (name, version).
    case unsupportedOperators([UnsupportedOperator])
    /// A tensor type the core cannot hold (TFLite `TensorType` code).
    case unsupportedTensorType(tensor: Int, code: Int8)
    /// A constant tensor whose buffer size does not match its shape and type.
    case bufferSizeMismatch(tensor: Int, expected: Int, actual: Int)
    /// A kernel rejected an operator (shapes, types, quantization, options).
    case invalidGraph(GraphError)
    /// Subgraph count is not exactly one usable subgraph.
    case noSubgraph
}

public enum MalformedReason: Equatable, Sendable {
    case tooSmall, outOfBounds, badVTable, badTensorIndex, badBufferIndex, badOperatorCode, badShape, tooLarge
}

/// An operator that the core does not implement.
public struct UnsupportedOperator: Equatable, Sendable {
    /// Builtin operator code (`max(deprecated_builtin_code, builtin_code)`), 32 for CUSTOM.
    public var code: Int32
    public var name: String
    public var version: Int32
    /// How many times it occurs.
    public var count: Int
}
