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
    public let requantization: ChannelRequantization
    /// Filter weights, OHWI (as stored in the model).
    public let weights: [Int8]
    /// Bias per output channel (zeros when the model has none).
    public let bias: [Int32]
    /// 1×1 filter, stride 1, no padding: dot products of pixels with OHWI rows, no patch needed.
    public let isPointwise: Bool
    /// `bias + inputOffset * Σ weights[oc]` for the pointwise path (see `foldInputOffset`).
    public let foldedBias: [Int32]


    public init(context: OperatorContext, constants: [UInt8], options: ConvolutionOptions) throws(GraphError) {
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
        let w = try context.constantInt8(filterTensor, constants)
        weights = w
        let fh = filterTensor.shape[1], fw = filterTensor.shape[2], inC = inputChannels
        let b = try loadBias(context: context, id: try context.inputID(2), channels: outputChannels, constants: constants)
        bias = b
        requantization = try ChannelRequantization(context: context, input: inputTensor, filter: filterTensor,
                                                   output: outputTensor, channels: outputChannels, quantizedDimension: 0)
        inputOffset = -inputTensor.zeroPoint
        isPointwise = fh == 1 && fw == 1 && window.padTop == 0 && window.padLeft == 0
            && window.outputHeight == window.inputHeight && window.outputWidth == window.inputWidth
        foldedBias = foldInputOffset(weights: w, bias: b, rows: outputChannels, depth: fh * fw * inC,
                                     inputOffset: inputOffset)
        outputOffset = outputTensor.zeroPoint
        (activationMin, activationMax) = activationRangeInt8(options.activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public var multiplyAccumulates: Int {
        window.batches * window.outputHeight * window.outputWidth * outputChannels
            * window.filterHeight * window.filterWidth * inputChannels
    }

    /// Arena scratch: `outC` Int32 accumulators, then (general path) one im2col patch of
    /// `fH * fW * inC` bytes.
    public var scratchBytes: Int {
        outputChannels * 4 + (isPointwise ? 0 : window.filterHeight * window.filterWidth * inputChannels)
    }

    /// General path: for each output pixel gather the `[fy][fx][ic]` patch into scratch, with
    /// out-of-image taps set to the input zero point (so they add `w * (zp - zp) = 0`, exactly the
    /// reference's skipped taps), then `acc[oc] = dot(patch, w[oc]) + foldedBias[oc]` and requantize.
    /// Exact integer sums, so identical to the reference loop order.
    public func evaluate(_ memory: TensorMemory) {
        if isPointwise {
            evaluatePointwise(memory)
            return
        }
        let w = window
        let inC = inputChannels, outC = outputChannels
        let patchSize = w.filterHeight * w.filterWidth * inC
        let inputData = memory.int8(input)
        let acc = memory.scratch.assumingMemoryBound(to: Int32.self)
        let patch = (memory.scratch + outC * 4).assumingMemoryBound(to: Int8.self)
        let padValue = Int8(truncatingIfNeeded: -inputOffset)
        var out = memory.int8(output)
        weights.withUnsafeBufferPointer { weightBuffer in
        foldedBias.withUnsafeBufferPointer { folded in
        requantization.multipliers.withUnsafeBufferPointer { multipliers in
        requantization.leftShifts.withUnsafeBufferPointer { leftShifts in
        requantization.rightShifts.withUnsafeBufferPointer { rightShifts in
            let weightBase = weightBuffer.baseAddress!
            for b in 0 ..< w.batches {
                for oy in 0 ..< w.outputHeight {
                    let originY = oy * w.strideHeight - w.padTop
                    for ox in 0 ..< w.outputWidth {
                        let originX = ox * w.strideWidth - w.padLeft
                        var p = patch
                        for fy in 0 ..< w.filterHeight {
                            let iy = originY + fy * w.dilationHeight
                            for fx in 0 ..< w.filterWidth {
                                let ix = originX + fx * w.dilationWidth
                                if iy < 0 || iy >= w.inputHeight || ix < 0 || ix >= w.inputWidth {
                                    for i in 0 ..< inC { p[i] = padValue }
                                } else {
                                    let source = inputData + ((b * w.inputHeight + iy) * w.inputWidth + ix) * inC
                                    for i in 0 ..< inC { p[i] = source[i] }
                                }
                                p += inC
                            }
                        }
                        for oc in 0 ..< outC {
                            acc[oc] = dotProductInt8(weightBase + oc * patchSize, patch, count: patchSize) &+ folded[oc]
                        }
                        requantizeRow(acc, count: outC, multipliers: multipliers.baseAddress!,
                                      leftShifts: leftShifts.baseAddress!, rightShifts: rightShifts.baseAddress!,
                                      outputOffset: outputOffset, min: activationMin, max: activationMax, into: out)
                        out += outC
                    }
                }
            }
        }}}}}
    }

    /// 1×1 stride-1 convolution: `out[p][oc] = requant(dot(x[p], w[oc]) + foldedBias[oc])`.
    func evaluatePointwise(_ memory: TensorMemory) {
        let pixels = window.batches * window.outputHeight * window.outputWidth
        let inC = inputChannels, outC = outputChannels
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        let acc = memory.scratch.assumingMemoryBound(to: Int32.self)
        weights.withUnsafeBufferPointer { weightBuffer in
        foldedBias.withUnsafeBufferPointer { folded in
        requantization.multipliers.withUnsafeBufferPointer { multipliers in
        requantization.leftShifts.withUnsafeBufferPointer { leftShifts in
        requantization.rightShifts.withUnsafeBufferPointer { rightShifts in
            let weightBase = weightBuffer.baseAddress!
            for p in 0 ..< pixels {
                let x = inputData + p * inC
                let out = outputData + p * outC
                for oc in 0 ..< outC {
                    acc[oc] = dotProductInt8(weightBase + oc * inC, x, count: inC) &+ folded[oc]
                }
                requantizeRow(acc, count: outC, multipliers: multipliers.baseAddress!,
                              leftShifts: leftShifts.baseAddress!, rightShifts: rightShifts.baseAddress!,
                              outputOffset: outputOffset, min: activationMin, max: activationMax, into: out)
            }
        }}}}}
    }
}

/// Reads an optional int32 bias of `channels` values; zeros when `id` is -1.
func loadBias(context: OperatorContext, id: Int, channels: Int, constants: [UInt8]) throws(GraphError) -> [Int32] {
    if id < 0 { return [Int32](repeating: 0, count: channels) }
    let t = try context.tensor(id, .int32)
    if t.elementCount != channels { throw context.fail(.shapeMismatch) }
    return try context.constantInt32(t, constants)
}
