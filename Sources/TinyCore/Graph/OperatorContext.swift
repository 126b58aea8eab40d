/// What a kernel's preparation step sees of one operator: the graph's tensors and the operator's
/// input/output tensor ids (-1 marks an omitted optional input). Preparation validates shapes and
/// types and precomputes everything `evaluate` needs, so inference does no checks and no allocation.
public struct OperatorContext {
    public let tensors: [Tensor]
    public let index: Int
    public let inputs: [Int]
    public let outputs: [Int]

    public init(tensors: [Tensor], index: Int, inputs: [Int], outputs: [Int]) {
        self.tensors = tensors
        self.index = index
        self.inputs = inputs
        self.outputs = outputs
    }

    public func fail(_ reason: GraphErrorReason) -> GraphError {
        .invalidOperator(op: index, reason: reason)
    }

    /// Requires between `min` and `max` inputs and exactly `outputs` outputs.
    public func expect(inputs min: Int, _ max: Int, outputs: Int) throws(GraphError) {
        if inputs.count < min || inputs.count > max { throw fail(.wrongInputCount) }
        if self.outputs.count != outputs { throw fail(.wrongOutputCount) }
    }

    /// Tensor id of input `i`, or -1 if it is omitted.
    public func inputID(_ i: Int) throws(GraphError) -> Int {
        if i >= inputs.count { return -1 }
        let id = inputs[i]
        if id < -1 || id >= tensors.count { throw .tensorIndexOutOfRange(op: index, tensor: id) }
        return id
    }

    public func outputID(_ i: Int) throws(GraphError) -> Int {
        if i >= outputs.count { throw fail(.wrongOutputCount) }
        let id = outputs[i]
        if id < 0 || id >= tensors.count { throw .tensorIndexOutOfRange(op: index, tensor: id) }
        return id
    }

    /// A required tensor of `type` with rank `rank` (any rank when nil).
    public func tensor(_ id: Int, _ type: ElementType, rank: Int? = nil) throws(GraphError) -> Tensor {
        if id < 0 { throw fail(.wrongInputCount) }
        let t = tensors[id]
        if t.type != type { throw fail(.unsupportedType) }
        if let rank, t.shape.count != rank { throw fail(.shapeMismatch) }
        for d in t.shape where d <= 0 || d > 1 << 24 { throw fail(.shapeMismatch) }
        if t.elementCount > 1 << 28 { throw fail(.tooLarge) }
        return t
    }

    /// A per-tensor quantized int8 activation tensor.
    public func int8Tensor(_ id: Int, rank: Int? = nil) throws(GraphError) -> Tensor {
        let t = try tensor(id, .int8, rank: rank)
        guard let q = t.quantization, q.scales.count >= 1, q.zeroPoints.count >= 1 else {
            throw fail(.missingQuantization)
        }
        if !(q.scale > 0) || !q.scale.isFinite || q.zeroPoint < -128 || q.zeroPoint > 127 {
            throw fail(.unsupportedQuantization)
        }
        return t
    }

    /// Calls `body` with a constant tensor's bytes, wherever they are (`ConstantData`).
    public func withConstantBytes<R>(_ t: Tensor, _ constants: ConstantData,
                                     _ body: (UnsafeRawBufferPointer) -> R) throws(GraphError) -> R {
        if !t.isConstant { throw fail(.notConstant) }
        guard let result = constants.withBytes(t.storage, count: t.byteCount, body) else { throw fail(.tooLarge) }
        return result
    }

    /// A constant int32 tensor's values (little-endian; read byte by byte, so any alignment).
    public func constantInt32(_ t: Tensor, _ constants: ConstantData) throws(GraphError) -> [Int32] {
        try withConstantBytes(t, constants) { bytes in
            var values: [Int32] = []
            values.reserveCapacity(bytes.count / 4)
            var i = 0
            while i + 4 <= bytes.count {
                let v = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
                    | UInt32(bytes[i + 3]) << 24
                values.append(Int32(bitPattern: v))
                i += 4
            }
            return values
        }
    }

    /// A constant int8 tensor's values.
    public func constantInt8(_ t: Tensor, _ constants: ConstantData) throws(GraphError) -> [Int8] {
        try withConstantBytes(t, constants) { bytes in bytes.map { Int8(bitPattern: $0) } }
    }
}

/// Padding scheme of convolutions and pools.
public enum Padding: Equatable, Sendable {
    case same, valid

    /// TFLite `ComputeOutSize` + `ComputePadding`: output size and the leading (top/left) padding,
    /// `max(0, ((out - 1) * stride + effectiveFilter - in) / 2)` with
    /// `effectiveFilter = (filter - 1) * dilation + 1`.
    public func outputAndPadding(input: Int, filter: Int, stride: Int, dilation: Int) -> (output: Int, padding: Int) {
        let effective = (filter - 1) * dilation + 1
        let output: Int
        switch self {
        case .same: output = (input + stride - 1) / stride
        case .valid: output = (input + stride - effective) / stride
        }
        let total = (output - 1) * stride + effective - input
        return (output, max(0, total / 2))
    }
}
