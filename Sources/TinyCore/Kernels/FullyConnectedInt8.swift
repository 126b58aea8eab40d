/// FULLY_CONNECTED, int8, weights `[outDepth, accumDepth]` per tensor or per output channel.
///
/// The input is read as `[batches, accumDepth]` (any shape with that many elements).
///   acc = Σ_k weights[o, k] * (input[b, k] - inputZeroPoint) + bias[o]
///   out = clamp(multiplyByQuantizedMultiplierSingleRounding(acc, M[o], shift[o]) + outputZeroPoint, actMin, actMax)
/// (single rounding, as LiteRT's FULLY_CONNECTED computes it).
/// Multiplier: `M = Double(inScale) * Double(wScale[o]) / Double(outScale)` (a per-tensor scale is
/// broadcast), as LiteRT's `GetQuantizedConvolutionMultipler` computes it in doubles.
public struct FullyConnectedInt8: Sendable {
    public let input: Int, filter: Int, output: Int
    public let batches: Int, accumDepth: Int, outputDepth: Int
    public let inputOffset: Int32, outputOffset: Int32
    public let activationMin: Int32, activationMax: Int32
    public let requantization: ChannelRequantization
    public let weights: [Int8]
    public let bias: [Int32]
    /// `bias + inputOffset * Σ weights` per output (see `foldInputOffset`).
    public let foldedBias: [Int32]

    public init(context: OperatorContext, constants: [UInt8], activation: FusedActivation) throws(GraphError) {
        try context.expect(inputs: 2, 3, outputs: 1)
        input = try context.inputID(0)
        filter = try context.inputID(1)
        output = try context.outputID(0)
        let inputTensor = try context.int8Tensor(input)
        let filterTensor = try context.tensor(filter, .int8, rank: 2)
        let outputTensor = try context.int8Tensor(output)
        outputDepth = filterTensor.shape[0]
        accumDepth = filterTensor.shape[1]
        batches = inputTensor.elementCount / accumDepth
        if batches * accumDepth != inputTensor.elementCount || outputTensor.elementCount != batches * outputDepth {
            throw context.fail(.shapeMismatch)
        }
        weights = try context.constantInt8(filterTensor, constants)
        bias = try loadBias(context: context, id: try context.inputID(2), channels: outputDepth, constants: constants)
        requantization = try ChannelRequantization(context: context, input: inputTensor, filter: filterTensor,
                                                   output: outputTensor, channels: outputDepth, quantizedDimension: 0)
        inputOffset = -inputTensor.zeroPoint
        outputOffset = outputTensor.zeroPoint
        foldedBias = foldInputOffset(weights: weights, bias: bias, rows: outputDepth, depth: accumDepth,
                                     inputOffset: inputOffset)
        (activationMin, activationMax) = activationRangeInt8(activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public var multiplyAccumulates: Int { batches * outputDepth * accumDepth }

    public func evaluate(_ memory: TensorMemory) {
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        let depth = accumDepth
        weights.withUnsafeBufferPointer { weightBuffer in
        foldedBias.withUnsafeBufferPointer { biasBuffer in
        requantization.multipliers.withUnsafeBufferPointer { multipliers in
        requantization.shifts.withUnsafeBufferPointer { shifts in
            let weightBase = weightBuffer.baseAddress!
            for b in 0 ..< batches {
                let x = inputData + b * depth
                for o in 0 ..< outputDepth {
                    let acc = dotProductInt8(weightBase + o * depth, x, count: depth) &+ biasBuffer[o]
                    var v = multiplyByQuantizedMultiplierSingleRounding(acc, multipliers[o], shifts[o]) &+ outputOffset
                    v = max(activationMin, min(activationMax, v))
                    outputData[b * outputDepth + o] = Int8(truncatingIfNeeded: v)
                }
            }
        }}}}
    }
}
