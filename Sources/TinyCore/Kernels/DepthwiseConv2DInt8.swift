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
    /// Per output channel: bias, multiplier and shifts.
    public let requantization: ChannelRequantization
    /// Number of filter weights; evaluation reads them in place from the graph's constant block
    /// (tensor `filter`), so the kernel keeps no copy.
    public let weightCount: Int
    #if !hasFeature(Embedded)
    /// Host builds only: `requantization.parameters` in lanes of four channels (`evaluateSIMD`).
    let channelGroups: [ChannelGroupParameters]
    #endif

    public var outputChannels: Int { inputChannels * depthMultiplier }

    public init(context: OperatorContext, constants: ConstantData, options: ConvolutionOptions) throws(GraphError) {
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
        weightCount = try context.withConstantBytes(filterTensor, constants) { $0.count }
        let bias = try loadBias(context: context, id: try context.inputID(2), channels: outC, constants: constants)
        requantization = try ChannelRequantization(context: context, input: inputTensor, filter: filterTensor,
                                                   output: outputTensor, channels: outC, quantizedDimension: 3,
                                                   bias: bias)
        #if !hasFeature(Embedded)
        channelGroups = ChannelGroupParameters.groups(of: requantization.parameters)
        #endif
        inputOffset = -inputTensor.zeroPoint
        outputOffset = outputTensor.zeroPoint
        (activationMin, activationMax) = activationRangeInt8(options.activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public var multiplyAccumulates: Int {
        window.batches * window.outputHeight * window.outputWidth * outputChannels * window.filterHeight * window.filterWidth
    }

    /// Whether `evaluate` takes the four-channel register path (Cortex-M builds, depth multiplier
    /// 1, channels divisible by 4).
    public var usesChannelQuads: Bool {
        #if arch(arm)
        return depthMultiplier == 1 && inputChannels % 4 == 0
        #else
        return false
        #endif
    }

    /// Arena scratch: one Int32 accumulator per output channel for the channel-vector path, none
    /// for the four-channel path.
    public var scratchBytes: Int { usesChannelQuads ? 0 : outputChannels * 4 }

    /// On Cortex-M with depth multiplier 1 and a channel count divisible by 4,
    /// `depthwiseConvolveChannelQuads` (accumulators in registers, DSP lanes); otherwise the
    /// channel-vector path: per output pixel, `acc[oc] = 0`, then for each in-image tap
    /// `acc[oc] += w[tap][oc] * (x[oc / m] - zp)` over contiguous channels (a loop the host compiler
    /// vectorizes), then requantization with the bias. Exact integer sums, so identical to the
    /// reference order.
    public func evaluate(_ memory: TensorMemory) {
        let w = window
        let inC = inputChannels, mult = depthMultiplier, outC = inputChannels * depthMultiplier
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        let acc = memory.scratch.assumingMemoryBound(to: Int32.self)
        let offset = inputOffset
        let weightBase = UnsafePointer(memory.int8(filter))
        requantization.withParameters { parameters in
            let requantizer = ChannelRequantizer(parameters: parameters, outputOffset: outputOffset,
                                                 minimum: activationMin, maximum: activationMax)
            if usesChannelQuads {
                depthwiseConvolveChannelQuads(window: w, channels: inC, input: inputData, weights: weightBase,
                                              inputOffset: offset, output: outputData, requantizer: requantizer)
                return
            }
            for b in 0 ..< w.batches {
                for oy in 0 ..< w.outputHeight {
                    let originY = oy * w.strideHeight - w.padTop
                    for ox in 0 ..< w.outputWidth {
                        let originX = ox * w.strideWidth - w.padLeft
                        let out = outputData + ((b * w.outputHeight + oy) * w.outputWidth + ox) * outC
                        acc.update(repeating: 0, count: outC)
                        for fy in w.tapRange(origin: originY, vertical: true) {
                            let iy = originY + fy * w.dilationHeight
                            for fx in w.tapRange(origin: originX, vertical: false) {
                                let ix = originX + fx * w.dilationWidth
                                let x = inputData + ((b * w.inputHeight + iy) * w.inputWidth + ix) * inC
                                let f = weightBase + (fy * w.filterWidth + fx) * outC
                                if mult == 1 {
                                    for c in 0 ..< outC { acc[c] &+= Int32(f[c]) &* (Int32(x[c]) &+ offset) }
                                } else {
                                    for c in 0 ..< outC { acc[c] &+= Int32(f[c]) &* (Int32(x[c / mult]) &+ offset) }
                                }
                            }
                        }
                        requantizer.requantizeRow(acc, count: outC, into: out)
                    }
                }
            }
        }
    }
}
