/// `e^x` for `Float`, bit-identical to glibc 2.36's `expf` on x86-64 (the libm LiteRT's int8
/// SOFTMAX and LOGISTIC tables are built with), in portable Swift with no libm and no FMA, so
/// every target (Cortex-M, RISC-V, host) builds the same tables.
///
/// Method (Arm's optimized-routines `expf`, as glibc ships it): with `N = 32`,
///   `x·N/ln2 = k + r` (k the nearest integer, ties to even; `|r| <= 1/2`),
///   `e^x = 2^(k/N) · 2^(r/N) ≈ s · (C0·r³ + C1·r² + C2·r + 1)`, `s = 2^(k/N)` from a 32-entry
///   table of `2^(i/32)` with `k / 32` added to the exponent; evaluated in `Double`, rounded to
///   `Float` once.
/// glibc's x86-64 build selects a variant compiled with FMA, which computes `k` and `r` from the
/// exact product `x · (N/ln2)`; that product is reproduced here without FMA by splitting `N/ln2`
/// into a 24-bit head and a tail (both partial products are exact in `Double`).
/// Special cases: NaN and +inf return `x + x`, -inf returns 0, `x > 0x1.62e42ep6` overflows to
/// +inf, `x < -0x1.9fe368p6` underflows to 0.
/// Checked against the host's `expf` on every `Float` (`Tools/golden/check_portable_math.sh`) and
/// on a sample in `PortableMathTests`.
public func expFloat(_ x: Float) -> Float {
    let bits = x.bitPattern
    if bits & 0x7fff_ffff >= 0x42b0_0000 { // |x| >= 88 or NaN
        if bits == 0xff80_0000 { return 0 }
        if bits & 0x7fff_ffff >= 0x7f80_0000 { return x + x }
        if x > 0x1.62e42ep6 { return .infinity }
        if x < -0x1.9fe368p6 { return 0 }
    }
    let xd = Double(x)
    // x * N/ln2 exactly as head + tail (head: 24 significant bits, so head * xd is exact).
    let head = ExpFloatTable.inverseLn2Head * xd
    let tail = ExpFloatTable.inverseLn2Tail * xd
    // k = roundeven(head + tail); k0 = roundeven(head) through the 1.5·2^52 shifter.
    let k0 = (head + ExpFloatTable.shifter) - ExpFloatTable.shifter
    let d = head - k0 // exact, |d| <= 1/2
    var k = k0
    let sum = d + tail
    if abs(sum) >= 0.5 {
        // Exact d + tail = sum + error (TwoSum); decides which side of ±1/2 the product falls.
        let bv = sum - d
        let error = (d - (sum - bv)) + (tail - bv)
        let direction: Double = sum > 0 ? 1 : -1
        let beyond = abs(sum) > 0.5 || (error != 0 ? (error > 0) == (sum > 0) : false)
        let tieToEven = abs(sum) == 0.5 && error == 0 && Int64(k0) & 1 != 0
        if beyond || tieToEven { k = k0 + direction }
    }
    let r = (head - k) + tail // exact difference, one rounding
    let ki = Int64(k)
    let t = ExpFloatTable.powers[Int(ki & 31)] &+ (UInt64(bitPattern: ki) &<< 47)
    let s = Double(bitPattern: t)
    let c = ExpFloatTable.coefficients
    let z = c.0 * r + c.1
    let r2 = r * r
    var y = c.2 * r + 1
    y = z * r2 + y
    return Float(y * s)
}

/// Constants of `expFloat`.
enum ExpFloatTable {
    /// `32 / ln 2` (`0x1.71547652b82fep+0 * 32`) split into a 24-bit head and the remainder.
    static let inverseLn2: Double = 0x1.71547652b82fep+0 * 32
    static let inverseLn2Head: Double = Double(Float(inverseLn2))
    static let inverseLn2Tail: Double = inverseLn2 - inverseLn2Head
    /// `1.5 · 2^52`: adding and subtracting it rounds a double to an integer, ties to even.
    static let shifter: Double = 0x1.8p52
    /// Cubic coefficients of `2^(r/32)`, scaled by `32^-3`, `32^-2`, `32^-1`.
    static let coefficients: (Double, Double, Double) = (
        0x1.c6af84b912394p-5 / 32 / 32 / 32, 0x1.ebfce50fac4f3p-3 / 32 / 32, 0x1.62e42ff0c52d6p-1 / 32)
    /// Bits of `2^(i/32)` minus `i << 47`, so adding `k << 47` gives `2^(k/32)`.
    static let powers: [UInt64] = [
        0x3ff0000000000000, 0x3fefd9b0d3158574, 0x3fefb5586cf9890f, 0x3fef9301d0125b51,
        0x3fef72b83c7d517b, 0x3fef54873168b9aa, 0x3fef387a6e756238, 0x3fef1e9df51fdee1,
        0x3fef06fe0a31b715, 0x3feef1a7373aa9cb, 0x3feedea64c123422, 0x3feece086061892d,
        0x3feebfdad5362a27, 0x3feeb42b569d4f82, 0x3feeab07dd485429, 0x3feea47eb03a5585,
        0x3feea09e667f3bcd, 0x3fee9f75e8ec5f74, 0x3feea11473eb0187, 0x3feea589994cce13,
        0x3feeace5422aa0db, 0x3feeb737b0cdc5e5, 0x3feec49182a3f090, 0x3feed503b23e255d,
        0x3feee89f995ad3ad, 0x3feeff76f2fb5e47, 0x3fef199bdd85529c, 0x3fef3720dcef9069,
        0x3fef5818dcfba487, 0x3fef7c97337b9b5f, 0x3fefa4afa2a490da, 0x3fefd0765b6e4540,
    ]
}
