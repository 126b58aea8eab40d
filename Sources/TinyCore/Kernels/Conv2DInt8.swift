/// CONV_2D, int8 activations, int8 per-channel (or per-tensor) symmetric weights, int32 bias.
///
/// Layouts: input NHWC, filter OHWI (`[outC, fH, fW, inC]`), output NHWC.
/// For every output element (b, oy, ox, oc):
///   acc = Σ over taps inside the image of filter[oc, fy, fx, ic] * (input[b, iy, ix, ic] - inputZeroPoint)
///   with iy = oy * strideH - padTop + fy * dilationH (likewise ix); taps outside are skipped (zero
///   padding in real values). Then acc += bias[oc];
///   out = clamp(multiplyByQuantizedMultiplier(acc, M[oc], shift[oc]) + outputZeroPoint, actMin, actMax).
public struct Conv2DInt8: Sendable {
    public let input: Int, filter: Int, output: Int
    public let window: Window2D
    public let inputChannels: Int, outputChannels: Int
    public let inputOffset: Int32, outputOffset: Int32
    public let activationMin: Int32, activationMax: Int32
    /// Per channel: bias with the input offset folded in (`bias + inputOffset * Σ w[oc]`, see
    /// `foldInputOffset`), multiplier and shifts.
    public let requantization: ChannelRequantization
    /// Number of filter weights; evaluation reads them in place from the graph's constant block
    /// (tensor `filter`), so the kernel keeps no copy.
    public let weightCount: Int
    /// 1×1 filter, stride 1, no padding: dot products of pixels with OHWI rows, no patch needed.
    public let isPointwise: Bool
    #if !hasFeature(Embedded)
    /// Host builds only: the filter widened for the SIMD product (`evaluateSIMD`).
    let packedFilter: PackedFilterInt16
    /// Host builds only: `requantization.parameters` in lanes of four channels (`evaluateSIMD`).
    let channelGroups: [ChannelGroupParameters]
    #endif

    public init(context: OperatorContext, constants: ConstantData, options: ConvolutionOptions) throws(GraphError) {
        try context.expect(inputs: 2, 3, outputs: 1)
        input = try context.inputID(0)
        filter = try context.inputID(1)
        output = try context.outputID(0)
        let inputTensor = try context.int8Tensor(input, rank: 4)
        let filterTensor = try context.tensor(filter, .int8, rank: 4)
        let outputTensor = try context.int8Tensor(output, rank: 4)
        inputChannels = inputTensor.shape[3]
        outputChannels = filterTensor.shape[0]
        if filterTensor.shape[3] != inputChannels || outputTensor.shape[3] != outputChannels {
            throw context.fail(.shapeMismatch)
        }
        window = try Window2D(context: context, input: inputTensor, output: outputTensor,
                              filterHeight: filterTensor.shape[1], filterWidth: filterTensor.shape[2],
                              strideHeight: options.strideHeight, strideWidth: options.strideWidth,
                              dilationHeight: options.dilationHeight, dilationWidth: options.dilationWidth,
                              padding: options.padding)
        if filterTensor.shape[1] * filterTensor.shape[2] * inputChannels > 1 << 24 { throw context.fail(.tooLarge) }
        weightCount = filterTensor.byteCount
        let fh = filterTensor.shape[1], fw = filterTensor.shape[2], inC = inputChannels
        let b = try loadBias(context: context, id: try context.inputID(2), channels: outputChannels, constants: constants)
        let offset = -inputTensor.zeroPoint
        inputOffset = offset
        let rows = outputChannels
        let folded = try context.withConstantBytes(filterTensor, constants) { w in
            foldInputOffset(weights: w, bias: b, rows: rows, depth: fh * fw * inC, inputOffset: offset)
        }
        requantization = try ChannelRequantization(context: context, input: inputTensor, filter: filterTensor,
                                                   output: outputTensor, channels: outputChannels,
                                                   quantizedDimension: 0, bias: folded)
        #if !hasFeature(Embedded)
        packedFilter = try context.withConstantBytes(filterTensor, constants) { w in
            PackedFilterInt16(weights: w, columns: rows, depth: fh * fw * inC)
        }
        channelGroups = ChannelGroupParameters.groups(of: requantization.parameters)
        #endif
        isPointwise = fh == 1 && fw == 1 && window.padTop == 0 && window.padLeft == 0
            && window.outputHeight == window.inputHeight && window.outputWidth == window.inputWidth
        outputOffset = outputTensor.zeroPoint
        (activationMin, activationMax) = activationRangeInt8(options.activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public var multiplyAccumulates: Int {
        window.batches * window.outputHeight * window.outputWidth * outputChannels
            * window.filterHeight * window.filterWidth * inputChannels
    }

    /// Arena scratch: two im2col patches of `fH * fW * inC` bytes (none for the pointwise path).
    public var scratchBytes: Int {
        isPointwise ? 0 : 2 * window.filterHeight * window.filterWidth * inputChannels
    }

    /// `out[p][oc] = requant(dot(patch(p), w[oc]) + foldedBias[oc])` through `matrixMultiplyInt8`.
    /// Pointwise: the input pixels are the patches. Otherwise two output pixels at a time gather
    /// their `[fy][fx][ic]` patches into scratch, out-of-image taps set to the input zero point (so
    /// they add `w * (zp - zp) = 0`, exactly the reference's skipped taps). Exact integer sums, so
    /// identical to the reference loop order.
    public func evaluate(_ memory: TensorMemory) {
        let w = window
        let inC = inputChannels, outC = outputChannels
        let pixels = w.batches * w.outputHeight * w.outputWidth
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        let weightBase = UnsafePointer(memory.int8(filter))
        requantization.withParameters { parameters in
            let requantizer = ChannelRequantizer(parameters: parameters, outputOffset: outputOffset,
                                                 minimum: activationMin, maximum: activationMax)
            if isPointwise {
                matrixMultiplyInt8(lhs: inputData, lhsStride: inC, rows: pixels, rhs: weightBase, columns: outC,
                                   depth: inC, output: outputData, outputStride: outC, requantizer: requantizer)
                return
            }
            let patchSize = w.filterHeight * w.filterWidth * inC
            let patches = memory.scratch.assumingMemoryBound(to: Int8.self)
            var p = 0
            while p < pixels {
                let rows = min(2, pixels - p)
                for r in 0 ..< rows { gatherPatch(pixel: p + r, from: inputData, into: patches + r * patchSize) }
                matrixMultiplyInt8(lhs: patches, lhsStride: patchSize, rows: rows, rhs: weightBase, columns: outC,
                                   depth: patchSize, output: outputData + p * outC, outputStride: outC,
                                   requantizer: requantizer)
                p += rows
            }
        }
    }

    /// Copies the receptive field of output pixel `pixel` (row-major over batch, y, x) as
    /// `[fy][fx][ic]`, padding taps set to the input zero point.
    @inline(__always)
    func gatherPatch(pixel: Int, from inputData: UnsafePointer<Int8>, into patch: UnsafeMutablePointer<Int8>) {
        let w = window
        let inC = inputChannels
        let ox = pixel % w.outputWidth, rest = pixel / w.outputWidth
        let oy = rest % w.outputHeight, b = rest / w.outputHeight
        let originY = oy * w.strideHeight - w.padTop, originX = ox * w.strideWidth - w.padLeft
        let padValue = Int8(truncatingIfNeeded: -inputOffset)
        var p = patch
        for fy in 0 ..< w.filterHeight {
            let iy = originY + fy * w.dilationHeight
            for fx in 0 ..< w.filterWidth {
                let ix = originX + fx * w.dilationWidth
                if iy < 0 || iy >= w.inputHeight || ix < 0 || ix >= w.inputWidth {
                    p.update(repeating: padValue, count: inC)
                } else {
                    p.update(from: inputData + ((b * w.inputHeight + iy) * w.inputWidth + ix) * inC, count: inC)
                }
                p += inC
            }
        }
    }
}

/// Reads an optional int32 bias of `channels` values; zeros when `id` is -1.
func loadBias(context: OperatorContext, id: Int, channels: Int, constants: ConstantData) throws(GraphError) -> [Int32] {
    if id < 0 { return [Int32](repeating: 0, count: channels) }
    let t = try context.tensor(id, .int32)
    if t.elementCount != channels { throw context.fail(.shapeMismatch) }
    return try context.constantInt32(t, constants)
}
