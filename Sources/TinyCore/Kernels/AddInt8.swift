/// ADD, int8 with broadcasting (TFLite reference recipe, `left_shift = 20`).
///
/// Prepare: `twiceMax = 2 * max(s1, s2)`; `M1 = s1 / twiceMax`, `M2 = s2 / twiceMax`,
/// `Mout = twiceMax / (2^20 * sOut)` (doubles), each quantized with `QuantizedMultiplier` (shift <= 0).
/// Per element: `a = mbqm((x1 - z1) << 20, M1)`, `b = mbqm((x2 - z2) << 20, M2)`,
/// `out = clamp(mbqm(a + b, Mout) + zOut, actMin, actMax)`.
public struct AddInt8: Sendable {
    public let input1: Int, input2: Int, output: Int
    public let broadcast: Broadcast
    public let offset1: Int32, offset2: Int32, outputOffset: Int32
    public let multiplier1: QuantizedMultiplier, multiplier2: QuantizedMultiplier, outputMultiplier: QuantizedMultiplier
    public let activationMin: Int32, activationMax: Int32
    public static let leftShift: Int32 = 20

    public init(context: OperatorContext, activation: FusedActivation) throws(GraphError) {
        try context.expect(inputs: 2, 2, outputs: 1)
        input1 = try context.inputID(0)
        input2 = try context.inputID(1)
        output = try context.outputID(0)
        let a = try context.int8Tensor(input1), b = try context.int8Tensor(input2)
        let o = try context.int8Tensor(output)
        broadcast = try Broadcast(context: context, a.shape, b.shape, output: o.shape)
        offset1 = -a.zeroPoint
        offset2 = -b.zeroPoint
        outputOffset = o.zeroPoint
        let twiceMax = 2 * Double(max(a.scale, b.scale))
        multiplier1 = QuantizedMultiplier(Double(a.scale) / twiceMax)
        multiplier2 = QuantizedMultiplier(Double(b.scale) / twiceMax)
        outputMultiplier = QuantizedMultiplier(twiceMax / (Double(1 << AddInt8.leftShift) * Double(o.scale)))
        (activationMin, activationMax) = activationRangeInt8(activation, scale: o.scale, zeroPoint: o.zeroPoint)
    }

    @inline(__always)
    func combine(_ x1: Int8, _ x2: Int8) -> Int8 {
        let a = multiplier1.apply((Int32(x1) &+ offset1) &<< AddInt8.leftShift)
        let b = multiplier2.apply((Int32(x2) &+ offset2) &<< AddInt8.leftShift)
        let v = outputMultiplier.apply(a &+ b) &+ outputOffset
        return Int8(truncatingIfNeeded: max(activationMin, min(activationMax, v)))
    }

    public func evaluate(_ memory: TensorMemory) {
        let x1 = memory.int8(input1), x2 = memory.int8(input2), y = memory.int8(output)
        if broadcast.isElementwise {
            var count = 1
            for e in broadcast.extents { count *= e }
            for i in 0 ..< count { y[i] = combine(x1[i], x2[i]) }
        } else {
            broadcast.forEach { o, i, j in y[o] = combine(x1[i], x2[j]) }
        }
    }
}
