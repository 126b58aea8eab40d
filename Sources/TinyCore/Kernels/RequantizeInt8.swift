/// QUANTIZE int8 -> int8 (rescale): `M = Double(inScale) / Double(outScale)`,
/// `out = clamp(mbqm(x - inZeroPoint, M) + outZeroPoint, -128, 127)`.
public struct RequantizeInt8: Sendable {
    public let input: Int, output: Int
    public let count: Int
    public let inputZeroPoint: Int32, outputZeroPoint: Int32
    public let multiplier: QuantizedMultiplier

    public init(context: OperatorContext) throws(GraphError) {
        try context.expect(inputs: 1, 1, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let x = try context.int8Tensor(input), y = try context.int8Tensor(output)
        if x.elementCount != y.elementCount { throw context.fail(.shapeMismatch) }
        count = y.elementCount
        inputZeroPoint = x.zeroPoint
        outputZeroPoint = y.zeroPoint
        multiplier = QuantizedMultiplier(Double(x.scale) / Double(y.scale))
    }

    public func evaluate(_ memory: TensorMemory) {
        let x = memory.int8(input), y = memory.int8(output)
        for i in 0 ..< count {
            let v = multiplier.apply(Int32(x[i]) - inputZeroPoint) &+ outputZeroPoint
            y[i] = Int8(truncatingIfNeeded: max(-128, min(127, v)))
        }
    }
}
