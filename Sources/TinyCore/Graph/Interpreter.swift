/// Runs a `Graph` over one statically planned arena. All memory (arena, tensor pointer table) is
/// allocated once in `init`; `invoke` allocates nothing. Constant tensors are read in place from
/// the graph's `constants` storage (no copy: on a device the weights exist once in RAM); their
/// pointers are re-bound to that storage before every run, so nothing relies on an array address
/// outside `withUnsafeBytes`.
public final class Interpreter {
    public let graph: Graph
    public let plan: ArenaPlan
    private let arena: UnsafeMutableRawPointer
    private let pointers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// (tensor id, byte offset in `graph.constants`) of every constant tensor.
    private let constantOffsets: [(id: Int, offset: Int)]
    private var boundConstants: UnsafeRawPointer?

    public init(graph: Graph) {
        self.graph = graph
        plan = graph.planArena()
        arena = UnsafeMutableRawPointer.allocate(byteCount: max(plan.arenaBytes, 16), alignment: 16)
        arena.initializeMemory(as: UInt8.self, repeating: 0, count: max(plan.arenaBytes, 16))
        let count = max(graph.tensors.count, 1)
        pointers = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: count)
        pointers.initialize(repeating: arena, count: count)
        var constants: [(id: Int, offset: Int)] = []
        for (i, t) in graph.tensors.enumerated() {
            switch t.storage {
            case .constant(let offset): constants.append((i, offset))
            case .activation: if plan.offsets[i] >= 0 { pointers[i] = arena + plan.offsets[i] }
            }
        }
        constantOffsets = constants
    }

    deinit {
        arena.deallocate()
        pointers.deallocate()
    }

    /// Runs `body` with the constant tensors' pointers bound to `graph.constants` (kernels only
    /// read constants; a loader refuses operators that would write one).
    @inline(__always)
    private func withConstantsBound<R>(_ body: () -> R) -> R {
        graph.constants.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress, base != boundConstants {
                for c in constantOffsets { pointers[c.id] = UnsafeMutableRawPointer(mutating: base + c.offset) }
                boundConstants = base
            }
            return body()
        }
    }

    /// The bytes of tensor `id`: arena tensors for the interpreter's lifetime; constant tensors are
    /// in `graph.constants` (read-only).
    public func tensorData(_ id: Int) -> UnsafeMutableRawPointer { withConstantsBound { pointers[id] } }

    /// Runs operator `index` alone (per-layer profiling and debugging); operators must still be run
    /// in order for results to be meaningful.
    public func evaluate(operatorAt index: Int) {
        withConstantsBound {
            graph.operators[index].evaluate(TensorMemory(base: pointers, scratch: arena + plan.scratchOffsets[index]))
        }
    }

    /// Runs every operator once, in order.
    public func invoke() {
        withConstantsBound { invokeBound() }
    }

    private func invokeBound() {
        graph.operators.withUnsafeBufferPointer { ops in
            plan.scratchOffsets.withUnsafeBufferPointer { scratch in
                for i in 0 ..< ops.count {
                    ops[i].evaluate(TensorMemory(base: pointers, scratch: arena + scratch[i]))
                }
            }
        }
    }
}
