/// DEPTHWISE_CONV_2D, int8, per-channel weights, depth multiplier `m`.
///
/// Layouts: input NHWC (`inC` channels), filter `[1, fH, fW, inC * m]`, output NHWC (`inC * m`).
/// Output channel `oc = ic * m + k` sees only input channel `ic`:
///   acc = Σ over in-image taps filter[0, fy, fx, oc] * (input[b, iy, ix, ic] - inputZeroPoint) + bias[oc]
///   out = clamp(multiplyByQuantizedMultiplier(acc, M[oc], shift[oc]) + outputZeroPoint, actMin, actMax)
/// (tap positions and padding as in `Conv2DInt8`).
public struct DepthwiseConv2DInt8: Sendable {
    public let input: Int, filter: Int, output: Int
    public let window: Window2D
    public let inputChannels: Int, depthMultiplier: Int
    public let inputOffset: Int32, outputOffset: Int32
    public let activationMin: Int32, activationMax: Int32
    public let requantization: ChannelRequantization
    /// Weights `[fH, fW, outC]` (as stored in the model).
    public let weights: [Int8]
    /// Bias per output channel.
    public let bias: [Int32]

    public var outputChannels: Int { inputChannels * depthMultiplier }

    public init(context: OperatorContext, constants: [UInt8], options: ConvolutionOptions) throws(GraphError) {
        try context.expect(inputs: 2, 3, outputs: 1)
        input = try context.inputID(0)
        filter = try context.inputID(1)
        output = try context.outputID(0)
        let inputTensor = try context.int8Tensor(input, rank: 4)
        let filterTensor = try context.tensor(filter, .int8, rank: 4)
        let outputTensor = try context.int8Tensor(output, rank: 4)
        inputChannels = inputTensor.shape[3]
        let outC = filterTensor.shape[3]
        if filterTensor.shape[0] != 1 || outputTensor.shape[3] != outC || outC % inputChannels != 0 {
            throw context.fail(.shapeMismatch)
        }
        depthMultiplier = outC / inputChannels
        window = try Window2D(context: context, input: inputTensor, output: outputTensor,
                              filterHeight: filterTensor.shape[1], filterWidth: filterTensor.shape[2],
                              strideHeight: options.strideHeight, strideWidth: options.strideWidth,
                              dilationHeight: options.dilationHeight, dilationWidth: options.dilationWidth,
                              padding: options.padding)
        let w = try context.constantInt8(filterTensor, constants)
        weights = w
        bias = try loadBias(context: context, id: try context.inputID(2), channels: outC, constants: constants)
        requantization = try ChannelRequantization(context: context, input: inputTensor, filter: filterTensor,
                                                   output: outputTensor, channels: outC, quantizedDimension: 3)
        inputOffset = -inputTensor.zeroPoint
        outputOffset = outputTensor.zeroPoint
        (activationMin, activationMax) = activationRangeInt8(options.activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public var multiplyAccumulates: Int {
        window.batches * window.outputHeight * window.outputWidth * outputChannels * window.filterHeight * window.filterWidth
    }

    /// Arena scratch: one Int32 accumulator per output channel.
    public var scratchBytes: Int { outputChannels * 4 }

    /// Channel-vectorized evaluation: per output pixel, `acc[oc] = bias[oc]`, then for each in-image
    /// tap `acc[oc] += w[tap][oc] * (x[oc / m] - zp)` over contiguous channels (a loop the compiler
    /// vectorizes), then requantization. Exact integer sums, so identical to the reference order.
    public func evaluate(_ memory: TensorMemory) {
        let w = window
        let inC = inputChannels, mult = depthMultiplier, outC = inputChannels * depthMultiplier
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        let acc = memory.scratch.assumingMemoryBound(to: Int32.self)
        let offset = inputOffset
        weights.withUnsafeBufferPointer { weightBuffer in
        bias.withUnsafeBufferPointer { biasBuffer in
        requantization.multipliers.withUnsafeBufferPointer { multipliers in
        requantization.leftShifts.withUnsafeBufferPointer { leftShifts in
        requantization.rightShifts.withUnsafeBufferPointer { rightShifts in
            let weightBase = weightBuffer.baseAddress!
            let biasBase = biasBuffer.baseAddress!
            for b in 0 ..< w.batches {
                for oy in 0 ..< w.outputHeight {
                    let originY = oy * w.strideHeight - w.padTop
                    for ox in 0 ..< w.outputWidth {
                        let originX = ox * w.strideWidth - w.padLeft
                        let out = outputData + ((b * w.outputHeight + oy) * w.outputWidth + ox) * outC
                        acc.update(from: biasBase, count: outC)
                        for fy in 0 ..< w.filterHeight {
                            let iy = originY + fy * w.dilationHeight
                            if iy < 0 || iy >= w.inputHeight { continue }
                            for fx in 0 ..< w.filterWidth {
                                let ix = originX + fx * w.dilationWidth
                                if ix < 0 || ix >= w.inputWidth { continue }
                                let x = inputData + ((b * w.inputHeight + iy) * w.inputWidth + ix) * inC
                                let f = weightBase + (fy * w.filterWidth + fx) * outC
                                if mult == 1 {
                                    for c in 0 ..< outC { acc[c] &+= Int32(f[c]) &* (Int32(x[c]) &+ offset) }
                                } else {
                                    for c in 0 ..< outC { acc[c] &+= Int32(f[c]) &* (Int32(x[c / mult]) &+ offset) }
                                }
                            }
                        }
                        requantizeRow(acc, count: outC, multipliers: multipliers.baseAddress!,
                                      leftShifts: leftShifts.baseAddress!, rightShifts: rightShifts.baseAddress!,
                                      outputOffset: outputOffset, min: activationMin, max: activationMax, into: out)
                    }
                }
            }
        }}}}}
    }
}
