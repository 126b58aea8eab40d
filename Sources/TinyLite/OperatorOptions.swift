import TinyCore

/// An operator's `builtin_options` table, read by field slot (the field's position in the table's
/// declaration in the TFLite schema). A file may store no table at all, and leaves out fields equal
/// to their default: both read as `default`. A malformed table (bad vtable, offsets out of bounds)
/// or an enum value outside the schema fails the operator with `badOptions`.
/// The per-op views below name the slots; builders read options only through them.
struct OptionsTable {
    let table: Table?
    let context: OperatorContext

    /// Runs a table read, mapping a malformed-table error to `badOptions`.
    private func read<T>(_ absent: T, _ body: (Table) throws(LiteError) -> T) throws(GraphError) -> T {
        guard let table else { return absent }
        do { return try body(table) } catch { throw context.fail(.badOptions) }
    }

    func u8(_ slot: Int, default value: UInt8 = 0) throws(GraphError) -> UInt8 {
        try read(value) { (t) throws(LiteError) in try t.u8(slot, default: value) }
    }

    func i8(_ slot: Int, default value: Int8 = 0) throws(GraphError) -> Int8 {
        try read(value) { (t) throws(LiteError) in try t.i8(slot, default: value) }
    }

    func i32(_ slot: Int, default value: Int32 = 0) throws(GraphError) -> Int32 {
        try read(value) { (t) throws(LiteError) in try t.i32(slot, default: value) }
    }

    func f32(_ slot: Int, default value: Float) throws(GraphError) -> Float {
        try read(value) { (t) throws(LiteError) in try t.f32(slot, default: value) }
    }

    /// An int32 vector field (absent: empty).
    func int32s(_ slot: Int) throws(GraphError) -> [Int32] {
        try read([]) { (t) throws(LiteError) in try t.int32s(slot) }
    }

    /// Fails with `badOptions` when the file stores no options table (ops whose fields have no usable default).
    func requirePresent() throws(GraphError) {
        if table == nil { throw context.fail(.badOptions) }
    }

    /// An `ActivationFunctionType` byte: NONE, RELU, RELU_N1_TO_1, RELU6 (TANH, SIGN_BIT: `badOptions`).
    func activation(_ slot: Int) throws(GraphError) -> FusedActivation {
        switch try i8(slot) {
        case 0: return .none
        case 1: return .relu
        case 2: return .reluN1To1
        case 3: return .relu6
        default: throw context.fail(.badOptions)
        }
    }

    /// A `Padding` byte: SAME (0) or VALID (1).
    func padding(_ slot: Int) throws(GraphError) -> Padding {
        switch try i8(slot) {
        case 0: return .same
        case 1: return .valid
        default: throw context.fail(.badOptions)
        }
    }
}

/// The option tables of the sliding-window operators (`Conv2DOptions`, `DepthwiseConv2DOptions`,
/// `Pool2DOptions`), which all begin with padding, stride_w, stride_h.
protocol WindowOptions {
    var options: OptionsTable { get }
}

extension WindowOptions {
    var padding: Padding { get throws(GraphError) { try options.padding(0) } }
    var strideW: Int { get throws(GraphError) { Int(try options.i32(1)) } }
    var strideH: Int { get throws(GraphError) { Int(try options.i32(2)) } }
}

/// Named views of the TFLite option tables the reader uses; each knows its table's field slots
/// (schema order). Every accessor throws `badOptions` for a malformed table.
enum LiteOptions {
    /// `Conv2DOptions`: padding, stride_w, stride_h, fused_activation_function, dilation_w_factor,
    /// dilation_h_factor (dilations default to 1).
    struct Conv2D: WindowOptions {
        let options: OptionsTable
        var fusedActivation: FusedActivation { get throws(GraphError) { try options.activation(3) } }
        var dilationW: Int { get throws(GraphError) { Int(try options.i32(4, default: 1)) } }
        var dilationH: Int { get throws(GraphError) { Int(try options.i32(5, default: 1)) } }

        /// The kernel's options; a CONV_2D stored without an options table is refused (`badOptions`).
        func convolution() throws(GraphError) -> ConvolutionOptions {
            try options.requirePresent()
            return ConvolutionOptions(padding: try padding, strideHeight: try strideH, strideWidth: try strideW,
                                      dilationHeight: try dilationH, dilationWidth: try dilationW,
                                      activation: try fusedActivation)
        }
    }

    /// `DepthwiseConv2DOptions`: padding, stride_w, stride_h, depth_multiplier,
    /// fused_activation_function, dilation_w_factor, dilation_h_factor (dilations default to 1).
    struct DepthwiseConv2D: WindowOptions {
        let options: OptionsTable
        var depthMultiplier: Int { get throws(GraphError) { Int(try options.i32(3)) } }
        var fusedActivation: FusedActivation { get throws(GraphError) { try options.activation(4) } }
        var dilationW: Int { get throws(GraphError) { Int(try options.i32(5, default: 1)) } }
        var dilationH: Int { get throws(GraphError) { Int(try options.i32(6, default: 1)) } }

        /// The kernel's options; a DEPTHWISE_CONV_2D stored without an options table is refused (`badOptions`).
        func convolution() throws(GraphError) -> ConvolutionOptions {
            try options.requirePresent()
            return ConvolutionOptions(padding: try padding, strideHeight: try strideH, strideWidth: try strideW,
                                      dilationHeight: try dilationH, dilationWidth: try dilationW,
                                      activation: try fusedActivation, depthMultiplier: try depthMultiplier)
        }
    }

    /// `Pool2DOptions` (AVERAGE_POOL_2D, MAX_POOL_2D): padding, stride_w, stride_h, filter_width,
    /// filter_height, fused_activation_function. Without a table every field is 0 (the kernel then
    /// refuses the zero window).
    struct Pool2D: WindowOptions {
        let options: OptionsTable
        var filterWidth: Int { get throws(GraphError) { Int(try options.i32(3)) } }
        var filterHeight: Int { get throws(GraphError) { Int(try options.i32(4)) } }
        var fusedActivation: FusedActivation { get throws(GraphError) { try options.activation(5) } }

        func pool() throws(GraphError) -> PoolOptions {
            PoolOptions(padding: try padding, strideHeight: try strideH, strideWidth: try strideW,
                        filterHeight: try filterHeight, filterWidth: try filterWidth, activation: try fusedActivation)
        }
    }

    /// `FullyConnectedOptions`: fused_activation_function, weights_format (0 = DEFAULT; the
    /// registry refuses the shuffled formats).
    struct FullyConnected {
        let options: OptionsTable
        var fusedActivation: FusedActivation { get throws(GraphError) { try options.activation(0) } }
        var weightsFormat: UInt8 { get throws(GraphError) { try options.u8(1) } }
    }

    /// `SoftmaxOptions`: beta. An absent beta reads as 1 (the converter always stores it).
    struct Softmax {
        let options: OptionsTable
        var beta: Float { get throws(GraphError) { try options.f32(0, default: 1) } }
    }

    /// `AddOptions` and `MulOptions` (same first field): fused_activation_function.
    struct Arithmetic {
        let options: OptionsTable
        var fusedActivation: FusedActivation { get throws(GraphError) { try options.activation(0) } }
    }

    /// `ConcatenationOptions`: axis, fused_activation_function.
    struct Concatenation {
        let options: OptionsTable
        var axis: Int { get throws(GraphError) { Int(try options.i32(0)) } }
        var fusedActivation: FusedActivation { get throws(GraphError) { try options.activation(1) } }
    }

    /// `SqueezeOptions`: squeeze_dims.
    struct Squeeze {
        let options: OptionsTable
        var squeezeDims: [Int32] { get throws(GraphError) { try options.int32s(0) } }
    }

    /// `PackOptions`: values_count, axis.
    struct Pack {
        let options: OptionsTable
        var axis: Int32 { get throws(GraphError) { try options.i32(1) } }
    }

    /// `StridedSliceOptions`: begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask.
    struct StridedSlice {
        let options: OptionsTable
        var beginMask: Int32 { get throws(GraphError) { try options.i32(0) } }
        var endMask: Int32 { get throws(GraphError) { try options.i32(1) } }
        var ellipsisMask: Int32 { get throws(GraphError) { try options.i32(2) } }
        var newAxisMask: Int32 { get throws(GraphError) { try options.i32(3) } }
        var shrinkAxisMask: Int32 { get throws(GraphError) { try options.i32(4) } }
    }
}
