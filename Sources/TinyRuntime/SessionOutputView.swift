import TinyCore

extension Session {
    /// Calls `body` with a read-only view of int8 output `index` in the arena, without copying or
    /// allocating (for per-window hot paths). The view is valid only inside `body` and until the
    /// next `invoke()`.
    public func withOutputInt8<R>(_ index: Int = 0, _ body: (UnsafeBufferPointer<Int8>) -> R) throws(RuntimeError) -> R {
        let ids = model.graph.outputs
        if index < 0 || index >= ids.count { throw .noTensor(role: "output", index: index) }
        let t = model.graph.tensors[ids[index]]
        if t.type != .int8 { throw .wrongType(role: "output", index: index, type: t.type.name, expected: "int8") }
        let p = interpreter.tensorData(ids[index]).assumingMemoryBound(to: Int8.self)
        return body(UnsafeBufferPointer(start: p, count: t.elementCount))
    }
}
