/// Geometry of a 2-D sliding window over an NHWC tensor (convolutions and pools).
public struct Window2D: Equatable, Sendable {
    public var batches: Int
    public var inputHeight: Int, inputWidth: Int
    public var outputHeight: Int, outputWidth: Int
    public var filterHeight: Int, filterWidth: Int
    public var strideHeight: Int, strideWidth: Int
    public var dilationHeight: Int, dilationWidth: Int
    /// Leading padding; input row of output row `oy` starts at `oy * strideHeight - padTop`.
    public var padTop: Int, padLeft: Int

    /// Validates a window against the input/output tensor shapes (NHWC) and computes padding.
    public init(context: OperatorContext, input: Tensor, output: Tensor, filterHeight: Int, filterWidth: Int,
                strideHeight: Int, strideWidth: Int, dilationHeight: Int, dilationWidth: Int,
                padding: Padding) throws(GraphError) {
        if input.shape.count != 4 || output.shape.count != 4 { throw context.fail(.shapeMismatch) }
        if strideHeight < 1 || strideWidth < 1 || dilationHeight < 1 || dilationWidth < 1
            || filterHeight < 1 || filterWidth < 1 || strideHeight > 1 << 16 || strideWidth > 1 << 16
            || dilationHeight > 1 << 16 || dilationWidth > 1 << 16 || filterHeight > 1 << 16 || filterWidth > 1 << 16 {
            throw context.fail(.badOptions)
        }
        batches = input.shape[0]
        inputHeight = input.shape[1]
        inputWidth = input.shape[2]
        self.filterHeight = filterHeight
        self.filterWidth = filterWidth
        self.strideHeight = strideHeight
        self.strideWidth = strideWidth
        self.dilationHeight = dilationHeight
        self.dilationWidth = dilationWidth
        let h = padding.outputAndPadding(input: inputHeight, filter: filterHeight, stride: strideHeight, dilation: dilationHeight)
        let w = padding.outputAndPadding(input: inputWidth, filter: filterWidth, stride: strideWidth, dilation: dilationWidth)
        outputHeight = h.output
        outputWidth = w.output
        padTop = h.padding
        padLeft = w.padding
        if output.shape[0] != batches || output.shape[1] != outputHeight || output.shape[2] != outputWidth
            || outputHeight < 1 || outputWidth < 1 {
            throw context.fail(.outputShapeMismatch)
        }
    }
}

/// Convolution options as stored in a .tflite file.
public struct ConvolutionOptions: Equatable, Sendable {
    public var padding: Padding
    public var strideHeight: Int, strideWidth: Int
    public var dilationHeight: Int, dilationWidth: Int
    public var activation: FusedActivation
    /// Depthwise only.
    public var depthMultiplier: Int

    public init(padding: Padding, strideHeight: Int, strideWidth: Int, dilationHeight: Int = 1,
                dilationWidth: Int = 1, activation: FusedActivation, depthMultiplier: Int = 1) {
        self.padding = padding
        self.strideHeight = strideHeight
        self.strideWidth = strideWidth
        self.dilationHeight = dilationHeight
        self.dilationWidth = dilationWidth
        self.activation = activation
        self.depthMultiplier = depthMultiplier
    }
}

/// Pool options as stored in a .tflite file.
public struct PoolOptions: Equatable, Sendable {
    public var padding: Padding
    public var strideHeight: Int, strideWidth: Int
    public var filterHeight: Int, filterWidth: Int
    public var activation: FusedActivation

    public init(padding: Padding, strideHeight: Int, strideWidth: Int, filterHeight: Int, filterWidth: Int,
                activation: FusedActivation) {
        self.padding = padding
        self.strideHeight = strideHeight
        self.strideWidth = strideWidth
        self.filterHeight = filterHeight
        self.filterWidth = filterWidth
        self.activation = activation
    }
}

/// Per-output-channel requantization of an int8 convolution, as TFLite's
/// `PopulateConvolutionQuantizationParams` computes it: for each channel
/// `M = Double(inputScale) * Double(filterScale[c]) / Double(outputScale)` (a per-tensor filter
/// scale is broadcast), quantized with `QuantizedMultiplier`.
public struct ChannelRequantization: Sendable {
    public var multipliers: [Int32]
    public var shifts: [Int32]
    /// `max(shift, 0)` and `max(-shift, 0)` per channel, for `requantizeRow`.
    public var leftShifts: [Int32]
    public var rightShifts: [Int32]

    public init(context: OperatorContext, input: Tensor, filter: Tensor, output: Tensor, channels: Int,
                quantizedDimension: Int) throws(GraphError) {
        guard let fq = filter.quantization, !fq.scales.isEmpty else { throw context.fail(.missingQuantization) }
        if fq.scales.count != 1 && (fq.scales.count != channels || fq.dimension != quantizedDimension) {
            throw context.fail(.unsupportedQuantization)
        }
        for z in fq.zeroPoints where z != 0 { throw context.fail(.unsupportedQuantization) }
        multipliers = []
        shifts = []
        multipliers.reserveCapacity(channels)
        shifts.reserveCapacity(channels)
        for c in 0 ..< channels {
            let filterScale = fq.scales.count == 1 ? fq.scales[0] : fq.scales[c]
            if !(filterScale >= 0) || !filterScale.isFinite { throw context.fail(.unsupportedQuantization) }
            let real = Double(input.scale) * Double(filterScale) / Double(output.scale)
            let q = QuantizedMultiplier(real)
            multipliers.append(q.multiplier)
            shifts.append(q.shift)
        }
        leftShifts = shifts.map { max($0, 0) }
        rightShifts = shifts.map { max(-$0, 0) }
    }

    /// Bytes kept for the whole model lifetime (multipliers and the three shift forms).
    public var persistentBytes: Int { multipliers.count * 16 }
}
