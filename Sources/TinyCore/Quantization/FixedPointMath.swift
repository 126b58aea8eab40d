// Integer fixed-point primitives with the exact semantics of TFLite's reference kernels
// (gemmlowp's `SaturatingRoundingDoublingHighMul` / `RoundingDivideByPOT` and LiteRT's
// `MultiplyByQuantizedMultiplier`, double and single rounding). All arithmetic wraps instead of trapping
// where the C++ original relies on two's-complement behaviour.

/// `round(a * b / 2^31)` with ties away from zero, saturating the single overflow case
/// `a == b == Int32.min` to `Int32.max`.
///
/// Exactly: `ab = Int64(a) * Int64(b)`; `nudge = ab >= 0 ? 2^30 : 1 - 2^30`;
/// result = `(ab + nudge) / 2^31`, division truncating toward zero.
@inlinable @inline(__always)
public func saturatingRoundingDoublingHighMul(_ a: Int32, _ b: Int32) -> Int32 {
    if a == b && a == Int32.min { return Int32.max }
    let ab = Int64(a) &* Int64(b)
    let nudge: Int64 = ab >= 0 ? (1 << 30) : (1 - (1 << 30))
    return Int32(truncatingIfNeeded: (ab &+ nudge) / (1 << 31))
}

/// `x / 2^exponent` rounded to nearest, ties away from zero (`exponent` in 0...31).
///
/// Exactly: `mask = 2^e - 1`, `remainder = x & mask`, `threshold = (mask >> 1) + (x < 0 ? 1 : 0)`,
/// result = `(x >> e) + (remainder > threshold ? 1 : 0)` (arithmetic shift).
@inlinable @inline(__always)
public func roundingDivideByPOT(_ x: Int32, _ exponent: Int32) -> Int32 {
    let mask = (Int32(1) &<< exponent) &- 1
    let remainder = x & mask
    let threshold = (mask >> 1) &+ (x < 0 ? 1 : 0)
    return (x >> exponent) &+ (remainder > threshold ? 1 : 0)
}

/// TFLite's reference `MultiplyByQuantizedMultiplier` ("double rounding"):
/// `roundingDivideByPOT(saturatingRoundingDoublingHighMul(x << max(shift, 0), multiplier), max(-shift, 0))`,
/// `shift` in -31...30; the left shift wraps like the C++ original. LiteRT 2.3's BUILTIN_REF
/// CONV_2D / DEPTHWISE_CONV_2D / ADD / MUL / MEAN / QUANTIZE use this.
@inlinable @inline(__always)
public func multiplyByQuantizedMultiplier(_ x: Int32, _ multiplier: Int32, _ shift: Int32) -> Int32 {
    let leftShift = shift > 0 ? shift : 0
    let rightShift = shift > 0 ? 0 : -shift
    return roundingDivideByPOT(
        saturatingRoundingDoublingHighMul(x &* (Int32(1) &<< leftShift), multiplier), rightShift)
}

/// Single-rounding requantization (ruy / `TFLITE_SINGLE_ROUNDING`): one rounding of the exact
/// 64-bit product, `(Int64(x) * multiplier + 2^(30 - shift)) >> (31 - shift)` (ties toward +inf).
/// LiteRT 2.3's FULLY_CONNECTED int8 (even under BUILTIN_REF) rounds this way; the double-rounding
/// form differs by 1 LSB on some inputs (seen on the MLPerf AD model).
@inlinable @inline(__always)
public func multiplyByQuantizedMultiplierSingleRounding(_ x: Int32, _ multiplier: Int32, _ shift: Int32) -> Int32 {
    let totalShift = Int64(31 - shift)
    let round = Int64(1) &<< (totalShift - 1)
    let result = (Int64(x) &* Int64(multiplier) &+ round) >> totalShift
    return Int32(truncatingIfNeeded: result)
}
