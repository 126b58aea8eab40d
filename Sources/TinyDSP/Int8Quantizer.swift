/// How a scaled value is rounded to an integer before the zero point is added.
public enum RoundingRule: Sendable, Equatable {
    /// Ties to even (`numpy.round`, `np.rint`; the MLPerf KWS reference recipe).
    case halfToEven
    /// Ties away from zero (`std::round`, TFLite's `QUANTIZE` reference kernel).
    case halfAwayFromZero
    /// Ties toward +∞: `floor(v + 0.5)`.
    case halfUp
}

/// Float → int8 affine quantisation of a model input: `q = clamp(round(v / scale) + zeroPoint,
/// minimum, maximum)`, with the rounding rule explicit. NaN maps to `zeroPoint` (clamped), ±∞ to
/// the range ends. `v / scale` is a true float division (as numpy), not multiplication by `1/scale`.
public struct Int8Quantizer: Sendable, Equatable {
    public var scale: Float
    public var zeroPoint: Int
    public var rounding: RoundingRule
    public var minimum: Int
    public var maximum: Int

    public init(scale: Float, zeroPoint: Int, rounding: RoundingRule, minimum: Int = -128, maximum: Int = 127) throws(DSPError) {
        guard scale.isFinite, scale > 0 else { throw DSPError("quantisation scale must be positive and finite (got \(scale))") }
        guard -128 <= minimum, minimum <= maximum, maximum <= 127 else {
            throw DSPError("quantisation range must lie within -128…127 (got \(minimum)…\(maximum))")
        }
        guard (-128 ... 127).contains(zeroPoint) else { throw DSPError("zero point must lie within -128…127 (got \(zeroPoint))") }
        self.scale = scale
        self.zeroPoint = zeroPoint
        self.rounding = rounding
        self.minimum = minimum
        self.maximum = maximum
    }

    @inline(__always)
    public func quantize(_ v: Float) -> Int8 {
        let x = v / scale
        let r: Float
        switch rounding {
        case .halfToEven: r = x.rounded(.toNearestOrEven)
        case .halfAwayFromZero: r = x.rounded(.toNearestOrAwayFromZero)
        case .halfUp: r = (x + 0.5).rounded(.down)
        }
        guard !r.isNaN else { return Int8(Swift.min(Swift.max(zeroPoint, minimum), maximum)) }
        let shifted = r + Float(zeroPoint)
        if shifted <= Float(minimum) { return Int8(minimum) }
        if shifted >= Float(maximum) { return Int8(maximum) }
        return Int8(shifted)
    }

    /// Quantises `count` floats.
    public func quantize(_ values: UnsafePointer<Float>, into out: UnsafeMutablePointer<Int8>, count: Int) {
        for i in 0 ..< count { out[i] = quantize(values[i]) }
    }

    /// `(q − zeroPoint) · scale`.
    public func dequantize(_ q: Int8) -> Float { Float(Int(q) - zeroPoint) * scale }
}
