/// Elementary functions in pure Swift, so TinyDSP imports nothing and behaves identically on the
/// host and on a microcontroller.
///
/// - `cosine`, `sine`, `exponential`, `naturalLog` on `Double` are accurate to about 1 ulp over the
///   arguments the DSP layer uses (set-up time only: windows, twiddles, mel edges, DCT basis).
///   Range reduction is Cody–Waite (two-part π/2 and ln 2), then Taylor/atanh series.
/// - `naturalLog(_: Float)` (and its vector form) is the per-frame log, evaluated in `Float` only
///   (`FloatNaturalLog.swift`).
public enum PortableMath {
    static let piOver2High = 1.5707963267341256
    static let piOver2Low = 6.077100506506192e-11
    static let ln2High = 0.6931471803691238
    static let ln2Low = 1.9082149292705877e-10
    public static let ln2 = 0.6931471805599453
    public static let ln10 = 2.302585092994046
    public static let pi = 3.141592653589793

    /// Reduces `x` to `r ∈ [−π/4, π/4]` with `x = q·π/2 + r`; returns `(r, q mod 4)`.
    static func reduceQuarterPi(_ x: Double) -> (Double, Int) {
        let q = (x / (pi / 2)).rounded(.toNearestOrEven)
        let r = (x - q * piOver2High) - q * piOver2Low
        let quadrant = Int(q.truncatingRemainder(dividingBy: 4))
        return (r, (quadrant + 4) & 3)
    }

    /// `sin r` for `|r| ≤ π/4`: Taylor series to `r¹⁷`.
    static func sineKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = r
        var sum = r
        var k = 1.0
        for _ in 0 ..< 8 {
            term *= -r2 / ((k + 1) * (k + 2))
            sum += term
            k += 2
        }
        return sum
    }

    /// `cos r` for `|r| ≤ π/4`: Taylor series to `r¹⁸`.
    static func cosineKernel(_ r: Double) -> Double {
        let r2 = r * r
        var term = 1.0
        var sum = 1.0
        var k = 0.0
        for _ in 0 ..< 9 {
            term *= -r2 / ((k + 1) * (k + 2))
            sum += term
            k += 2
        }
        return sum
    }

    public static func cosine(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduceQuarterPi(x)
        switch quadrant {
        case 0: return cosineKernel(r)
        case 1: return -sineKernel(r)
        case 2: return -cosineKernel(r)
        default: return sineKernel(r)
        }
    }

    public static func sine(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduceQuarterPi(x)
        switch quadrant {
        case 0: return sineKernel(r)
        case 1: return cosineKernel(r)
        case 2: return -sineKernel(r)
        default: return -cosineKernel(r)
        }
    }

    /// `e^x`: `x = k·ln 2 + r`, `|r| ≤ ln 2 / 2`, Taylor series to `r¹⁴`, scaled by `2^k`.
    public static func exponential(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.8 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / ln2).rounded(.toNearestOrEven)
        let r = (x - k * ln2High) - k * ln2Low
        var term = 1.0
        var sum = 1.0
        for n in 1 ... 14 {
            term *= r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// `ln x` in double precision: `atanh` series to `s²³`.
    public static func naturalLog(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var e = Double(x.exponent)
        var m = x.significand
        if m > 1.4142135623730951 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s
        var sum = s
        var d = 1.0
        for _ in 0 ..< 11 {
            power *= s2
            d += 2
            sum += power / d
        }
        return e * ln2 + 2 * sum
    }
}
