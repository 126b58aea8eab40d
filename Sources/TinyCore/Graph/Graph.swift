/// A prepared int8 graph: tensors, operators in execution order with their tensor ids, graph
/// inputs/outputs and where the constant bytes are. Built by a model reader (TinyLite) or by hand.
public struct Graph: Sendable {
    public var tensors: [Tensor]
    public var operators: [Operator]
    /// Input / output tensor ids of each operator (same order as `operators`).
    public var operatorInputs: [[Int]]
    public var operatorOutputs: [[Int]]
    public var inputs: [Int]
    public var outputs: [Int]
    /// Constant tensor bytes: owned, or read in place from the model (see `ConstantData`).
    public var constants: ConstantData

    public init(tensors: [Tensor], operators: [Operator], operatorInputs: [[Int]], operatorOutputs: [[Int]],
                inputs: [Int], outputs: [Int], constants: ConstantData) {
        self.tensors = tensors
        self.operators = operators
        self.operatorInputs = operatorInputs
        self.operatorOutputs = operatorOutputs
        self.inputs = inputs
        self.outputs = outputs
        self.constants = constants
    }

    /// Plans the arena from tensor lifetimes (see `ArenaPlan`); operator scratch areas are planned
    /// like tensors that live for their operator only (`includeScratch: false` plans activations
    /// alone, for comparing with the activation lower bound).
    ///
    /// What a prepared model occupies, and where it is counted:
    /// - arena (`ArenaPlan.arenaBytes`): run-time tensors (activations, graph inputs and outputs)
    ///   and kernel scratch (im2col patches, depthwise accumulators), reused across operators;
    /// - constants: weights, biases and other constant tensors, which the kernels read where they
    ///   are — in the graph's own block (`constants.owned`, RAM) or, for a model read in place, in
    ///   the model bytes (`constants.mapped`, flash on a device); `weightBytes` is the filter part;
    /// - persistent (`persistentBytes`): per-output-channel requantization data computed at
    ///   prepare time (bias with the input offset folded in, multiplier, shifts: 16 B a channel);
    /// - plus small per-operator descriptors (shapes, offsets, 256-entry SOFTMAX/LOGISTIC/TANH
    ///   tables). Embedded/measurements.json reports the measured device heap peak beside these.
    public func planArena(alignment: Int = 16, includeScratch: Bool = true) -> ArenaPlan {
        let n = tensors.count
        var first = [Int](repeating: Int.max, count: n)
        var last = [Int](repeating: -1, count: n)
        let end = operators.count
        func use(_ t: Int, _ step: Int) {
            if t < 0 || t >= n || tensors[t].isConstant { return }
            first[t] = min(first[t], step)
            last[t] = max(last[t], step)
        }
        for t in inputs { use(t, 0) }
        for (i, ids) in operatorInputs.enumerated() { for t in ids { use(t, i) } }
        for (i, ids) in operatorOutputs.enumerated() { for t in ids { use(t, i) } }
        for t in outputs { use(t, end) }
        var sizes = [Int](repeating: 0, count: n)
        for t in 0 ..< n where last[t] >= 0 { sizes[t] = tensors[t].byteCount }
        // Operator scratch areas are buffers that live during their operator only.
        for (i, op) in operators.enumerated() {
            let bytes = includeScratch ? op.scratchBytes : 0
            sizes.append(bytes)
            first.append(i)
            last.append(bytes > 0 ? i : -1)
        }
        var plan = ArenaPlan(sizes: sizes, firstUse: first, lastUse: last, alignment: alignment)
        plan.scratchOffsets = plan.offsets[n...].map { max($0, 0) }
        plan.offsets.removeLast(operators.count)
        return plan
    }

    public var multiplyAccumulates: Int { operators.reduce(0) { $0 + $1.multiplyAccumulates } }
    public var persistentBytes: Int { operators.reduce(0) { $0 + $1.persistentBytes } }
    public var weightBytes: Int { operators.reduce(0) { $0 + $1.weightBytes } }
    #if !hasFeature(Embedded)
    /// Host builds only: bytes of SIMD-kernel working memory an interpreter allocates beside the
    /// arena (the largest `Operator.workspaceBytes`); devices run the portable kernels, which need none.
    public var workspaceBytes: Int { operators.reduce(0) { max($0, $1.workspaceBytes) } }
    /// Host builds only: `Operator.hostKernelBytes` of all operators (widened filters, lane-grouped
    /// channel parameters), kept beside `persistentBytes` for the model's lifetime.
    public var hostKernelBytes: Int { operators.reduce(0) { $0 + $1.hostKernelBytes } }
    #endif
}
