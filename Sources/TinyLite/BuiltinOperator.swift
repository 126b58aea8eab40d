/// TFLite `BuiltinOperator` codes the reader knows by name.
public enum BuiltinCode {
    public static let add: Int32 = 0, averagePool2D: Int32 = 1, concatenation: Int32 = 2, conv2D: Int32 = 3
    public static let depthwiseConv2D: Int32 = 4, dequantize: Int32 = 6, fullyConnected: Int32 = 9
    public static let logistic: Int32 = 14, maxPool2D: Int32 = 17, mul: Int32 = 18, reshape: Int32 = 22
    public static let softmax: Int32 = 25, tanh: Int32 = 28, custom: Int32 = 32, pad: Int32 = 34
    public static let mean: Int32 = 40, squeeze: Int32 = 43, stridedSlice: Int32 = 45, padV2: Int32 = 60
    public static let expandDims: Int32 = 70, shape: Int32 = 77, pack: Int32 = 83, quantize: Int32 = 114

    /// The schema name of a builtin code (e.g. "CONV_2D"), or "BUILTIN_<code>" for unnamed ones.
    public static func name(_ code: Int32) -> String {
        switch code {
        case 0: return "ADD"
        case 1: return "AVERAGE_POOL_2D"
        case 2: return "CONCATENATION"
        case 3: return "CONV_2D"
        case 4: return "DEPTHWISE_CONV_2D"
        case 5: return "DEPTH_TO_SPACE"
        case 6: return "DEQUANTIZE"
        case 8: return "FLOOR"
        case 9: return "FULLY_CONNECTED"
        case 11: return "L2_NORMALIZATION"
        case 12: return "L2_POOL_2D"
        case 14: return "LOGISTIC"
        case 16: return "LSTM"
        case 17: return "MAX_POOL_2D"
        case 18: return "MUL"
        case 19: return "RELU"
        case 20: return "RELU_N1_TO_1"
        case 21: return "RELU6"
        case 22: return "RESHAPE"
        case 23: return "RESIZE_BILINEAR"
        case 25: return "SOFTMAX"
        case 28: return "TANH"
        case 32: return "CUSTOM"
        case 34: return "PAD"
        case 36: return "GATHER"
        case 39: return "TRANSPOSE"
        case 40: return "MEAN"
        case 41: return "SUB"
        case 42: return "DIV"
        case 43: return "SQUEEZE"
        case 44: return "UNIDIRECTIONAL_SEQUENCE_LSTM"
        case 45: return "STRIDED_SLICE"
        case 47: return "EXP"
        case 49: return "SPLIT"
        case 50: return "LOG_SOFTMAX"
        case 53: return "CAST"
        case 54: return "PRELU"
        case 55: return "MAXIMUM"
        case 56: return "ARG_MAX"
        case 57: return "MINIMUM"
        case 59: return "NEG"
        case 60: return "PADV2"
        case 65: return "SLICE"
        case 67: return "TRANSPOSE_CONV"
        case 70: return "EXPAND_DIMS"
        case 74: return "SUM"
        case 77: return "SHAPE"
        case 82: return "REDUCE_MAX"
        case 83: return "PACK"
        case 88: return "UNPACK"
        case 97: return "RESIZE_NEAREST_NEIGHBOR"
        case 98: return "LEAKY_RELU"
        case 114: return "QUANTIZE"
        case 117: return "HARD_SWISH"
        case 123: return "BATCH_MATMUL"
        default: return "BUILTIN_\(code)"
        }
    }
}
