/// CONCATENATION along `axis` of int8 tensors that share the output's scale and zero point (the
/// int8 TFLite spec requires it): a strided copy. `outer` = product of dims before `axis`; each
/// input contributes `dims[axis] * inner` contiguous bytes per outer index.
public struct ConcatenationInt8: Sendable {
    public let inputs: [Int]
    public let output: Int
    public let outer: Int
    /// Bytes each input contributes per outer step.
    public let chunkBytes: [Int]

    public init(context: OperatorContext, axis: Int) throws(GraphError) {
        if context.inputs.isEmpty || context.outputs.count != 1 { throw context.fail(.wrongInputCount) }
        output = try context.outputID(0)
        let o = try context.int8Tensor(output)
        let rank = o.shape.count
        let a = axis < 0 ? axis + rank : axis
        if a < 0 || a >= rank { throw context.fail(.badOptions) }
        var ids: [Int] = []
        var chunks: [Int] = []
        var axisTotal = 0
        var inner = 1
        for d in (a + 1) ..< rank { inner *= o.shape[d] }
        var outerCount = 1
        for d in 0 ..< a { outerCount *= o.shape[d] }
        for i in 0 ..< context.inputs.count {
            let id = try context.inputID(i)
            let t = try context.int8Tensor(id)
            if t.shape.count != rank { throw context.fail(.shapeMismatch) }
            for d in 0 ..< rank where d != a && t.shape[d] != o.shape[d] { throw context.fail(.shapeMismatch) }
            if t.scale != o.scale || t.zeroPoint != o.zeroPoint { throw context.fail(.unsupportedQuantization) }
            ids.append(id)
            chunks.append(t.shape[a] * inner)
            axisTotal += t.shape[a]
        }
        if axisTotal != o.shape[a] { throw context.fail(.shapeMismatch) }
        inputs = ids
        chunkBytes = chunks
        outer = outerCount
    }

    public func evaluate(_ memory: TensorMemory) {
        var y = memory.int8(output)
        for k in 0 ..< outer {
            for (i, id) in inputs.enumerated() {
                let n = chunkBytes[i]
                y.update(from: memory.int8(id) + k * n, count: n)
                y += n
            }
        }
    }
}
