/// PAD / PADV2 of an int8 tensor (rank <= 4) with constant `paddings[rank][2]` (before, after).
/// Padded positions take the pad value: the output zero point for PAD, the given constant for PADV2.
public struct PadInt8: Sendable {
    public let input: Int, output: Int
    /// Input and output extents left-padded to rank 4, and the leading pads.
    public let inputExtents: [Int], outputExtents: [Int], before: [Int]
    public let padValue: Int8

    public init(context: OperatorContext, constants: ConstantData) throws(GraphError) {
        try context.expect(inputs: 2, 3, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let x = try context.int8Tensor(input), y = try context.int8Tensor(output)
        let p = try context.tensor(try context.inputID(1), .int32)
        let rank = x.shape.count
        if rank > 4 || y.shape.count != rank || p.elementCount != rank * 2 { throw context.fail(.shapeMismatch) }
        if x.scale != y.scale || x.zeroPoint != y.zeroPoint { throw context.fail(.unsupportedQuantization) }
        let pads = try context.constantInt32(p, constants)
        var inE = [Int](repeating: 1, count: 4), outE = inE, lead = [Int](repeating: 0, count: 4)
        for d in 0 ..< rank {
            let b = Int(pads[2 * d]), a = Int(pads[2 * d + 1])
            if b < 0 || a < 0 || b > 1 << 24 || a > 1 << 24 || x.shape[d] + b + a != y.shape[d] {
                throw context.fail(.outputShapeMismatch)
            }
            inE[4 - rank + d] = x.shape[d]
            outE[4 - rank + d] = y.shape[d]
            lead[4 - rank + d] = b
        }
        inputExtents = inE
        outputExtents = outE
        before = lead
        var value = Int8(truncatingIfNeeded: y.zeroPoint)
        let valueID = try context.inputID(2)
        if valueID >= 0 {
            let v = try context.constantInt8(try context.int8Tensor(valueID), constants)
            if v.count != 1 { throw context.fail(.shapeMismatch) }
            value = v[0]
        }
        padValue = value
    }

    public func evaluate(_ memory: TensorMemory) {
        let x = memory.int8(input)
        var y = memory.int8(output)
        let o = outputExtents, e = inputExtents, p = before
        for i0 in 0 ..< o[0] { for i1 in 0 ..< o[1] { for i2 in 0 ..< o[2] { for i3 in 0 ..< o[3] {
            let j0 = i0 - p[0], j1 = i1 - p[1], j2 = i2 - p[2], j3 = i3 - p[3]
            if j0 >= 0 && j0 < e[0] && j1 >= 0 && j1 < e[1] && j2 >= 0 && j2 < e[2] && j3 >= 0 && j3 < e[3] {
                y.pointee = x[((j0 * e[1] + j1) * e[2] + j2) * e[3] + j3]
            } else {
                y.pointee = padValue
            }
            y += 1
        }}}}
    }
}
