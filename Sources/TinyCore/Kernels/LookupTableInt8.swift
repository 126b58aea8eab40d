/// LOGISTIC and TANH on int8 through a 256-entry table, as LiteRT's reference path builds it
/// (`LUTPopulate`): for each input value q,
///   `y = f(inScale * Float(q - inZeroPoint))`, `out = clamp(Int32(round(y * (1 / outScale)) + Float(outZeroPoint)))`
/// all in float, with f = `1 / (1 + expf(-x))` (LOGISTIC) or `tanhf(x)` (TANH); round half away from zero.
public struct LookupTableInt8: Sendable {
    public let input: Int, output: Int
    public let count: Int
    /// Output value indexed by the input byte's bit pattern.
    public let table: [Int8]

    public enum Function { case logistic, tanh }

    public init(context: OperatorContext, function: Function, math: HostMath) throws(GraphError) {
        try context.expect(inputs: 1, 1, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let x = try context.int8Tensor(input), y = try context.int8Tensor(output)
        if x.elementCount != y.elementCount { throw context.fail(.shapeMismatch) }
        count = y.elementCount
        let inverseScale: Float = 1 / y.scale
        var t = [Int8](repeating: 0, count: 256)
        for q in -128 ... 127 {
            let real: Float = x.scale * Float(Int32(q) - x.zeroPoint)
            let transformed: Float
            switch function {
            case .logistic: transformed = 1 / (1 + math.exp(-real))
            case .tanh: transformed = math.tanh(real)
            }
            let rescaled = (transformed * inverseScale).rounded(.toNearestOrAwayFromZero)
            let shifted = rescaled + Float(y.zeroPoint)
            let quantized = shifted.isNaN ? 0 : Int32(max(-1000, min(1000, shifted)))
            t[Int(UInt8(bitPattern: Int8(q)))] = Int8(max(-128, min(127, quantized)))
        }
        table = t
    }

    public func evaluate(_ memory: TensorMemory) {
        let x = memory.int8(input), y = memory.int8(output)
        table.withUnsafeBufferPointer { t in
            for i in 0 ..< count { y[i] = t[Int(UInt8(bitPattern: x[i]))] }
        }
    }
}
