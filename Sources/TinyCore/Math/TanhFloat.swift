/// `tanh(x)` for `Float`, bit-identical to glibc 2.36's `tanhf` (the SunPro/fdlibm algorithm,
/// all in `Float` arithmetic), in portable Swift with no libm, so LiteRT's int8 TANH table is
/// reproduced on every target.
///
/// With `a = |x|`: `a >= 22` gives ±1; `a < 2^-55` gives `x·(1 + x)`; `a >= 1` gives
/// `1 - 2 / (expm1(2a) + 2)`; otherwise `-t / (t + 2)` with `t = expm1(-2a)`; the sign of `x` is
/// restored at the end. NaN propagates, ±inf gives ±1.
/// Checked against the host's `tanhf` on every `Float` (`Tools/golden/check_portable_math.sh`) and
/// on a sample in `PortableMathTests`.
public func tanhFloat(_ x: Float) -> Float {
    let bits = x.bitPattern
    let magnitude = bits & 0x7fff_ffff
    if magnitude >= 0x7f80_0000 { return bits >> 31 == 0 ? 1 / x + 1 : 1 / x - 1 }
    let z: Float
    if magnitude < 0x41b0_0000 { // |x| < 22
        if magnitude == 0 { return x }
        if magnitude < 0x2400_0000 { return x * (1 + x) } // |x| < 2^-55
        if magnitude >= 0x3f80_0000 { // |x| >= 1
            let t = expm1Float(2 * abs(x))
            z = 1 - 2 / (t + 2)
        } else {
            let t = expm1Float(-2 * abs(x))
            z = -t / (t + 2)
        }
    } else {
        z = 1
    }
    return bits >> 31 == 0 ? z : -z
}

/// `e^x - 1` for `Float`, bit-identical to glibc 2.36's `expm1f` (fdlibm, `Float` arithmetic).
///
/// Argument reduction `x = k·ln2 + r` with `ln2 = ln2Hi + ln2Lo` (`ln2Hi` exact in `k·ln2Hi`) and a
/// correction term `c` for the rounding of `r`; then `expm1(r) = r - (r·e - r²/2)` from a rational
/// approximation `R1(r²/2)` with five coefficients `Q1...Q5`; finally `2^k · (expm1(r) + 1) - 1`
/// assembled to avoid cancellation. `|x| < 2^-25` returns `x`; `x < -27·ln2` returns -1.
func expm1Float(_ input: Float) -> Float {
    let ln2Hi: Float = 6.9313812256e-01, ln2Lo: Float = 9.0580006145e-06, invLn2: Float = 1.4426950216e+00
    let q1: Float = -3.3333335072e-02, q2: Float = 1.5873016091e-03, q3: Float = -7.9365076090e-05
    let q4: Float = 4.0082177293e-06, q5: Float = -2.0109921195e-07
    var x = input
    let bits = x.bitPattern
    let negative = bits >> 31 != 0
    let magnitude = bits & 0x7fff_ffff
    if magnitude >= 0x4195_b844 { // |x| >= 27·ln2
        if magnitude >= 0x42b1_7218 { // |x| >= 88.72
            if magnitude > 0x7f80_0000 { return x + x }
            if magnitude == 0x7f80_0000 { return negative ? -1 : x }
            if x > 8.8721679688e+01 { return .infinity }
        }
        if negative { return -1 }
    }
    var c: Float = 0
    var k: Int32 = 0
    if magnitude > 0x3eb1_7218 { // |x| > ln2 / 2
        let hi: Float, lo: Float
        if magnitude < 0x3f85_1592 { // |x| < 1.5·ln2
            hi = negative ? x + ln2Hi : x - ln2Hi
            lo = negative ? -ln2Lo : ln2Lo
            k = negative ? -1 : 1
        } else {
            k = Int32(invLn2 * x + (negative ? -0.5 : 0.5)) // truncates toward zero, as C does
            let t = Float(k)
            hi = x - t * ln2Hi
            lo = t * ln2Lo
        }
        x = hi - lo
        c = (hi - x) - lo
    } else if magnitude < 0x3300_0000 { // |x| < 2^-25
        return x
    }
    let hfx: Float = 0.5 * x
    let hxs = x * hfx
    let r1 = 1 + hxs * (q1 + hxs * (q2 + hxs * (q3 + hxs * (q4 + hxs * q5))))
    var t: Float = 3 - r1 * hfx
    var e = hxs * ((r1 - t) / (6 - x * t))
    if k == 0 { return x - (x * e - hxs) }
    e = x * (e - c) - c
    e -= hxs
    if k == -1 { return 0.5 * (x - e) - 0.5 }
    if k == 1 { return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e) }
    func scaled(_ y: Float) -> Float { Float(bitPattern: UInt32(bitPattern: Int32(bitPattern: y.bitPattern) &+ (k << 23))) }
    if k <= -2 || k > 56 { return scaled(1 - (e - x)) - 1 }
    if k < 23 {
        t = Float(bitPattern: UInt32(0x3f80_0000) &- (UInt32(0x100_0000) >> UInt32(k))) // 1 - 2^-k
        return scaled(t - (e - x))
    }
    t = Float(bitPattern: UInt32(0x7f - k) << 23) // 2^-k
    return scaled(x - (e + t) + 1)
}
