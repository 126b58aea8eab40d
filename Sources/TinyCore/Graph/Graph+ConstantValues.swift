extension Graph {
    /// The bytes of constant tensor `id` (a copy; kernels read them in place instead). Empty when
    /// the tensor is not a constant of this graph.
    public func constantBytes(_ id: Int) -> [UInt8] {
        guard id >= 0, id < tensors.count else { return [] }
        return constants.withBytes(tensors[id].storage, count: tensors[id].byteCount) { Array($0) } ?? []
    }

    /// The values of constant int8 tensor `id` (a copy). Empty when the tensor is not a constant.
    public func constantInt8Values(_ id: Int) -> [Int8] {
        constantBytes(id).map { Int8(bitPattern: $0) }
    }
}
