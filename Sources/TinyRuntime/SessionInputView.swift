import TinyCore

extension Session {
    /// Copies int8 values from a buffer into input `index` (no allocation; for per-inference loops).
    public func setInput(_ index: Int = 0, int8 values: UnsafeBufferPointer<Int8>) throws(RuntimeError) {
        let id = try checkedTensor(model.graph.inputs, index, "input", count: values.count)
        let p = interpreter.tensorData(id).assumingMemoryBound(to: Int8.self)
        if let base = values.baseAddress { p.update(from: base, count: values.count) }
    }

    /// The tensor id of entry `index` of `ids`, checked to be int8 (and to hold `count` values).
    private func checkedTensor(_ ids: [Int], _ index: Int, _ role: String, count: Int?) throws(RuntimeError) -> Int {
        if index < 0 || index >= ids.count { throw .noTensor(role: role, index: index) }
        let t = model.graph.tensors[ids[index]]
        if t.type != .int8 { throw .wrongType(role: role, index: index, type: t.type.name, expected: "int8") }
        if let count, count != t.elementCount { throw .wrongSize(role: role, index: index, expected: t.elementCount, got: count, unit: "values") }
        return ids[index]
    }
}
