/// Per-output-channel requantization of an int8 convolution or fully connected layer, as TFLite's
/// `PopulateConvolutionQuantizationParams` computes it: for each channel
/// `M = Double(inputScale) * Double(filterScale[c]) / Double(outputScale)` (a per-tensor filter
/// scale is broadcast), quantized with `QuantizedMultiplier`.
///
/// Stored packed for the kernels' inner loops, four `Int32` per channel:
/// `[bias, multiplier, max(shift, 0), max(-shift, 0)]` — 16 bytes per channel, kept for the
/// model's lifetime (this is what `Operator.persistentBytes` counts, outside the arena). The bias
/// is whatever the kernel adds to its raw sums (with the input offset folded in where the kernel
/// folds it, see `foldInputOffset`).
public struct ChannelRequantization: Sendable {
    public private(set) var parameters: [Int32]

    public init(context: OperatorContext, input: Tensor, filter: Tensor, output: Tensor, channels: Int,
                quantizedDimension: Int, bias: [Int32]) throws(GraphError) {
        guard let fq = filter.quantization, !fq.scales.isEmpty else { throw context.fail(.missingQuantization) }
        if fq.scales.count != 1 && (fq.scales.count != channels || fq.dimension != quantizedDimension) {
            throw context.fail(.unsupportedQuantization)
        }
        if bias.count != channels { throw context.fail(.shapeMismatch) }
        for z in fq.zeroPoints where z != 0 { throw context.fail(.unsupportedQuantization) }
        parameters = []
        parameters.reserveCapacity(4 * channels)
        for c in 0 ..< channels {
            let filterScale = fq.scales.count == 1 ? fq.scales[0] : fq.scales[c]
            if !(filterScale >= 0) || !filterScale.isFinite { throw context.fail(.unsupportedQuantization) }
            let real = Double(input.scale) * Double(filterScale) / Double(output.scale)
            let q = QuantizedMultiplier(real)
            parameters += [bias[c], q.multiplier, max(q.shift, 0), max(-q.shift, 0)]
        }
    }

    public var channels: Int { parameters.count / 4 }
    /// The bias each channel's sum receives.
    public var biases: [Int32] { (0 ..< channels).map { parameters[4 * $0] } }
    public var multipliers: [Int32] { (0 ..< channels).map { parameters[4 * $0 + 1] } }
    /// Power-of-two exponents (positive: left shift).
    public var shifts: [Int32] { (0 ..< channels).map { parameters[4 * $0 + 2] - parameters[4 * $0 + 3] } }

    /// Bytes kept for the whole model lifetime.
    public var persistentBytes: Int { parameters.count * 4 }
}
