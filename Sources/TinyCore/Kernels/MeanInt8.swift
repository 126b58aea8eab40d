/// MEAN of an int8 tensor (rank <= 4) over constant axes, with LiteRT 2.3's integer recipe
/// (verified bit-exact on 4-D spatial and 3-D temporal means):
///   prepare: `(M, s) = QuantizedMultiplier(Double(inScale) / Double(outScale))`, `n` = reduced count,
///            `k = min(floor(log2 n), 32, 31 + s)`, `M' = Int32((Int64(M) << k) / n)`;
///   per output: `out = clamp(multiplyByQuantizedMultiplier(Σx - inZeroPoint * n, M', s - k) + outZeroPoint)`
/// where Σx sums the raw int8 values over the reduced axes.
public struct MeanInt8: Sendable {
    public let input: Int, output: Int
    /// Input extents padded to rank 4 and which of them are reduced.
    public let extents: [Int]
    public let reduced: [Bool]
    public let reducedCount: Int32
    public let inputZeroPoint: Int32, outputZeroPoint: Int32
    public let multiplier: QuantizedMultiplier

    public init(context: OperatorContext, constants: ConstantData) throws(GraphError) {
        try context.expect(inputs: 2, 2, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let x = try context.int8Tensor(input), y = try context.int8Tensor(output)
        let axes = try context.constantInt32(try context.tensor(try context.inputID(1), .int32), constants)
        let rank = x.shape.count
        if rank < 1 || rank > 4 { throw context.fail(.shapeMismatch) }
        var isReduced = [Bool](repeating: false, count: 4)
        for a in axes {
            let axis = a < 0 ? Int(a) + rank : Int(a)
            if axis < 0 || axis >= rank { throw context.fail(.badOptions) }
            isReduced[4 - rank + axis] = true
        }
        var e = [Int](repeating: 1, count: 4)
        for d in 0 ..< rank { e[4 - rank + d] = x.shape[d] }
        var n = 1
        for d in 0 ..< 4 where isReduced[d] { n *= e[d] }
        if x.elementCount / n != y.elementCount || n > 1 << 24 { throw context.fail(.outputShapeMismatch) }
        extents = e
        reduced = isReduced
        reducedCount = Int32(n)
        inputZeroPoint = x.zeroPoint
        outputZeroPoint = y.zeroPoint
        let base = QuantizedMultiplier(Double(x.scale) / Double(y.scale))
        let k = min(Int32(Int.bitWidth - 1 - n.leadingZeroBitCount), 32, 31 + base.shift)
        let scaled = (Int64(base.multiplier) << Int64(k)) / Int64(n)
        multiplier = QuantizedMultiplier(multiplier: Int32(truncatingIfNeeded: scaled), shift: base.shift - k)
    }

    public func evaluate(_ memory: TensorMemory) {
        let x = memory.int8(input), y = memory.int8(output)
        let e = extents, r = reduced
        let offset = inputZeroPoint &* reducedCount
        var outCount = 1
        for d in 0 ..< 4 where !r[d] { outCount *= e[d] }
        for o in 0 ..< outCount {
            // Kept coordinates of output element o (row-major over the kept dimensions).
            var rest = o
            var c3 = 0, c2 = 0, c1 = 0, c0 = 0
            if !r[3] { c3 = rest % e[3]; rest /= e[3] }
            if !r[2] { c2 = rest % e[2]; rest /= e[2] }
            if !r[1] { c1 = rest % e[1]; rest /= e[1] }
            if !r[0] { c0 = rest }
            var sum: Int32 = 0
            for i0 in (r[0] ? 0 : c0) ..< (r[0] ? e[0] : c0 + 1) {
                for i1 in (r[1] ? 0 : c1) ..< (r[1] ? e[1] : c1 + 1) {
                    for i2 in (r[2] ? 0 : c2) ..< (r[2] ? e[2] : c2 + 1) {
                        for i3 in (r[3] ? 0 : c3) ..< (r[3] ? e[3] : c3 + 1) {
                            sum &+= Int32(x[((i0 * e[1] + i1) * e[2] + i2) * e[3] + i3])
                        }
                    }
                }
            }
            let v = multiplier.apply(sum &- offset) &+ outputZeroPoint
            y[o] = Int8(max(-128, min(127, v)))
        }
    }
}
