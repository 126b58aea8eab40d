/// AVERAGE_POOL_2D, int8 (input and output share scale and zero point).
///
/// For each output (b, oy, ox, c): sum the in-image window taps (padding taps are not counted),
/// `n` = their count, then `avg = sum > 0 ? (sum + n/2) / n : (sum - n/2) / n` (C division,
/// truncating), clamped to the activation range.
public struct AveragePool2DInt8: Sendable {
    public let input: Int, output: Int
    public let window: Window2D
    public let channels: Int
    public let activationMin: Int32, activationMax: Int32

    public init(context: OperatorContext, options: PoolOptions) throws(GraphError) {
        try context.expect(inputs: 1, 1, outputs: 1)
        input = try context.inputID(0)
        output = try context.outputID(0)
        let inputTensor = try context.int8Tensor(input, rank: 4)
        let outputTensor = try context.int8Tensor(output, rank: 4)
        channels = inputTensor.shape[3]
        if outputTensor.shape[3] != channels { throw context.fail(.shapeMismatch) }
        window = try Window2D(context: context, input: inputTensor, output: outputTensor,
                              filterHeight: options.filterHeight, filterWidth: options.filterWidth,
                              strideHeight: options.strideHeight, strideWidth: options.strideWidth,
                              dilationHeight: 1, dilationWidth: 1, padding: options.padding)
        (activationMin, activationMax) = activationRangeInt8(options.activation, scale: outputTensor.scale,
                                                             zeroPoint: outputTensor.zeroPoint)
    }

    public func evaluate(_ memory: TensorMemory) {
        let w = window
        let inputData = memory.int8(input)
        var out = memory.int8(output)
        for b in 0 ..< w.batches {
            for oy in 0 ..< w.outputHeight {
                let originY = oy * w.strideHeight - w.padTop
                let yStart = max(0, -originY), yEnd = min(w.filterHeight, w.inputHeight - originY)
                for ox in 0 ..< w.outputWidth {
                    let originX = ox * w.strideWidth - w.padLeft
                    let xStart = max(0, -originX), xEnd = min(w.filterWidth, w.inputWidth - originX)
                    let count = Int32(max(0, yEnd - yStart) * max(0, xEnd - xStart))
                    for c in 0 ..< channels {
                        var sum: Int32 = 0
                        if count > 0 {
                            for fy in yStart ..< yEnd {
                                let row = inputData + ((b * w.inputHeight + originY + fy) * w.inputWidth + originX) * channels + c
                                for fx in xStart ..< xEnd { sum &+= Int32(row[fx * channels]) }
                            }
                        }
                        var v: Int32 = 0
                        if count > 0 {
                            v = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count
                        }
                        v = max(activationMin, min(activationMax, v))
                        out.pointee = Int8(truncatingIfNeeded: v)
                        out += 1
                    }
                }
            }
        }
    }
}
