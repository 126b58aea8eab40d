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
        // Filter spans stay far below 2^31 so no geometry arithmetic can overflow on 32-bit cores.
        if Int64(filterHeight - 1) * Int64(dilationHeight) >= 1 << 24
            || Int64(filterWidth - 1) * Int64(dilationWidth) >= 1 << 24 {
            throw context.fail(.badOptions)
        }
        let h = padding.outputAndPadding(input: input.shape[1], filter: filterHeight, stride: strideHeight,
                                         dilation: dilationHeight)
        let w = padding.outputAndPadding(input: input.shape[2], filter: filterWidth, stride: strideWidth,
                                         dilation: dilationWidth)
        self.init(batches: input.shape[0], inputHeight: input.shape[1], inputWidth: input.shape[2],
                  outputHeight: h.output, outputWidth: w.output, filterHeight: filterHeight, filterWidth: filterWidth,
                  strideHeight: strideHeight, strideWidth: strideWidth, dilationHeight: dilationHeight,
                  dilationWidth: dilationWidth, padTop: h.padding, padLeft: w.padding)
        if output.shape[0] != batches || output.shape[1] != outputHeight || output.shape[2] != outputWidth
            || outputHeight < 1 || outputWidth < 1 {
            throw context.fail(.outputShapeMismatch)
        }
    }
}

extension Window2D {
    /// A window given field by field (hand-built graphs, tests); not validated.
    public init(batches: Int, inputHeight: Int, inputWidth: Int, outputHeight: Int, outputWidth: Int,
                filterHeight: Int, filterWidth: Int, strideHeight: Int, strideWidth: Int,
                dilationHeight: Int, dilationWidth: Int, padTop: Int, padLeft: Int) {
        self.batches = batches
        self.inputHeight = inputHeight
        self.inputWidth = inputWidth
        self.outputHeight = outputHeight
        self.outputWidth = outputWidth
        self.filterHeight = filterHeight
        self.filterWidth = filterWidth
        self.strideHeight = strideHeight
        self.strideWidth = strideWidth
        self.dilationHeight = dilationHeight
        self.dilationWidth = dilationWidth
        self.padTop = padTop
        self.padLeft = padLeft
    }

    /// The filter taps `f` (rows when `vertical`, else columns) whose input coordinate
    /// `origin + f * dilation` lies inside the image; contiguous because it grows with `f`.
    @inline(__always)
    public func tapRange(origin: Int, vertical: Bool) -> Range<Int> {
        let filter = vertical ? filterHeight : filterWidth
        let dilation = vertical ? dilationHeight : dilationWidth
        let size = vertical ? inputHeight : inputWidth
        var start = 0
        while start < filter && origin + start * dilation < 0 { start += 1 }
        var end = filter
        while end > start && origin + (end - 1) * dilation >= size { end -= 1 }
        return start ..< end
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
