/// DEQUANTIZE int8 -> float32: `Float(Double(scale) * Double(x - zeroPoint))` (the scale is held
/// as a double, as in TFLite's `DequantizationParams`).
public struct DequantizeInt8: Sendable {
    public let input: Int, output: Int
    public let count: Int
    public let scale: Double, zeroPoint: Int32

    public init(context: OperatorContext) throws(GraphError) {
        try context.expect(inputs: 1, 1, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let x = try context.int8Tensor(input), y = try context.tensor(output, .float32)
        if x.elementCount != y.elementCount { throw context.fail(.shapeMismatch) }
        count = y.elementCount
        scale = Double(x.scale)
        zeroPoint = x.zeroPoint
    }

    public func evaluate(_ memory: TensorMemory) {
        let x = memory.int8(input), y = memory.float32(output)
        for i in 0 ..< count { y[i] = Float(scale * Double(Int32(x[i]) - zeroPoint)) }
    }
}
