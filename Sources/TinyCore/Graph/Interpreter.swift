/// Runs a `Graph` over one statically planned arena. All memory (arena, constant block, tensor
/// pointer table) is allocated once in `init`; `invoke` allocates nothing.
public final class Interpreter {
    public let graph: Graph
    public let plan: ArenaPlan
    private let arena: UnsafeMutableRawPointer
    private let constantBlock: UnsafeMutableRawPointer
    private let pointers: UnsafeMutablePointer<UnsafeMutableRawPointer>

    public init(graph: Graph) {
        self.graph = graph
        plan = graph.planArena()
        arena = UnsafeMutableRawPointer.allocate(byteCount: max(plan.arenaBytes, 16), alignment: 16)
        arena.initializeMemory(as: UInt8.self, repeating: 0, count: max(plan.arenaBytes, 16))
        let constantCount = max(graph.constants.count, 16)
        let block = UnsafeMutableRawPointer.allocate(byteCount: constantCount, alignment: 16)
        graph.constants.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { block.copyMemory(from: base, byteCount: bytes.count) }
        }
        constantBlock = block
        let count = max(graph.tensors.count, 1)
        pointers = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: count)
        pointers.initialize(repeating: arena, count: count)
        for (i, t) in graph.tensors.enumerated() {
            switch t.storage {
            case .constant(let offset): pointers[i] = constantBlock + offset
            case .activation: if plan.offsets[i] >= 0 { pointers[i] = arena + plan.offsets[i] }
            }
        }
    }

    deinit {
        arena.deallocate()
        constantBlock.deallocate()
        pointers.deallocate()
    }

    /// The bytes of tensor `id` (valid for the interpreter's lifetime).
    public func tensorData(_ id: Int) -> UnsafeMutableRawPointer { pointers[id] }

    /// Runs operator `index` alone (per-layer profiling and debugging); operators must still be run
    /// in order for results to be meaningful.
    public func evaluate(operatorAt index: Int) {
        graph.operators[index].evaluate(TensorMemory(base: pointers, scratch: arena + plan.scratchOffsets[index]))
    }

    /// Runs every operator once, in order.
    public func invoke() {
        graph.operators.withUnsafeBufferPointer { ops in
            plan.scratchOffsets.withUnsafeBufferPointer { scratch in
                for i in 0 ..< ops.count {
                    ops[i].evaluate(TensorMemory(base: pointers, scratch: arena + scratch[i]))
                }
            }
        }
    }
}
