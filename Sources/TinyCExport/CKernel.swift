/// The hand-written C kernels of the export, one per TinyCore operator family. Each has a params
/// struct (everything the Swift kernel precomputes in `init`, as constants) and a function that
/// computes the same integers (and floats) as the Swift kernel, in whatever loop order is fastest, so the C library is
/// bit-exact with the core (and with LiteRT's BUILTIN_REF kernels). Sources live in
/// `Kernels/CKernel+<Name>.swift`.
enum CKernel: Int, CaseIterable, Comparable {
    case conv2D, depthwiseConv2D, fullyConnected, pool2D, softmax, copy
    case binary, mean, concatenation, pad, lookupTable, quantize, requantize, dequantize

    static func < (a: CKernel, b: CKernel) -> Bool { a.rawValue < b.rawValue }

    /// The C source: params typedef and the kernel function.
    var source: String {
        switch self {
        case .conv2D: return CKernel.conv2DSource
        case .depthwiseConv2D: return CKernel.depthwiseConv2DSource
        case .fullyConnected: return CKernel.fullyConnectedSource
        case .pool2D: return CKernel.pool2DSource
        case .softmax: return CKernel.softmaxSource
        case .copy: return CKernel.copySource
        case .binary: return CKernel.binarySource
        case .mean: return CKernel.meanSource
        case .concatenation: return CKernel.concatenationSource
        case .pad: return CKernel.padSource
        case .lookupTable: return CKernel.lookupTableSource
        case .quantize: return CKernel.quantizeSource
        case .requantize: return CKernel.requantizeSource
        case .dequantize: return CKernel.dequantizeSource
        }
    }

    /// Primitives the kernel calls directly (`CPrimitive.closure` adds their dependencies).
    var primitives: [CPrimitive] {
        switch self {
        case .conv2D: return [.clamp, .multiplyByQuantizedMultiplier, .dotProduct4x1, .dotProduct]
        case .depthwiseConv2D, .binary, .requantize, .mean: return [.clamp, .multiplyByQuantizedMultiplier]
        case .fullyConnected: return [.clamp, .multiplyByQuantizedMultiplierSingleRounding, .dotProduct4x1, .dotProduct]
        case .pool2D: return [.clamp]
        case .softmax: return [.clamp, .roundAwayFromZero]
        case .quantize: return [.clamp, .roundAwayFromZero]
        case .copy, .concatenation, .pad, .lookupTable, .dequantize: return []
        }
    }
}
