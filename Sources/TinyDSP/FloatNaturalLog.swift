/// The per-frame natural logarithm, evaluated in `Float` only, so a core with a single-precision
/// FPU (Cortex-M4F) runs it in hardware instead of emulating `Double`.
///
/// For a positive normal `x = m·2^e` with `m ∈ [√½, √2)`:
/// - `f = m − 1`, exact (Sterbenz: `m/2 ≤ 1 ≤ 2m`);
/// - `s = f / (2 + f)`, so `1 + f = (1 + s)/(1 − s)` and `ln(1 + f) = 2·atanh(s) = 2s + s·R`,
///   `R = Σ_{k≥1} 2s^{2k}/(2k+1)`, `|s| ≤ 3 − 2√2 < 0.1716`; `R` is summed to `s⁸` (Horner in
///   `z = s²`, Taylor coefficients 2/3, 2/5, 2/7, 2/9; the first term left out is below 1.2e-9·|s|);
/// - since `2s = f − s·f` and `s·f = f²/2·(1 − s)`, `ln(1 + f) = f − (h − s·(h + R))` with
///   `h = f²/2`: the exact `f` carries the value and the rounded terms are corrections at most
///   `h + |s·(h + R)| < 0.18·|f|` in size;
/// - `ln x = e·ln2ʰⁱ + (f − (h − (s·(h + R) + e·ln2ˡᵒ)))` with `ln 2 = ln2ʰⁱ + ln2ˡᵒ`, `ln2ʰⁱ` having
///   15 significant bits so that `e·ln2ʰⁱ` is exact for `|e| < 2⁹`.
///
/// Error bound, proved by exhaustion (`Tools/golden/check_float_log.sh` evaluates every positive
/// Float, normal and subnormal, against `log` in `Double`): at most **0.86 ulp** of the exact
/// result, so every result is the correctly rounded `logf` or its neighbour. Every operation is one
/// IEEE single-precision operation in a fixed order (Swift contracts no multiply–add), so the host
/// and every device give the same bits. Subnormals are scaled by 2²⁴ first; `x == 0` gives
/// `-infinity`, `x < 0` or NaN gives NaN, `+infinity` gives `+infinity`.
extension PortableMath {
    /// `ln 2` rounded to 15 significant bits (`0x3F317200`), and the remainder `ln 2 − ln2High`.
    static let ln2HighFloat: Float = 0.693145751953125
    static let ln2LowFloat: Float = 1.42860677e-6

    /// `ln x`; see the extension's documentation for the method and the error bound.
    @inline(__always)
    public static func naturalLog(_ x: Float) -> Float {
        guard x >= Float.leastNormalMagnitude, x < .infinity else { return naturalLogOfSpecial(x) }
        return naturalLogOfNormal(x, exponentBias: 127)
    }

    /// `ln(x · 2^(127 − exponentBias))` for a positive normal finite `x` (no checks; the vectorisable
    /// kernel). Branch-free reduction on the bit pattern: adding `0x3F800000 − bits(√½)` moves the
    /// exponent boundary to `√½`, so `m ∈ [√½, √2)` without a comparison.
    @inline(__always)
    static func naturalLogOfNormal(_ x: Float, exponentBias: Int32) -> Float {
        let shifted = x.bitPattern &+ (0x3F80_0000 - 0x3F35_04F3)
        let e = Float(Int32(bitPattern: shifted >> 23) &- exponentBias)  // wrapping: no overflow branch, so it vectorises
        let m = Float(bitPattern: (shifted & 0x007F_FFFF) &+ 0x3F35_04F3)
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s
        let r = z * (2 / 3 + z * (2 / 5 + z * (2 / 7 + z * (2 / 9))))
        let h = 0.5 * f * f
        return e * ln2HighFloat + (f - (h - (s * (h + r) + e * ln2LowFloat)))
    }

    /// `ln x` for zero, subnormal, negative, infinite or NaN `x`.
    static func naturalLogOfSpecial(_ x: Float) -> Float {
        if x > 0, x < Float.leastNormalMagnitude { return naturalLogOfNormal(x * 16_777_216, exponentBias: 127 + 24) }
        if x == 0 { return -.infinity }
        return x == .infinity ? x : .nan
    }

    /// `values[i] = ln(values[i])` for `count` values, in place. When every value is positive,
    /// normal and finite (the usual case after a floor) one branch-free pass does all of them (it
    /// vectorises); otherwise each value takes the checked path. The test is one unsigned maximum:
    /// `x` is positive, normal and finite exactly when `bits(x) − bits(leastNormal) < bits(∞) −
    /// bits(leastNormal)` as `UInt32` (negative values and NaNs wrap or land above).
    public static func naturalLog(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let least = Float.leastNormalMagnitude.bitPattern
        var widest: UInt32 = 0
        for i in 0 ..< count { widest = Swift.max(widest, values[i].bitPattern &- least) }
        if widest < Float.infinity.bitPattern &- least {
            for i in 0 ..< count { values[i] = naturalLogOfNormal(values[i], exponentBias: 127) }
        } else {
            for i in 0 ..< count { values[i] = naturalLog(values[i]) }
        }
    }
}
