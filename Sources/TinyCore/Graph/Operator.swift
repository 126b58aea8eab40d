/// One prepared operator. A closed enum (no existentials) so the interpreter dispatches with a
/// switch and Embedded Swift needs no metadata.
public enum Operator: Sendable {
    case conv2D(Conv2DInt8)
    case depthwiseConv2D(DepthwiseConv2DInt8)
    case fullyConnected(FullyConnectedInt8)
    case averagePool2D(AveragePool2DInt8)
    case maxPool2D(MaxPool2DInt8)
    case softmax(SoftmaxInt8)
    case reshape(ReshapeCopy)
    case add(AddInt8)
    case mul(MulInt8)
    case mean(MeanInt8)
    case concatenation(ConcatenationInt8)
    case pad(PadInt8)
    case logistic(LookupTableInt8)
    case tanh(LookupTableInt8)
    case quantize(QuantizeFloat)
    case requantize(RequantizeInt8)
    case dequantize(DequantizeInt8)

    /// Runs the kernel on the tensors in `memory` (on hosts, the SIMD forms of the convolutions
    /// and FULLY_CONNECTED: bit-identical, see `evaluatePortable`).
    @inline(__always)
    public func evaluate(_ memory: TensorMemory) {
        switch self {
        #if hasFeature(Embedded)
        case .conv2D(let k): k.evaluate(memory)
        case .depthwiseConv2D(let k): k.evaluate(memory)
        case .fullyConnected(let k): k.evaluate(memory)
        #else
        case .conv2D(let k): k.evaluateSIMD(memory)
        case .depthwiseConv2D(let k): k.evaluateSIMD(memory)
        case .fullyConnected(let k): k.evaluateSIMD(memory)
        #endif
        case .averagePool2D(let k): k.evaluate(memory)
        case .maxPool2D(let k): k.evaluate(memory)
        case .softmax(let k): k.evaluate(memory)
        case .reshape(let k): k.evaluate(memory)
        case .add(let k): k.evaluate(memory)
        case .mul(let k): k.evaluate(memory)
        case .mean(let k): k.evaluate(memory)
        case .concatenation(let k): k.evaluate(memory)
        case .pad(let k): k.evaluate(memory)
        case .logistic(let k): k.evaluate(memory)
        case .tanh(let k): k.evaluate(memory)
        case .quantize(let k): k.evaluate(memory)
        case .requantize(let k): k.evaluate(memory)
        case .dequantize(let k): k.evaluate(memory)
        }
    }

    #if !hasFeature(Embedded)
    /// Host builds only: runs the portable kernel, the code devices run (tests compare both forms).
    public func evaluatePortable(_ memory: TensorMemory) {
        switch self {
        case .conv2D(let k): k.evaluate(memory)
        case .depthwiseConv2D(let k): k.evaluate(memory)
        case .fullyConnected(let k): k.evaluate(memory)
        default: evaluate(memory)
        }
    }
    #endif

    /// Multiply-accumulate count of one evaluation (0 for ops without MACs).
    public var multiplyAccumulates: Int {
        switch self {
        case .conv2D(let k): return k.multiplyAccumulates
        case .depthwiseConv2D(let k): return k.multiplyAccumulates
        case .fullyConnected(let k): return k.multiplyAccumulates
        default: return 0
        }
    }

    /// Bytes of precomputed per-channel data (bias, multiplier, shifts: `ChannelRequantization`)
    /// kept with the prepared model, outside the arena. Weights are counted by `weightBytes`.
    public var persistentBytes: Int {
        switch self {
        case .conv2D(let k): return k.requantization.persistentBytes
        case .depthwiseConv2D(let k): return k.requantization.persistentBytes
        case .fullyConnected(let k): return k.requantization.persistentBytes
        default: return 0
        }
    }

    /// Arena bytes the operator needs while it runs (planned like a tensor living one step).
    public var scratchBytes: Int {
        switch self {
        case .conv2D(let k): return k.scratchBytes
        case .depthwiseConv2D(let k): return k.scratchBytes
        default: return 0
        }
    }

    #if !hasFeature(Embedded)
    /// Host builds only: working memory of the operator's SIMD kernel (widened int16 lhs rows),
    /// outside the arena (`TensorMemory.workspace`).
    public var workspaceBytes: Int {
        switch self {
        case .conv2D(let k): return k.workspaceBytes
        case .depthwiseConv2D(let k): return k.workspaceBytes
        case .fullyConnected(let k): return k.workspaceBytes
        default: return 0
        }
    }

    /// Host builds only: bytes the SIMD kernels keep for the model's lifetime on top of
    /// `persistentBytes` (the device's): the convolutions' channel parameters in lanes of four
    /// (`ChannelGroupParameters`) and CONV_2D filters widened to int16 (`PackedFilterInt16`).
    /// FULLY_CONNECTED keeps nothing more.
    public var hostKernelBytes: Int {
        switch self {
        case .conv2D(let k): return ChannelGroupParameters.byteCount(k.channelGroups) + k.packedFilter.byteCount
        case .depthwiseConv2D(let k): return ChannelGroupParameters.byteCount(k.channelGroups)
        default: return 0
        }
    }
    #endif

    /// Bytes of weights (filters) the operator holds.
    public var weightBytes: Int {
        switch self {
        case .conv2D(let k): return k.weightCount
        case .depthwiseConv2D(let k): return k.weightCount
        case .fullyConnected(let k): return k.weightCount
        default: return 0
        }
    }
}
