import TinyCore

/// Turns file operators into prepared TinyCore operators, resolving shape-only operators
/// (SHAPE, STRIDED_SLICE, PACK, and RESHAPE/EXPAND_DIMS/SQUEEZE of constants) into constants.
struct GraphBuilder {
    var tensors: [Tensor]
    var constants: ConstantData
    var operators: [Operator] = []
    var operatorInputs: [[Int]] = []
    var operatorOutputs: [[Int]] = []
    var names: [String] = []
    var folded: [String] = []
    let math: HostMath

    init(tensors: [Tensor], constants: ConstantData, math: HostMath) {
        self.tensors = tensors
        self.constants = constants
        self.math = math
    }

    mutating func add(_ r: RawOperator) throws(GraphError) {
        let index = operators.count
        let context = OperatorContext(tensors: tensors, index: index, inputs: r.inputs, outputs: r.outputs)
        let o = r.options
        // Kernels write only run-time tensors (never a model constant or an input folded at load).
        for t in r.outputs where tensors[t].isConstant { throw context.fail(.constantOutput) }
        let op: Operator
        switch r.code {
        case BuiltinCode.conv2D:
            op = .conv2D(try Conv2DInt8(context: context, constants: constants, options: try convolutionOptions(context, o, depthwise: false)))
        case BuiltinCode.depthwiseConv2D:
            op = .depthwiseConv2D(try DepthwiseConv2DInt8(context: context, constants: constants,
                                                          options: try convolutionOptions(context, o, depthwise: true)))
        case BuiltinCode.fullyConnected:
            let weightsFormat = try read(context) { () throws(LiteError) in try o?.u8(1) ?? 0 }
            if weightsFormat != 0 { throw context.fail(.badOptions) }
            op = .fullyConnected(try FullyConnectedInt8(context: context, constants: constants,
                                                        activation: try activation(context, o, field: 0)))
        case BuiltinCode.averagePool2D:
            op = .averagePool2D(try AveragePool2DInt8(context: context, options: try poolOptions(context, o)))
        case BuiltinCode.maxPool2D:
            op = .maxPool2D(try MaxPool2DInt8(context: context, options: try poolOptions(context, o)))
        case BuiltinCode.softmax:
            let beta = try read(context) { () throws(LiteError) in try o?.f32(0, default: 1) ?? 1 }
            op = .softmax(try SoftmaxInt8(context: context, beta: beta, math: math))
        case BuiltinCode.add:
            op = .add(try AddInt8(context: context, activation: try activation(context, o, field: 0)))
        case BuiltinCode.mul:
            op = .mul(try MulInt8(context: context, activation: try activation(context, o, field: 0)))
        case BuiltinCode.concatenation:
            let axis = try read(context) { () throws(LiteError) in try o?.i32(0) ?? 0 }
            if try activation(context, o, field: 1) != .none { throw context.fail(.badOptions) }
            op = .concatenation(try ConcatenationInt8(context: context, axis: Int(axis)))
        case BuiltinCode.mean:
            op = .mean(try MeanInt8(context: context, constants: constants))
        case BuiltinCode.logistic:
            op = .logistic(try LookupTableInt8(context: context, function: .logistic, math: math))
        case BuiltinCode.tanh:
            op = .tanh(try LookupTableInt8(context: context, function: .tanh, math: math))
        case BuiltinCode.pad, BuiltinCode.padV2:
            op = .pad(try PadInt8(context: context, constants: constants))
        case BuiltinCode.quantize:
            let input = try context.inputID(0)
            if input >= 0 && tensors[input].type == .float32 {
                op = .quantize(try QuantizeFloat(context: context))
            } else {
                op = .requantize(try RequantizeInt8(context: context))
            }
        case BuiltinCode.dequantize:
            op = .dequantize(try DequantizeInt8(context: context))
        case BuiltinCode.reshape, BuiltinCode.expandDims, BuiltinCode.squeeze:
            try resolveOutputShape(context, r)
            let input = try context.inputID(0)
            if input >= 0 && tensors[input].isConstant {
                try fold(context, r, values: nil)
                return
            }
            op = .reshape(try ReshapeCopy(context: OperatorContext(tensors: tensors, index: index,
                                                                     inputs: [input], outputs: r.outputs)))
        case BuiltinCode.shape, BuiltinCode.stridedSlice, BuiltinCode.pack:
            try foldShapeOperator(context, r)
            return
        default:
            throw context.fail(.unsupportedType)
        }
        operators.append(op)
        operatorInputs.append(r.inputs.filter { $0 >= 0 })
        operatorOutputs.append(r.outputs)
        names.append(BuiltinCode.name(r.code))
    }

    /// Runs an option read, mapping a malformed-table error to `badOptions`.
    func read<T>(_ context: OperatorContext, _ body: () throws(LiteError) -> T) throws(GraphError) -> T {
        do { return try body() } catch { throw context.fail(.badOptions) }
    }

    func activation(_ context: OperatorContext, _ o: Table?, field: Int) throws(GraphError) -> FusedActivation {
        let code = try read(context) { () throws(LiteError) in try o?.i8(field) ?? 0 }
        switch code {
        case 0: return .none
        case 1: return .relu
        case 2: return .reluN1To1
        case 3: return .relu6
        default: throw context.fail(.badOptions)
        }
    }

    func padding(_ context: OperatorContext, _ o: Table?) throws(GraphError) -> Padding {
        let code = try read(context) { () throws(LiteError) in try o?.i8(0) ?? 0 }
        switch code {
        case 0: return .same
        case 1: return .valid
        default: throw context.fail(.badOptions)
        }
    }

    func convolutionOptions(_ context: OperatorContext, _ o: Table?, depthwise: Bool) throws(GraphError) -> ConvolutionOptions {
        let p = try padding(context, o)
        let values = try read(context) { () throws(LiteError) -> [Int32] in
            guard let o else { return [] }
            if depthwise {
                return [try o.i32(1), try o.i32(2), try o.i32(3), try o.i32(5, default: 1), try o.i32(6, default: 1)]
            }
            return [try o.i32(1), try o.i32(2), 1, try o.i32(4, default: 1), try o.i32(5, default: 1)]
        }
        if values.count != 5 { throw context.fail(.badOptions) }
        return ConvolutionOptions(padding: p, strideHeight: Int(values[1]), strideWidth: Int(values[0]),
                                  dilationHeight: Int(values[4]), dilationWidth: Int(values[3]),
                                  activation: try activation(context, o, field: depthwise ? 4 : 3),
                                  depthMultiplier: Int(values[2]))
    }

    func poolOptions(_ context: OperatorContext, _ o: Table?) throws(GraphError) -> PoolOptions {
        let p = try padding(context, o)
        let v = try read(context) { () throws(LiteError) -> [Int32] in
            guard let o else { return [0, 0, 0, 0] }
            return [try o.i32(1), try o.i32(2), try o.i32(3), try o.i32(4)]
        }
        return PoolOptions(padding: p, strideHeight: Int(v[1]), strideWidth: Int(v[0]), filterHeight: Int(v[3]),
                           filterWidth: Int(v[2]), activation: try activation(context, o, field: 5))
    }

    /// RESHAPE with a constant shape input: resolves a -1 entry and checks the stored output shape.
    /// SQUEEZE: the output shape follows from the input shape and `squeeze_dims` (see `squeezedShape`).
    mutating func resolveOutputShape(_ context: OperatorContext, _ r: RawOperator) throws(GraphError) {
        let input = try context.inputID(0)
        let output = try context.outputID(0)
        if input < 0 { throw context.fail(.wrongInputCount) }
        if r.code == BuiltinCode.squeeze {
            let shape = try squeezedShape(context, tensors[input].shape, r.options)
            if !tensors[output].shape.isEmpty && tensors[output].shape != shape { throw context.fail(.outputShapeMismatch) }
            tensors[output].shape = shape
            return
        }
        let count = tensors[input].elementCount
        if tensors[output].elementCount == count && !tensors[output].shape.isEmpty { return }
        if r.code == BuiltinCode.reshape, r.inputs.count > 1, r.inputs[1] >= 0, tensors[r.inputs[1]].isConstant {
            let wanted = try context.constantInt32(tensors[r.inputs[1]], constants)
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
            tensors[output].shape = shape
            return
        }
        if tensors[output].elementCount != count { throw context.fail(.shapeMismatch) }
    }

    /// SQUEEZE's output shape (LiteRT `squeeze.cc`): `input` without the axes named in SqueezeOptions
    /// `squeeze_dims` (field 0; an axis `a < 0` means `a + rank`; each must lie in `[-rank, rank)` and
    /// have size 1, else `badOptions`), or without every size-1 axis when `squeeze_dims` is absent or
    /// empty. At most 8 axes, as in LiteRT.
    func squeezedShape(_ context: OperatorContext, _ input: [Int], _ o: Table?) throws(GraphError) -> [Int] {
        let axes = try read(context) { () throws(LiteError) in try o?.int32s(0) ?? [] }
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
        return shape
    }

    /// Marks the output constant with `values` (int32) or, when nil, the input's bytes.
    mutating func fold(_ context: OperatorContext, _ r: RawOperator, values: [Int32]?) throws(GraphError) {
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
        folded.append(BuiltinCode.name(r.code))
    }

    /// SHAPE, STRIDED_SLICE (1-D int32) and PACK (int32) evaluated once at load time.
    mutating func foldShapeOperator(_ context: OperatorContext, _ r: RawOperator) throws(GraphError) {
        if r.outputs.count != 1 || r.inputs.isEmpty { throw context.fail(.wrongOutputCount) }
        func constantInput(_ i: Int) throws(GraphError) -> [Int32] {
            let id = try context.inputID(i)
            if id < 0 { throw context.fail(.wrongInputCount) }
            let t = tensors[id]
            if !t.isConstant || t.type != .int32 { throw context.fail(.notConstant) }
            return try context.constantInt32(t, constants)
        }
        switch r.code {
        case BuiltinCode.shape:
            let id = try context.inputID(0)
            if id < 0 { throw context.fail(.wrongInputCount) }
            try fold(context, r, values: tensors[id].shape.map { Int32($0) })
        case BuiltinCode.pack:
            var values: [Int32] = []
            for i in 0 ..< r.inputs.count { values += try constantInput(i) }
            let axis = try read(context) { () throws(LiteError) in try r.options?.i32(1) ?? 0 }
            let first = tensors[try context.inputID(0)]
            if axis != 0 && first.elementCount != 1 { throw context.fail(.badOptions) }
            try fold(context, r, values: values)
        default:
            if r.inputs.count != 4 { throw context.fail(.wrongInputCount) }
            let input = try constantInput(0), begin = try constantInput(1), end = try constantInput(2)
            let strides = try constantInput(3)
            let masks = try read(context) { () throws(LiteError) -> [Int32] in
                guard let o = r.options else { return [0, 0, 0, 0, 0] }
                return [try o.i32(0), try o.i32(1), try o.i32(2), try o.i32(3), try o.i32(4)]
            }
            if tensors[r.inputs[0]].shape.count != 1 || begin.count != 1 || end.count != 1 || strides.count != 1
                || masks[2] != 0 || masks[3] != 0 {
                throw context.fail(.badOptions)
            }
            let n = Int32(input.count)
            let step = strides[0]
            if step == 0 { throw context.fail(.badOptions) }
            func clampIndex(_ v: Int32, _ lo: Int32, _ hi: Int32) -> Int32 { max(lo, min(hi, v < 0 ? v + n : v)) }
            var start = masks[0] & 1 != 0 ? (step > 0 ? 0 : n - 1) : clampIndex(begin[0], step > 0 ? 0 : -1, step > 0 ? n : n - 1)
            var stop = masks[1] & 1 != 0 ? (step > 0 ? n : -1) : clampIndex(end[0], step > 0 ? 0 : -1, step > 0 ? n : n - 1)
            if masks[4] & 1 != 0 {
                start = clampIndex(begin[0], 0, n - 1)
                stop = start + 1
            }
            var values: [Int32] = []
            var i = start
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                if i >= 0 && i < n { values.append(input[Int(i)]) }
                i += step
            }
            try fold(context, r, values: values)
        }
    }
}
