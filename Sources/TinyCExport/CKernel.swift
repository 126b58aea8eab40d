/// The hand-written C kernels of the export, one per TinyCore operator family, each in its own
/// file under `C/nn/` (math and params documented in `tml_nn.h`). A kernel computes the same
/// integers (and floats) as the Swift kernel, in whatever loop order is fastest, so the C library is
/// bit-exact with the core (and with LiteRT's BUILTIN_REF kernels). A library holds only the kernels
/// its model calls.
enum CKernel: Int, CaseIterable, Comparable {
    case conv2D, depthwiseConv2D, fullyConnected, pool2D, softmax, copy
    case binary, mean, concatenation, pad, lookupTable, quantize, requantize, dequantize

    static func < (a: CKernel, b: CKernel) -> Bool { a.rawValue < b.rawValue }

    /// The kernel's C file.
    var file: CSourceFile {
        switch self {
        case .conv2D: return .conv2D
        case .depthwiseConv2D: return .depthwiseConv2D
        case .fullyConnected: return .fullyConnected
        case .pool2D: return .pool2D
        case .softmax: return .softmax
        case .copy: return .copy
        case .binary: return .binary
        case .mean: return .mean
        case .concatenation: return .concatenation
        case .pad: return .pad
        case .lookupTable: return .lookupTable
        case .quantize: return .quantize
        case .requantize: return .requantize
        case .dequantize: return .dequantize
        }
    }
}
