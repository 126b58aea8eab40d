import TinyCore

/// Turns each prepared TinyCore operator into C: its constant data (weights, biases, per-channel
/// multipliers and shifts, tables) as `static const` arrays, a `static const` params struct, and
/// the kernel call in `invoke`. The switch is exhaustive, so an operator added to the core does not
/// compile here until it has a C kernel.
struct COperatorEmitter {
    let graph: Graph
    let plan: ArenaPlan
    /// Kernels used so far (they and their primitives are emitted).
    private(set) var kernels = Set<CKernel>()
    /// Declarations (arrays and params) in emission order.
    private(set) var declarations: [String] = []
    /// Statements of `invoke`, in operator order.
    private(set) var statements: [String] = []
    /// Bytes of constant data arrays emitted (weights, biases, multipliers, tables, constant tensors).
    private(set) var constantBytes = 0
    /// The one scratch area of the C kernels (the CONV_2D column), placed after the planned
    /// activations, 16-byte aligned; `scratchBytes` is the largest any operator needs.
    let scratchOffset: Int
    private(set) var scratchBytes = 0
    private var emittedTensors = Set<Int>()

    init(graph: Graph, plan: ArenaPlan) {
        self.graph = graph
        self.plan = plan
        scratchOffset = (plan.arenaBytes + 15) / 16 * 16
    }

    /// Arena bytes: the planned activations, then the scratch area when some kernel needs one.
    var arenaBytes: Int { scratchBytes > 0 ? scratchOffset + scratchBytes : plan.arenaBytes }

    // MARK: Tensors

    /// A C expression for tensor `id`'s data as `<type> *`: an arena address for run-time tensors,
    /// a `static const` array for constants (emitted on first use).
    mutating func pointer(_ id: Int, mutable: Bool = false) throws(CExportError) -> String {
        let t = graph.tensors[id]
        let type = try CExporter.cType(t.type)
        switch t.storage {
        case .activation:
            let offset = plan.offsets[id]
            if offset < 0 { throw .noArenaSlot(tensor: id, name: t.name) }
            return "(\(mutable ? "" : "const ")\(type) *)&arena.bytes[\(offset)]"
        case .constant, .mapped:
            if mutable { throw .writesConstant(tensor: id, name: t.name) }
            let name = "tensor\(id)"
            if emittedTensors.insert(id).inserted {
                let bytes = graph.constantBytes(id)
                declarations.append("/* constant tensor \(id) '\(t.name)' \(t.shape) */\n"
                    + CLiteral.array(type, name, try CExporter.literals(bytes, type: t.type)))
                constantBytes += bytes.count
            }
            return name
        }
    }

    private mutating func int8Array(_ name: String, _ values: [Int8]) -> String {
        declarations.append(CLiteral.array("int8_t", name, values.map { String($0) }))
        constantBytes += values.count
        return name
    }

    private mutating func int32Array(_ name: String, _ values: [Int32]) -> String {
        declarations.append(CLiteral.array("int32_t", name, values.map(CLiteral.int32), perLine: 8))
        constantBytes += values.count * 4
        return name
    }

    private mutating func params(_ type: String, _ name: String, _ fields: [(String, String)]) {
        let body = fields.map { "    .\($0.0) = \($0.1)" }.joined(separator: ",\n")
        declarations.append("static const \(type) \(name) = {\n\(body)\n};\n")
    }

    private mutating func call(_ kernel: CKernel, _ statement: String) {
        kernels.insert(kernel)
        statements.append(statement)
    }

    // MARK: Operators

    mutating func emit(_ op: Operator, index i: Int, name: String) throws(CExportError) {
        let p = "op\(i)"
        statements.append("/* \(i): \(name) */")
        switch op {
        case .conv2D(let k):
            params("tml_conv2d_params", "\(p)_params", [
                ("window", window(k.window)), ("input_channels", "\(k.inputChannels)"),
                ("output_channels", "\(k.outputChannels)"),
                ("q", weights(p, graph.constantInt8Values(k.filter), nil, k.requantization.biases, k.requantization, k.inputOffset,
                              k.outputOffset, k.activationMin, k.activationMax)),
            ])
            let column = Self.conv2DScratchBytes(k)
            scratchBytes = max(scratchBytes, column)
            let scratch = column > 0 ? "(int8_t *)&arena.bytes[\(scratchOffset)]" : "(int8_t *)0"
            call(.conv2D, "tml_conv2d_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)), \(scratch));")
        case .depthwiseConv2D(let k):
            params("tml_depthwise_conv2d_params", "\(p)_params", [
                ("window", window(k.window)), ("input_channels", "\(k.inputChannels)"),
                ("depth_multiplier", "\(k.depthMultiplier)"),
                ("q", weights(p, graph.constantInt8Values(k.filter), k.requantization.biases, Self.foldDepthwise(k, graph), k.requantization,
                              k.inputOffset, k.outputOffset, k.activationMin, k.activationMax)),
            ])
            call(.depthwiseConv2D,
                 "tml_depthwise_conv2d_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .fullyConnected(let k):
            params("tml_fully_connected_params", "\(p)_params", [
                ("batches", "\(k.batches)"), ("accum_depth", "\(k.accumDepth)"), ("output_depth", "\(k.outputDepth)"),
                ("q", weights(p, graph.constantInt8Values(k.filter), nil, k.requantization.biases, k.requantization, k.inputOffset,
                              k.outputOffset, k.activationMin, k.activationMax)),
            ])
            call(.fullyConnected,
                 "tml_fully_connected_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .averagePool2D(let k):
            try pool(p, isMax: false, k.window, channels: k.channels, k.activationMin, k.activationMax, k.input, k.output)
        case .maxPool2D(let k):
            try pool(p, isMax: true, k.window, channels: k.channels, k.activationMin, k.activationMax, k.input, k.output)
        case .softmax(let k):
            var table: [String] = []
            for v in k.table { table.append(try CLiteral.float(v)) }
            declarations.append(CLiteral.array("float", "\(p)_table", table, perLine: 6))
            constantBytes += table.count * 4
            params("tml_softmax_params", "\(p)_params", [
                ("rows", "\(k.rows)"), ("depth", "\(k.depth)"), ("output_scale", try CLiteral.float(k.outputScale)),
                ("output_zero_point", "\(k.outputZeroPoint)"), ("table", "\(p)_table"),
            ])
            call(.softmax, "tml_softmax_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .reshape(let k):
            if plan.offsets[k.input] >= 0 && plan.offsets[k.input] == plan.offsets[k.output] {
                statements.append("/* same arena bytes: nothing to copy */")
            } else {
                call(.copy, "tml_copy(\(try pointer(k.input)), \(try pointer(k.output, mutable: true)), \(k.byteCount));")
            }
        case .add(let k):
            try binary(p, isMul: false, k.broadcast, k.offset1, k.offset2, k.outputOffset, k.multiplier1, k.multiplier2,
                       k.outputMultiplier, k.activationMin, k.activationMax, k.input1, k.input2, k.output)
        case .mul(let k):
            let none = QuantizedMultiplier(multiplier: 0, shift: 0)
            try binary(p, isMul: true, k.broadcast, k.offset1, k.offset2, k.outputOffset, none, none,
                       k.multiplier, k.activationMin, k.activationMax, k.input1, k.input2, k.output)
        case .mean(let k):
            params("tml_mean_params", "\(p)_params", [
                ("extents", CLiteral.braces(k.extents)), ("reduced", CLiteral.braces(k.reduced.map { $0 ? 1 : 0 })),
                ("reduced_count", "\(k.reducedCount)"), ("input_zero_point", "\(k.inputZeroPoint)"),
                ("output_zero_point", "\(k.outputZeroPoint)"), ("multiplier", CLiteral.int32(k.multiplier.multiplier)),
                ("shift", "\(k.multiplier.shift)"),
            ])
            call(.mean, "tml_mean_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .concatenation(let k):
            let chunks = int32Array("\(p)_chunks", k.chunkBytes.map { Int32($0) })
            params("tml_concatenation_params", "\(p)_params", [
                ("outer", "\(k.outer)"), ("input_count", "\(k.inputs.count)"), ("chunks", chunks),
            ])
            var inputs: [String] = []
            for id in k.inputs { inputs.append(try pointer(id)) }
            call(.concatenation, "{\n        const int8_t *const inputs[\(inputs.count)] = {\n            "
                + inputs.joined(separator: ",\n            ") + "\n        };\n"
                + "        tml_concatenation_s8(&\(p)_params, inputs, \(try pointer(k.output, mutable: true)));\n    }")
        case .pad(let k):
            params("tml_pad_params", "\(p)_params", [
                ("input_extents", CLiteral.braces(k.inputExtents)), ("output_extents", CLiteral.braces(k.outputExtents)),
                ("before", CLiteral.braces(k.before)), ("pad_value", "\(k.padValue)"),
            ])
            call(.pad, "tml_pad_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .logistic(let k), .tanh(let k):
            params("tml_lookup_table_params", "\(p)_params", [
                ("count", "\(k.count)"), ("table", int8Array("\(p)_table", k.table)),
            ])
            call(.lookupTable,
                 "tml_lookup_table_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .quantize(let k):
            params("tml_quantize_params", "\(p)_params", [
                ("count", "\(k.count)"), ("scale", try CLiteral.float(k.scale)), ("zero_point", "\(k.zeroPoint)"),
            ])
            call(.quantize, "tml_quantize_f32_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .requantize(let k):
            params("tml_requantize_params", "\(p)_params", [
                ("count", "\(k.count)"), ("input_zero_point", "\(k.inputZeroPoint)"),
                ("output_zero_point", "\(k.outputZeroPoint)"), ("multiplier", CLiteral.int32(k.multiplier.multiplier)),
                ("shift", "\(k.multiplier.shift)"),
            ])
            call(.requantize, "tml_requantize_s8(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        case .dequantize(let k):
            params("tml_dequantize_params", "\(p)_params", [
                ("count", "\(k.count)"), ("scale", try CLiteral.double(k.scale)), ("zero_point", "\(k.zeroPoint)"),
            ])
            call(.dequantize,
                 "tml_dequantize_s8_f32(&\(p)_params, \(try pointer(k.input)), \(try pointer(k.output, mutable: true)));")
        }
    }

    /// A nested designated initializer for `tml_window`.
    private func window(_ w: Window2D) -> String {
        let fields = [("batches", w.batches), ("input_height", w.inputHeight), ("input_width", w.inputWidth),
                      ("output_height", w.outputHeight), ("output_width", w.outputWidth),
                      ("filter_height", w.filterHeight), ("filter_width", w.filterWidth),
                      ("stride_height", w.strideHeight), ("stride_width", w.strideWidth),
                      ("dilation_height", w.dilationHeight), ("dilation_width", w.dilationWidth),
                      ("pad_top", w.padTop), ("pad_left", w.padLeft)]
        return "{" + fields.map { ".\($0.0) = \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A nested designated initializer for `tml_weights`, emitting its arrays.
    /// Σ of each output channel's weights: rows of `depth` consecutive weights (OHWI, `[out][in]`)
    /// when `channelsLast` is false, or the `channels`-strided columns of `[fH][fW][outC]`.
    static func weightSums(_ w: [Int8], channels: Int, channelsLast: Bool) -> [Int32] {
        let depth = w.count / max(channels, 1)
        return (0 ..< channels).map { c in
            var sum: Int32 = 0
            for t in 0 ..< depth { sum &+= Int32(w[channelsLast ? t * channels + c : c * depth + t]) }
            return sum
        }
    }

    /// Bytes of the receptive-field column `tml_conv2d_s8` gathers (`fH * fW * inC`); none for a
    /// pointwise convolution without padding, which reads each input pixel in place.
    static func conv2DScratchBytes(_ k: Conv2DInt8) -> Int {
        k.isPointwise ? 0 : k.window.filterHeight * k.window.filterWidth * k.inputChannels
    }

    /// DEPTHWISE_CONV_2D `bias + inputOffset * Σ_taps w[tap][oc]` (the core keeps the raw bias),
    /// for windows entirely inside the input.
    static func foldDepthwise(_ k: DepthwiseConv2DInt8, _ graph: Graph) -> [Int32] {
        let sums = weightSums(graph.constantInt8Values(k.filter), channels: k.outputChannels, channelsLast: true)
        return zip(k.requantization.biases, sums).map { $0 &+ k.inputOffset &* $1 }
    }

    /// `bias == nil` (FULLY_CONNECTED, which always folds) points `bias` at the folded array.
    private mutating func weights(_ p: String, _ w: [Int8], _ bias: [Int32]?, _ folded: [Int32], _ r: ChannelRequantization,
                                  _ inputOffset: Int32, _ outputOffset: Int32, _ lo: Int32, _ hi: Int32) -> String {
        let foldedName = int32Array("\(p)_folded_bias", folded)
        let fields = [("weights", int8Array("\(p)_weights", w)),
                      ("bias", bias.map { int32Array("\(p)_bias", $0) } ?? foldedName), ("folded_bias", foldedName),
                      ("multipliers", int32Array("\(p)_multipliers", r.multipliers)),
                      ("shifts", int32Array("\(p)_shifts", r.shifts)),
                      ("input_offset", "\(inputOffset)"), ("output_offset", "\(outputOffset)"),
                      ("activation_min", "\(lo)"), ("activation_max", "\(hi)")]
        return "{" + fields.map { ".\($0.0) = \($0.1)" }.joined(separator: ", ") + "}"
    }

    private mutating func pool(_ p: String, isMax: Bool, _ w: Window2D, channels: Int, _ lo: Int32, _ hi: Int32,
                               _ input: Int, _ output: Int) throws(CExportError) {
        params("tml_pool2d_params", "\(p)_params", [
            ("window", window(w)), ("is_max", isMax ? "1" : "0"), ("channels", "\(channels)"),
            ("activation_min", "\(lo)"), ("activation_max", "\(hi)"),
        ])
        call(.pool2D, "tml_pool2d_s8(&\(p)_params, \(try pointer(input)), \(try pointer(output, mutable: true)));")
    }

    private mutating func binary(_ p: String, isMul: Bool, _ b: Broadcast, _ off1: Int32, _ off2: Int32, _ outOff: Int32,
                                 _ m1: QuantizedMultiplier, _ m2: QuantizedMultiplier, _ mOut: QuantizedMultiplier,
                                 _ lo: Int32, _ hi: Int32, _ x1: Int, _ x2: Int, _ y: Int) throws(CExportError) {
        params("tml_binary_params", "\(p)_params", [
            ("is_mul", isMul ? "1" : "0"), ("extents", CLiteral.braces(b.extents)),
            ("strides1", CLiteral.braces(b.strides1)), ("strides2", CLiteral.braces(b.strides2)),
            ("offset1", "\(off1)"), ("offset2", "\(off2)"), ("output_offset", "\(outOff)"),
            ("multiplier1", CLiteral.int32(m1.multiplier)), ("shift1", "\(m1.shift)"),
            ("multiplier2", CLiteral.int32(m2.multiplier)), ("shift2", "\(m2.shift)"),
            ("output_multiplier", CLiteral.int32(mOut.multiplier)), ("output_shift", "\(mOut.shift)"),
            ("activation_min", "\(lo)"), ("activation_max", "\(hi)"),
        ])
        call(.binary, "tml_binary_s8(&\(p)_params, \(try pointer(x1)), \(try pointer(x2)), \(try pointer(y, mutable: true)));")
    }
}
