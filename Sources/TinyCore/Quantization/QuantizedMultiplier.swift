/// A real multiplier `M` stored as a Q31 mantissa and a power-of-two shift, as TFLite's
/// `QuantizeMultiplier` produces it: `M ≈ multiplier / 2^31 * 2^shift`.
public struct QuantizedMultiplier: Equatable, Sendable {
    /// Q31 mantissa in [2^30, 2^31 - 1], or 0 for a zero (or flushed tiny) multiplier.
    public var multiplier: Int32
    /// Power-of-two exponent; positive means a left shift. Always >= -31.
    public var shift: Int32

    public init(multiplier: Int32, shift: Int32) {
        self.multiplier = multiplier
        self.shift = shift
    }

    /// TFLite `QuantizeMultiplier(double)`: `(q, e) = frexp(M)` with q in [0.5, 1);
    /// mantissa = `round(q * 2^31)` (ties away from zero); if that equals 2^31 it is halved and
    /// `e` incremented; if `e < -31` the multiplier is flushed to (0, 0). `M == 0` gives (0, 0).
    public init(_ real: Double) {
        if real == 0 || !real.isFinite {
            self.init(multiplier: 0, shift: 0)
            return
        }
        // frexp: real = q * 2^e with |q| in [0.5, 1).
        var exponent = Int(real.exponent) + 1
        let magnitude = real.significand * 0.5
        let q = real < 0 ? -magnitude : magnitude
        var fixed = Int64((q * 2147483648.0).rounded(.toNearestOrAwayFromZero))
        if fixed == (Int64(1) << 31) {
            fixed /= 2
            exponent += 1
        }
        if exponent < -31 {
            exponent = 0
            fixed = 0
        }
        if exponent > 30 {
            // Multipliers this large never occur in valid models; saturate instead of overflowing.
            exponent = 30
            fixed = Int64(Int32.max)
        }
        self.init(multiplier: Int32(truncatingIfNeeded: fixed), shift: Int32(exponent))
    }

    /// `multiplyByQuantizedMultiplier(x, multiplier, shift)`.
    @inlinable @inline(__always)
    public func apply(_ x: Int32) -> Int32 {
        multiplyByQuantizedMultiplier(x, multiplier, shift)
    }
}

/// Fused activation functions stored in .tflite options.
public enum FusedActivation: Equatable, Sendable {
    case none, relu, reluN1To1, relu6
}

/// TFLite `CalculateActivationRangeQuantized` for int8: the clamp range of a fused activation,
/// where each bound is `zeroPoint + Int32(round(Float(bound) / scale))` (float division, ties away
/// from zero) intersected with [-128, 127].
public func activationRangeInt8(_ activation: FusedActivation, scale: Float, zeroPoint: Int32)
    -> (min: Int32, max: Int32)
{
    let qmin: Int32 = -128
    let qmax: Int32 = 127
    func quantize(_ value: Float) -> Int32 {
        let q = (value / scale).rounded(.toNearestOrAwayFromZero)
        if !(q > -1e9 && q < 1e9) { return q < 0 ? Int32.min / 2 : Int32.max / 2 }
        return zeroPoint &+ Int32(q)
    }
    switch activation {
    case .none: return (qmin, qmax)
    case .relu: return (max(qmin, quantize(0)), qmax)
    case .relu6: return (max(qmin, quantize(0)), min(qmax, quantize(6)))
    case .reluN1To1: return (max(qmin, quantize(-1)), min(qmax, quantize(1)))
    }
}
