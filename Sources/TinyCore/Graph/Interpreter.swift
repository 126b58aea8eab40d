/// Runs a `Graph` over one statically planned arena. All memory (arena, tensor pointer table) is
/// allocated once in `init`; `invoke` allocates nothing. Constant tensors are read in place, never
/// copied: mapped constants (a model read in place, e.g. from flash) at their fixed addresses,
/// bound once in `init`; owned constants (`graph.constants.owned`) re-bound to the array's storage
/// before every run, so nothing relies on an array address outside `withUnsafeBytes`.
public final class Interpreter {
    public let graph: Graph
    public let plan: ArenaPlan
    private let arena: UnsafeMutableRawPointer
    private let pointers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// (tensor id, byte offset in `graph.constants.owned`) of every owned constant tensor.
    private let ownedOffsets: [(id: Int, offset: Int)]
    private var boundConstants: UnsafeRawPointer?
    #if !hasFeature(Embedded)
    /// Host builds only: working memory of the SIMD kernels, `graph.workspaceBytes` (the largest
    /// operator's), allocated here beside the arena and not part of the plan.
    private let workspace: UnsafeMutableRawPointer
    /// Host builds only: run the portable kernels (what devices run) instead of the SIMD forms.
    /// Both give the same bytes. The default is the SIMD forms in optimized builds and the portable
    /// kernels in unoptimized (debug) builds, where unspecialized SIMD code is about 5x slower
    /// than the plain loops (MLPerf KWS: 63.6 ms vs 12.6 ms per inference at -Onone).
    public var usesPortableKernels = _isDebugAssertConfiguration()
    #endif

    public init(graph: Graph) {
        self.graph = graph
        plan = graph.planArena()
        arena = UnsafeMutableRawPointer.allocate(byteCount: max(plan.arenaBytes, 16), alignment: 16)
        arena.initializeMemory(as: UInt8.self, repeating: 0, count: max(plan.arenaBytes, 16))
        let count = max(graph.tensors.count, 1)
        pointers = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: count)
        pointers.initialize(repeating: arena, count: count)
        var owned: [(id: Int, offset: Int)] = []
        for (i, t) in graph.tensors.enumerated() {
            switch t.storage {
            case .constant(let offset): owned.append((i, offset))
            case .mapped(let offset):
                if let base = graph.constants.mapped.baseAddress { pointers[i] = UnsafeMutableRawPointer(mutating: base + offset) }
            case .activation: if plan.offsets[i] >= 0 { pointers[i] = arena + plan.offsets[i] }
            }
        }
        ownedOffsets = owned
        #if !hasFeature(Embedded)
        workspace = UnsafeMutableRawPointer.allocate(byteCount: max(graph.workspaceBytes, 64), alignment: 64)
        #endif
    }

    deinit {
        arena.deallocate()
        pointers.deallocate()
        #if !hasFeature(Embedded)
        workspace.deallocate()
        #endif
    }

    /// Runs `body` with the owned constant tensors' pointers bound to `graph.constants.owned`
    /// (kernels only read constants; a loader refuses operators that would write one).
    @inline(__always)
    private func withConstantsBound<R>(_ body: () -> R) -> R {
        graph.constants.owned.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress, base != boundConstants {
                for c in ownedOffsets { pointers[c.id] = UnsafeMutableRawPointer(mutating: base + c.offset) }
                boundConstants = base
            }
            return body()
        }
    }

    /// The bytes of tensor `id`: arena tensors for the interpreter's lifetime; constant tensors are
    /// where the graph keeps them (read-only).
    public func tensorData(_ id: Int) -> UnsafeMutableRawPointer { withConstantsBound { pointers[id] } }

    /// Runs operator `index` alone (per-layer profiling and debugging); operators must still be run
    /// in order for results to be meaningful.
    public func evaluate(operatorAt index: Int) {
        withConstantsBound {
            #if hasFeature(Embedded)
            graph.operators[index].evaluate(TensorMemory(base: pointers, scratch: arena + plan.scratchOffsets[index]))
            #else
            let memory = TensorMemory(base: pointers, scratch: arena + plan.scratchOffsets[index], workspace: workspace)
            if usesPortableKernels { graph.operators[index].evaluatePortable(memory) } else { graph.operators[index].evaluate(memory) }
            #endif
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
                    #if hasFeature(Embedded)
                    ops[i].evaluate(TensorMemory(base: pointers, scratch: arena + scratch[i]))
                    #else
                    let memory = TensorMemory(base: pointers, scratch: arena + scratch[i], workspace: workspace)
                    if usesPortableKernels { ops[i].evaluatePortable(memory) } else { ops[i].evaluate(memory) }
                    #endif
                }
            }
        }
    }
}
