import TinyCore

/// Turns file operators into prepared TinyCore operators (each with its `BuiltinOperator` entry),
/// resolving shape-only operators (SHAPE, STRIDED_SLICE, PACK, and RESHAPE/EXPAND_DIMS/SQUEEZE of
/// constants) into constants. The entries' `build` functions call the helpers below.
struct GraphBuilder {
    var tensors: [Tensor]
    var constants: ConstantData
    var operators: [Operator] = []
    var operatorInputs: [[Int]] = []
    var operatorOutputs: [[Int]] = []
    var names: [String] = []
    var folded: [String] = []
    let math: HostMath
    /// The reference whose arithmetic the kernels reproduce where LiteRT and TFLM differ.
    let semantics: ReferenceSemantics

    init(tensors: [Tensor], constants: ConstantData, math: HostMath, semantics: ReferenceSemantics) {
        self.tensors = tensors
        self.constants = constants
        self.math = math
        self.semantics = semantics
    }

    /// Prepares file operator `r` with its registry entry: appends its kernel, or records it in
    /// `folded` when `entry.build` resolved it at load time.
    mutating func add(_ r: RawOperator, as entry: BuiltinOperator) throws(GraphError) {
        let context = OperatorContext(tensors: tensors, index: operators.count, inputs: r.inputs, outputs: r.outputs)
        // Kernels write only run-time tensors (never a model constant or an input folded at load).
        for t in r.outputs where tensors[t].isConstant { throw context.fail(.constantOutput) }
        guard let op = try entry.build(&self, context, OptionsTable(table: r.options, context: context)) else {
            folded.append(entry.name)
            return
        }
        operators.append(op)
        operatorInputs.append(r.inputs.filter { $0 >= 0 })
        operatorOutputs.append(r.outputs)
        names.append(entry.name)
    }

    // MARK: RESHAPE, EXPAND_DIMS, SQUEEZE

    /// The data input and the output of a reshaping operator (the input is required).
    func reshapeEnds(_ context: OperatorContext) throws(GraphError) -> (input: Int, output: Int) {
        let input = try context.inputID(0)
        let output = try context.outputID(0)
        if input < 0 { throw context.fail(.wrongInputCount) }
        return (input, output)
    }

    /// Gives the output `shape` and then either folds the operator (a constant input: returns nil)
    /// or prepares the copy of the input's bytes.
    mutating func reshape(_ context: OperatorContext, to shape: [Int]) throws(GraphError) -> Operator? {
        let (input, output) = try reshapeEnds(context)
        tensors[output].shape = shape
        if tensors[input].isConstant {
            try fold(context, values: nil)
            return nil
        }
        return .reshape(try ReshapeCopy(context: OperatorContext(tensors: tensors, index: context.index,
                                                                 inputs: [input], outputs: context.outputs)))
    }

    /// EXPAND_DIMS (and RESHAPE without a usable shape input): the stored output shape, which must
    /// hold as many elements as the input (`shapeMismatch`).
    func storedShape(_ context: OperatorContext) throws(GraphError) -> [Int] {
        let (input, output) = try reshapeEnds(context)
        if tensors[output].elementCount != tensors[input].elementCount { throw context.fail(.shapeMismatch) }
        return tensors[output].shape
    }

    /// RESHAPE: the stored output shape when it is non-empty and holds the input's elements; else the
    /// constant shape input (second input) with a -1 entry resolved; else `storedShape`.
    func reshapedShape(_ context: OperatorContext) throws(GraphError) -> [Int] {
        let (input, output) = try reshapeEnds(context)
        let count = tensors[input].elementCount
        if tensors[output].elementCount == count && !tensors[output].shape.isEmpty { return tensors[output].shape }
        let inputs = context.inputs
        guard inputs.count > 1, inputs[1] >= 0, tensors[inputs[1]].isConstant else { return try storedShape(context) }
        let wanted = try context.constantInt32(tensors[inputs[1]], constants)
        var shape: [Int] = []
        var known = 1
        var unknown = -1
        if wanted.count > 8 { throw context.fail(.shapeMismatch) }
        for (i, d) in wanted.enumerated() {
            if d == -1 && unknown < 0 { unknown = i; shape.append(1); continue }
            if d <= 0 || d > 1 << 24 { throw context.fail(.shapeMismatch) }
            shape.append(Int(d))
            known *= Int(d)
            if known > count { throw context.fail(.shapeMismatch) }
        }
        if unknown >= 0 { shape[unknown] = count / known }
        var product = 1
        for d in shape { product *= d }
        if product != count || product == 0 { throw context.fail(.shapeMismatch) }
        return shape
    }

    /// SQUEEZE's output shape (LiteRT `squeeze.cc`): the input's without the axes named in
    /// `squeeze_dims` (an axis `a < 0` means `a + rank`; each must lie in `[-rank, rank)` and have
    /// size 1, else `badOptions`), or without every size-1 axis when `squeeze_dims` is absent or
    /// empty. At most 8 axes, as in LiteRT. A stored non-empty output shape must equal it
    /// (`outputShapeMismatch`).
    func squeezedShape(_ context: OperatorContext, _ options: LiteOptions.Squeeze) throws(GraphError) -> [Int] {
        let (inputID, output) = try reshapeEnds(context)
        let input = tensors[inputID].shape
        let axes = try options.squeezeDims
        let rank = input.count
        if axes.count > 8 { throw context.fail(.badOptions) }
        for a in axes where Int(a) < -rank || Int(a) >= rank { throw context.fail(.badOptions) }
        var shape: [Int] = []
        for axis in 0 ..< rank {
            let named = axes.contains { Int($0) == axis || Int($0) + rank == axis }
            if axes.isEmpty ? input[axis] == 1 : named {
                if input[axis] != 1 { throw context.fail(.badOptions) }
                continue
            }
            shape.append(input[axis])
        }
        if !tensors[output].shape.isEmpty && tensors[output].shape != shape { throw context.fail(.outputShapeMismatch) }
        return shape
    }

    // MARK: Folding

    /// Marks the output constant with `values` (int32) or, when nil, the input's bytes.
    mutating func fold(_ context: OperatorContext, values: [Int32]?) throws(GraphError) {
        let output = try context.outputID(0)
        var bytes: [UInt8] = []
        if let values {
            if tensors[output].type != .int32 || tensors[output].elementCount != values.count {
                throw context.fail(.shapeMismatch)
            }
            for v in values {
                let u = UInt32(bitPattern: v)
                bytes.append(UInt8(truncatingIfNeeded: u))
                bytes.append(UInt8(truncatingIfNeeded: u >> 8))
                bytes.append(UInt8(truncatingIfNeeded: u >> 16))
                bytes.append(UInt8(truncatingIfNeeded: u >> 24))
            }
        } else {
            let input = tensors[try context.inputID(0)]
            if input.type != tensors[output].type { throw context.fail(.unsupportedType) }
            bytes = try context.withConstantBytes(input, constants) { Array($0) }
        }
        while constants.owned.count % 16 != 0 { constants.owned.append(0) }
        let offset = constants.owned.count
        constants.owned.append(contentsOf: bytes)
        tensors[output].storage = .constant(offset: offset)
    }

    /// A constant int32 input of a shape-only operator (`notConstant` otherwise).
    func constantInput(_ context: OperatorContext, _ i: Int) throws(GraphError) -> [Int32] {
        let id = try context.inputID(i)
        if id < 0 { throw context.fail(.wrongInputCount) }
        let t = tensors[id]
        if !t.isConstant || t.type != .int32 { throw context.fail(.notConstant) }
        return try context.constantInt32(t, constants)
    }

    /// Requires the one output and at least one input of a shape-only operator.
    func expectShapeOperator(_ context: OperatorContext) throws(GraphError) {
        if context.outputs.count != 1 || context.inputs.isEmpty { throw context.fail(.wrongOutputCount) }
    }

    /// SHAPE: the input's shape as an int32 constant.
    mutating func foldShape(_ context: OperatorContext) throws(GraphError) {
        try expectShapeOperator(context)
        let id = try context.inputID(0)
        if id < 0 { throw context.fail(.wrongInputCount) }
        try fold(context, values: tensors[id].shape.map { Int32($0) })
    }

    /// PACK of constant int32 inputs: their values in order (axis 0, or any axis for scalars).
    mutating func foldPack(_ context: OperatorContext, _ options: LiteOptions.Pack) throws(GraphError) {
        try expectShapeOperator(context)
        var values: [Int32] = []
        for i in 0 ..< context.inputs.count { values += try constantInput(context, i) }
        let first = tensors[try context.inputID(0)]
        if try options.axis != 0 && first.elementCount != 1 { throw context.fail(.badOptions) }
        try fold(context, values: values)
    }

    /// STRIDED_SLICE of a constant 1-D int32 tensor (begin, end and strides of one element; begin,
    /// end and shrink-axis masks; no ellipsis or new axes: `badOptions`).
    mutating func foldStridedSlice(_ context: OperatorContext, _ options: LiteOptions.StridedSlice) throws(GraphError) {
        try expectShapeOperator(context)
        if context.inputs.count != 4 { throw context.fail(.wrongInputCount) }
        let input = try constantInput(context, 0), begin = try constantInput(context, 1)
        let end = try constantInput(context, 2), strides = try constantInput(context, 3)
        let beginMask = try options.beginMask, endMask = try options.endMask
        let shrinkAxisMask = try options.shrinkAxisMask
        let ellipsisMask = try options.ellipsisMask, newAxisMask = try options.newAxisMask
        if tensors[context.inputs[0]].shape.count != 1 || begin.count != 1 || end.count != 1 || strides.count != 1
            || ellipsisMask != 0 || newAxisMask != 0 {
            throw context.fail(.badOptions)
        }
        let n = Int32(input.count)
        let step = strides[0]
        if step == 0 { throw context.fail(.badOptions) }
        func clampIndex(_ v: Int32, _ lo: Int32, _ hi: Int32) -> Int32 { max(lo, min(hi, v < 0 ? v + n : v)) }
        var start = beginMask & 1 != 0 ? (step > 0 ? 0 : n - 1) : clampIndex(begin[0], step > 0 ? 0 : -1, step > 0 ? n : n - 1)
        var stop = endMask & 1 != 0 ? (step > 0 ? n : -1) : clampIndex(end[0], step > 0 ? 0 : -1, step > 0 ? n : n - 1)
        if shrinkAxisMask & 1 != 0 {
            start = clampIndex(begin[0], 0, n - 1)
            stop = start + 1
        }
        var values: [Int32] = []
        var i = start
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            if i >= 0 && i < n { values.append(input[Int(i)]) }
            i += step
        }
        try fold(context, values: values)
    }
}
