extension Graph {
    /// The values of constant int8 tensor `id` (a copy; kernels read them in place instead).
    /// Empty when the tensor is not a constant of this graph.
    public func constantInt8Values(_ id: Int) -> [Int8] {
        guard id >= 0, id < tensors.count, case .constant(let offset) = tensors[id].storage else { return [] }
        let count = tensors[id].byteCount
        guard offset >= 0, count >= 0, offset <= constants.count - count else { return [] }
        return constants[offset ..< offset + count].map { Int8(bitPattern: $0) }
    }
}
