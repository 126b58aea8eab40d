import TinyCore

/// One TFLite builtin operator the reader implements: its entry in `BuiltinOperator.registry` is
/// what makes it supported. Supporting a new operator is one entry (code, schema name, versions and
/// `build`, reading its options through a `LiteOptions` view) plus its kernel: the TinyCore kernel
/// with its `Operator` case, and the C kernel (`CKernel`, `COperatorEmitter`, both exhaustive
/// switches over the core's enums, so a missing one does not compile).
struct BuiltinOperator: Sendable {
    /// TFLite `BuiltinOperator` code.
    let code: Int32
    /// Schema name ("CONV_2D"), used for `LiteModel.operatorNames` and `foldedOperators`.
    let name: String
    /// The operator versions the reader implements: up to the newest LiteRT's builtin resolver
    /// registers (a later version may change an option's meaning, so it is listed as unsupported).
    let versions: ClosedRange<Int32>
    /// Prepares the operator's kernel from the file operator (`OperatorContext`: its tensors, as
    /// resolved so far) and its options table, or returns nil when the operator was resolved at load
    /// time (its output made a constant by `GraphBuilder.fold`: shape-only operators, reshapes of
    /// constants). Throws the kernel's `GraphError` for a contract it breaks.
    let build: @Sendable (inout GraphBuilder, OperatorContext, OptionsTable) throws(GraphError) -> Operator?

    /// The entry for `code`, or nil when the reader does not implement it.
    static func lookup(_ code: Int32) -> BuiltinOperator? {
        for entry in registry where entry.code == code { return entry }
        return nil
    }

    /// The schema name of any builtin code: the registry's for implemented operators, the schema's
    /// for the common ones it does not implement (for the unsupported-operator listing), else
    /// "BUILTIN_<code>".
    static func name(_ code: Int32) -> String {
        lookup(code)?.name ?? unimplementedName(code) ?? "BUILTIN_\(code)"
    }

    /// Schema names of frequent builtin operators without an entry in the registry.
    private static func unimplementedName(_ code: Int32) -> String? {
        switch code {
        case 5: return "DEPTH_TO_SPACE"
        case 8: return "FLOOR"
        case 11: return "L2_NORMALIZATION"
        case 12: return "L2_POOL_2D"
        case 16: return "LSTM"
        case 19: return "RELU"
        case 20: return "RELU_N1_TO_1"
        case 21: return "RELU6"
        case 23: return "RESIZE_BILINEAR"
        case 32: return "CUSTOM"
        case 36: return "GATHER"
        case 39: return "TRANSPOSE"
        case 41: return "SUB"
        case 42: return "DIV"
        case 44: return "UNIDIRECTIONAL_SEQUENCE_LSTM"
        case 47: return "EXP"
        case 49: return "SPLIT"
        case 50: return "LOG_SOFTMAX"
        case 53: return "CAST"
        case 54: return "PRELU"
        case 55: return "MAXIMUM"
        case 56: return "ARG_MAX"
        case 57: return "MINIMUM"
        case 59: return "NEG"
        case 65: return "SLICE"
        case 67: return "TRANSPOSE_CONV"
        case 74: return "SUM"
        case 82: return "REDUCE_MAX"
        case 88: return "UNPACK"
        case 97: return "RESIZE_NEAREST_NEIGHBOR"
        case 98: return "LEAKY_RELU"
        case 117: return "HARD_SWISH"
        case 123: return "BATCH_MATMUL"
        default: return nil
        }
    }
}
