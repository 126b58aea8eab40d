/// SOFTMAX, int8 in / int8 out (output scale 1/256, zero point -128), as LiteRT 2.x evaluates it in
/// every resolver (including BUILTIN_REF): a float table of exponentials.
///
/// Prepare: `table[255 - v] = expf(-inScale * beta * v)` for v in 0...255 (float).
/// Per row of the last dimension: `m = max(x)`; `e_j = table[255 - m + x_j] = exp(-s*beta*(m - x_j))`;
/// `sum = e_0 + e_1 + ...` (float, in order); `inv = 1 / (sum * outScale)`;
/// `out_j = clamp(Int32(round(e_j * inv)) + outZeroPoint, -128, 127)` (round half away from zero).
public struct SoftmaxInt8: Sendable {
    public let input: Int, output: Int
    public let rows: Int, depth: Int
    public let outputScale: Float, outputZeroPoint: Int32
    public let table: [Float]

    public init(context: OperatorContext, beta: Float, math: HostMath) throws(GraphError) {
        try context.expect(inputs: 1, 1, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let inputTensor = try context.int8Tensor(input)
        let outputTensor = try context.int8Tensor(output)
        if inputTensor.shape != outputTensor.shape || inputTensor.shape.isEmpty { throw context.fail(.shapeMismatch) }
        depth = inputTensor.shape[inputTensor.shape.count - 1]
        rows = inputTensor.elementCount / depth
        outputScale = outputTensor.scale
        outputZeroPoint = outputTensor.zeroPoint
        let scale: Float = -inputTensor.scale * beta
        var t = [Float](repeating: 0, count: 256)
        for v in 0 ... 255 { t[255 - v] = math.exp(scale * Float(v)) }
        table = t
    }

    public func evaluate(_ memory: TensorMemory) {
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        table.withUnsafeBufferPointer { t in
            for r in 0 ..< rows {
                let x = inputData + r * depth
                let y = outputData + r * depth
                var maxValue: Int = -128
                for c in 0 ..< depth { maxValue = max(maxValue, Int(x[c])) }
                let base = 255 - maxValue
                var sum: Float = 0
                for c in 0 ..< depth { sum += t[base + Int(x[c])] }
                let inverse: Float = 1 / (sum * outputScale)
                for c in 0 ..< depth {
                    let p = (t[base + Int(x[c])] * inverse).rounded(.toNearestOrAwayFromZero)
                    let q = Int32(max(-1000, min(1000, p))) + outputZeroPoint
                    y[c] = Int8(max(-128, min(127, q)))
                }
            }
        }
    }
}
