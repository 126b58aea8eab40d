/// Time-domain summary of one frame: the quantities every time-domain `FrameStatistic` is built
/// from, in `Float` (a single-precision FPU runs it in hardware): one pass for the mean, the mean
/// square and the extremes, one for the central moments, every sum a `CompensatedSum`.
///
/// With `vᵢ = x[i]·gain` (rounded once), `μ = Σv/N`, `m̄s = Σv²/N`, `mₚ = Σ(vᵢ − μ)ᵖ/N` for
/// `p = 2, 3, 4` (population). The second pass sums `((vᵢ − μ)·2⁻ᵏ)ᵖ`, `2ᵏ` the power of two at the
/// frame's peak (an exact scaling), so `(v − μ)⁴` neither underflows for quiet frames nor overflows
/// for loud ones; kurtosis and skewness come from the scaled sums, `mₚ` rescales them. Accuracy: each term `(vᵢ − μ)ᵖ` carries at most `(p + 1)` roundings
/// (`≤ (p + 1)ε` relative, `ε = 2⁻²⁴`) and the compensated sum adds `2ε` of `Σ|term|`; an error `δ`
/// in `μ` moves `m₂` only by `δ²` (`Σ(v − μ) = 0`). So `m₂` and `m₄` (sums of non-negative terms) are
/// within about `7ε ≈ 4e-7` relative, and `m₃` within `6ε·Σ|v − μ|³/N` absolute.
/// Against `scipy.stats` on the CWRU-like golden signal: `FrameStatisticsTests`.
public struct SignalMoments: Sendable, Equatable {
    public var mean: Float = 0
    public var meanSquare: Float = 0
    public var minimum: Float = 0
    public var maximum: Float = 0
    /// `mₚ / unitᵖ`: the central moments of the samples divided by `unit`, a power of two.
    private var scaledM2: Float = 0
    private var scaledM3: Float = 0
    private var scaledM4: Float = 0
    private var unit: Float = 1

    public init(_ x: UnsafePointer<Float>, count: Int, gain: Float = 1) {
        guard count > 0 else { return }
        var sum = CompensatedSum(), squares = CompensatedSum()
        var lo = x[0] * gain, hi = lo
        for i in 0 ..< count {
            let v = x[i] * gain
            sum.add(v)
            squares.add(v * v)
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        let n = Float(count)
        mean = sum.sum / n
        meanSquare = squares.sum / n
        minimum = lo
        maximum = hi
        if peak > 0, peak.isFinite { unit = Float(sign: .plus, exponent: Swift.max(peak.exponent, -126), significand: 1) }
        let inverse = 1 / unit  // a power of two: exact
        var s2 = CompensatedSum(), s3 = CompensatedSum(), s4 = CompensatedSum()
        for i in 0 ..< count {
            let d = (x[i] * gain - mean) * inverse
            let d2 = d * d
            s2.add(d2)
            s3.add(d2 * d)
            s4.add(d2 * d2)
        }
        scaledM2 = s2.sum / n
        scaledM3 = s3.sum / n
        scaledM4 = s4.sum / n
    }

    /// Central moments `m₂, m₃, m₄` (population).
    public var m2: Float { scaledM2 * unit * unit }
    public var m3: Float { scaledM3 * unit * unit * unit }
    public var m4: Float { scaledM4 * unit * unit * unit * unit }

    public var rms: Float { meanSquare.squareRoot() }
    public var peak: Float { Swift.max(maximum.magnitude, minimum.magnitude) }
    public var crestFactor: Float { rms > 0 ? peak / rms : 0 }
    public var kurtosis: Float { scaledM2 > 0 ? scaledM4 / (scaledM2 * scaledM2) : 0 }
    public var skewness: Float { scaledM2 > 0 ? scaledM3 / (scaledM2 * scaledM2.squareRoot()) : 0 }
}
