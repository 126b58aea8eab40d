/// RESHAPE / SQUEEZE / EXPAND_DIMS on a run-time tensor: the bytes are unchanged, only the shape
/// differs, so evaluation is a copy (skipped when the planner put both tensors at one address).
public struct ReshapeCopy: Sendable {
    public let input: Int, output: Int
    public let byteCount: Int

    public init(context: OperatorContext) throws(GraphError) {
        if context.inputs.isEmpty || context.outputs.count != 1 { throw context.fail(.wrongInputCount) }
        input = try context.inputID(0)
        output = try context.outputID(0)
        if input < 0 { throw context.fail(.wrongInputCount) }
        let a = context.tensors[input], b = context.tensors[output]
        if a.type != b.type || a.elementCount != b.elementCount { throw context.fail(.shapeMismatch) }
        if let qa = a.quantization, let qb = b.quantization, qa.scale != qb.scale || qa.zeroPoint != qb.zeroPoint {
            throw context.fail(.unsupportedQuantization)
        }
        byteCount = b.byteCount
    }

    public func evaluate(_ memory: TensorMemory) {
        let source = memory.raw(input), destination = memory.raw(output)
        if source != destination { destination.copyMemory(from: source, byteCount: byteCount) }
    }
}
