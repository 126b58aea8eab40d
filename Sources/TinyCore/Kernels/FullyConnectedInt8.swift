/// FULLY_CONNECTED, int8, weights `[outDepth, accumDepth]` per tensor or per output channel.
///
/// The input is read as `[batches, accumDepth]` (any shape with that many elements).
///   acc = Σ_k weights[o, k] * (input[b, k] - inputZeroPoint) + bias[o]
///   out = clamp(multiplyByQuantizedMultiplierSingleRounding(acc, M[o], shift[o]) + outputZeroPoint, actMin, actMax)
/// (single rounding, as LiteRT's FULLY_CONNECTED computes it; with `ReferenceSemantics.tflm`,
/// `multiplyByQuantizedMultiplier`'s double rounding, as TFLM's does).
/// Multiplier: `M = Double(inScale) * Double(wScale[o]) / Double(outScale)` (a per-tensor scale is
/// broadcast), as LiteRT's `GetQuantizedConvolutionMultipler` computes it in doubles.
public struct FullyConnectedInt8: Sendable {
    public let input: Int, filter: Int, output: Int
    public let batches: Int, accumDepth: Int, outputDepth: Int
    public let inputOffset: Int32, outputOffset: Int32
    public let activationMin: Int32, activationMax: Int32
    /// Per output: `bias + inputOffset * Σ weights` (see `foldInputOffset`), multiplier, shifts.
    public let requantization: ChannelRequantization
    /// Number of filter weights; evaluation reads them in place from the graph's constant block
    /// (tensor `filter`), so the kernel keeps no copy.
    public let weightCount: Int
    /// TFLM's double rounding instead of LiteRT's single rounding (`ReferenceSemantics`).
    public let roundsTwice: Bool

    public init(context: OperatorContext, constants: ConstantData, activation: FusedActivation,
                semantics: ReferenceSemantics = .liteRT) throws(GraphError) {
        roundsTwice = semantics == .tflm
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
        weightCount = filterTensor.byteCount
        let bias = try loadBias(context: context, id: try context.inputID(2), channels: outputDepth, constants: constants)
        let offset = -inputTensor.zeroPoint
        inputOffset = offset
        outputOffset = outputTensor.zeroPoint
        let (rows, depth) = (outputDepth, accumDepth)
        let folded = try context.withConstantBytes(filterTensor, constants) { weights in
            foldInputOffset(weights: weights, bias: bias, rows: rows, depth: depth, inputOffset: offset)
        }
        requantization = try ChannelRequantization(context: context, input: inputTensor, filter: filterTensor,
                                                   output: outputTensor, channels: outputDepth,
                                                   quantizedDimension: 0, bias: folded)
        (activationMin, activationMax) = activationRangeInt8(activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public var multiplyAccumulates: Int { batches * outputDepth * accumDepth }

    /// `matrixMultiplyInt8` of the input rows with the weight rows, single-rounding requantization
    /// (double rounding when `roundsTwice`).
    public func evaluate(_ memory: TensorMemory) {
        requantization.withParameters { parameters in
            if roundsTwice {
                multiply(memory, ChannelRequantizer(parameters: parameters, outputOffset: outputOffset,
                                                    minimum: activationMin, maximum: activationMax))
            } else {
                multiply(memory, SingleRoundingRequantizer(parameters: parameters, outputOffset: outputOffset,
                                                           minimum: activationMin, maximum: activationMax))
            }
        }
    }

    @inline(__always)
    private func multiply<R: AccumulatorRequantizer>(_ memory: TensorMemory, _ requantizer: R) {
        matrixMultiplyInt8(lhs: memory.int8(input), lhsStride: accumDepth, rows: batches,
                           rhs: UnsafePointer(memory.int8(filter)), columns: outputDepth, depth: accumDepth,
                           output: memory.int8(output), outputStride: outputDepth, requantizer: requantizer)
    }
}
