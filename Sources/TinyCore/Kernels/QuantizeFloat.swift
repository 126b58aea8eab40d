/// QUANTIZE float32 -> int8: `q = clamp(Int32(round(x / scale)) + zeroPoint, -128, 127)` with a
/// float division and ties away from zero (TFLite `AffineQuantize`).
public struct QuantizeFloat: Sendable {
    public let input: Int, output: Int
    public let count: Int
    public let scale: Float, zeroPoint: Int32

    public init(context: OperatorContext) throws(GraphError) {
        try context.expect(inputs: 1, 1, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let x = try context.tensor(input, .float32), y = try context.int8Tensor(output)
        if x.elementCount != y.elementCount { throw context.fail(.shapeMismatch) }
        count = y.elementCount
        scale = y.scale
        zeroPoint = y.zeroPoint
    }

    /// One value, as the kernel computes it (also used by hosts to quantize inputs).
    @inline(__always)
    public static func quantize(_ x: Float, scale: Float, zeroPoint: Int32) -> Int8 {
        let r = (x / scale).rounded(.toNearestOrAwayFromZero)
        let clamped = max(-1000.0, min(1000.0, r.isNaN ? 0 : r))
        return Int8(max(-128, min(127, Int32(clamped) + zeroPoint)))
    }

    public func evaluate(_ memory: TensorMemory) {
        let x = memory.float32(input), y = memory.int8(output)
        for i in 0 ..< count { y[i] = QuantizeFloat.quantize(x[i], scale: scale, zeroPoint: zeroPoint) }
    }
}
