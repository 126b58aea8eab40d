/// Turns one int32 accumulator of output channel `channel` into the kernel's int8 output.
/// Implementations hold raw pointers to per-channel parameters that are valid while the kernel
/// runs, so the hot loops pay no array bookkeeping.
protocol AccumulatorRequantizer {
    func callAsFunction(_ accumulator: Int32, channel: Int) -> Int8
}

/// TFLite's per-channel "double rounding" requantization (CONV_2D, DEPTHWISE_CONV_2D), over the
/// packed `ChannelRequantization.parameters` (`[bias, M, left, right]` per channel):
/// `clamp(multiplyByQuantizedMultiplier(acc + bias, M, left - right) + outputOffset, lo, hi)`.
///
/// Written branch-free. For a non-negative multiplier (always, see `QuantizedMultiplier`)
/// `saturatingRoundingDoublingHighMul(x, M)` equals `floor((p + 2^30) / 2^31)` with `p = x·M`:
/// for `p >= 0` that is gemmlowp's formula; for `p < 0` gemmlowp computes
/// `trunc((p + 1 - 2^30) / 2^31) = -floor((|p| + 2^30 - 1) / 2^31)`, which equals
/// `floor((2^30 - |p|) / 2^31)`; the saturating case `Int32.min · Int32.min` needs a negative
/// multiplier. So: one 32×32→64 multiply (SMULL), a 64-bit add of 2^30 (ADDS, ADC) and the
/// high word shifted left by one with the carry bit in.
struct ChannelRequantizer: AccumulatorRequantizer {
    let parameters: UnsafePointer<Int32>
    let outputOffset: Int32, minimum: Int32, maximum: Int32

    @inline(__always)
    func callAsFunction(_ accumulator: Int32, channel c: Int) -> Int8 {
        let p = parameters + (c &<< 2)
        let x = (accumulator &+ p[0]) &<< p[2]
        let product = x.multipliedFullWidth(by: p[1])
        let (low, carry) = product.low.addingReportingOverflow(1 << 30)
        let high = ((product.high &+ (carry ? 1 : 0)) &<< 1) | Int32(bitPattern: low >> 31)
        let shift = p[3]
        let mask = (Int32(1) &<< shift) &- 1
        let threshold = (mask &>> 1) &+ (high < 0 ? 1 : 0)
        let v = (high &>> shift) &+ ((high & mask) > threshold ? 1 : 0) &+ outputOffset
        return Int8(truncatingIfNeeded: max(minimum, min(maximum, v)))
    }

    /// `out[c] = self(acc[c], channel: c)` for `c` in `0 ..< count`.
    @inline(__always)
    func requantizeRow(_ acc: UnsafePointer<Int32>, count: Int, into out: UnsafeMutablePointer<Int8>) {
        for c in 0 ..< count { out[c] = self(acc[c], channel: c) }
    }
}

/// LiteRT's FULLY_CONNECTED requantization (single rounding, see
/// `multiplyByQuantizedMultiplierSingleRounding`) over the same packed parameters:
/// `clamp(singleRounding(acc + bias, M, left - right) + outputOffset, lo, hi)`.
struct SingleRoundingRequantizer: AccumulatorRequantizer {
    let parameters: UnsafePointer<Int32>
    let outputOffset: Int32, minimum: Int32, maximum: Int32

    @inline(__always)
    func callAsFunction(_ accumulator: Int32, channel c: Int) -> Int8 {
        let p = parameters + (c &<< 2)
        let v = multiplyByQuantizedMultiplierSingleRounding(accumulator &+ p[0], p[1], p[2] &- p[3]) &+ outputOffset
        return Int8(truncatingIfNeeded: max(minimum, min(maximum, v)))
    }
}

extension ChannelRequantization {
    /// Runs `body` with a pointer to `parameters` (valid only inside `body`).
    @inline(__always)
    func withParameters<R>(_ body: (UnsafePointer<Int32>) -> R) -> R {
        parameters.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
