/// Where the bytes of a graph's constant tensors (weights, biases, constant operands) are: in one
/// or both of two places.
///
/// - `owned`: a block the graph owns. Hand-built graphs keep their constants here, and so does a
///   model reader for what it must produce or copy: constants it folds at load time (shape
///   arithmetic), and file data read with copying, or whose address is not a multiple of its
///   element size. `TensorStorage.constant(offset:)` addresses it.
/// - `mapped`: bytes the graph reads where they lie and never copies — a .tflite linked into a
///   microcontroller's flash — addressed by `TensorStorage.mapped(offset:)`. The graph does not own
///   them: whoever builds it guarantees that they stay valid and unchanged for as long as the graph,
///   any copy of it, or any interpreter over it is used (static flash or a buffer that outlives them).
///
/// Kernels only read constants (a reader refuses operators that write one), so a mapped tensor
/// can sit in read-only memory.
public struct ConstantData: @unchecked Sendable {
    public var owned: [UInt8]
    public let mapped: UnsafeRawBufferPointer

    public init(owned: [UInt8] = [], mapped: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
        self.owned = owned
        self.mapped = mapped
    }

    /// Calls `body` with the `count` bytes that `storage` names; nil when `storage` is not a
    /// constant or the range lies outside its block.
    public func withBytes<R>(_ storage: TensorStorage, count: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R? {
        switch storage {
        case .activation:
            return nil
        case .constant(let offset):
            guard offset >= 0, count >= 0, offset <= owned.count - count else { return nil }
            return owned.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offset ..< offset + count])) }
        case .mapped(let offset):
            guard offset >= 0, count >= 0, offset <= mapped.count - count else { return nil }
            return body(UnsafeRawBufferPointer(rebasing: mapped[offset ..< offset + count]))
        }
    }
}
