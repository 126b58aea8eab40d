/* tml_fe_math.h: the scalar math of the front end without libm, each function equal bit for bit to
   what the Swift front end computes: square roots correctly rounded (as Float/Double.squareRoot()),
   TinyDSP's PortableMath.naturalLog on Float (the per-frame log) and on Double, and its
   exponential on Double, operation for operation. Static, marked as possibly unused (each file
   that includes it gets its own copy; an unused one costs nothing). Constants are hexadecimal
   literals of the bits Swift gives its decimal literals. */
#ifndef TML_FE_MATH_H
#define TML_FE_MATH_H

#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define TML_FE_INTERNAL static __attribute__((unused))
#else
#define TML_FE_INTERNAL static
#endif

TML_FE_INTERNAL uint32_t tml_fe_float_bits(float x)
{
    union { float f; uint32_t u; } v;
    v.f = x;
    return v.u;
}

TML_FE_INTERNAL float tml_fe_float_from_bits(uint32_t u)
{
    union { float f; uint32_t u; } v;
    v.u = u;
    return v.f;
}

TML_FE_INTERNAL uint64_t tml_fe_double_bits(double x)
{
    union { double f; uint64_t u; } v;
    v.f = x;
    return v.u;
}

TML_FE_INTERNAL double tml_fe_double_from_bits(uint64_t u)
{
    union { double f; uint64_t u; } v;
    v.u = u;
    return v.f;
}

/* Whether x is finite (neither infinite nor NaN). */
TML_FE_INTERNAL int tml_fe_is_finite(float x)
{
    return (tml_fe_float_bits(x) & 0x7f800000u) != 0x7f800000u;
}

/* sqrt(x) correctly rounded, as Float.squareRoot(): the core's instruction where it has one
   (VSQRT.F32 on Arm FPv4/FPv5, FSQRT.S on RISC-V F), otherwise bit by bit in 32-bit integers
   (fdlibm's e_sqrtf: one root bit per step, then round to nearest; the remainder is never exactly
   half). Negative x gives a NaN. */
TML_FE_INTERNAL float tml_fe_sqrtf(float x)
{
#if defined(__arm__) && defined(__ARM_FP) && (__ARM_FP & 4)
    float r;
    __asm__("vsqrt.f32 %0, %1" : "=t"(r) : "t"(x));
    return r;
#elif defined(__riscv) && defined(__riscv_flen)
    float r;
    __asm__("fsqrt.s %0, %1" : "=f"(r) : "f"(x));
    return r;
#else
    uint32_t ix = tml_fe_float_bits(x), q = 0, s = 0, bit = 0x01000000u, t;
    int32_t e = (int32_t)(ix >> 23);
    if ((ix & 0x7f800000u) == 0x7f800000u) return x * x + x;          /* +inf, NaN; -inf gives NaN */
    if ((ix & 0x7fffffffu) == 0) return x;                            /* +-0 */
    if (ix >> 31) return tml_fe_float_from_bits(0x7fc00000u);         /* negative */
    if (e == 0) {                                                     /* subnormal: normalise */
        ix <<= 1;
        while ((ix & 0x00800000u) == 0) { ix <<= 1; e--; }
    }
    e -= 127;
    ix = (ix & 0x007fffffu) | 0x00800000u;
    if (e & 1) { ix += ix; e -= 1; }                                  /* even exponent */
    e /= 2;
    ix += ix;
    while (bit != 0) {
        t = s + bit;
        if (t <= ix) { s = t + bit; ix -= t; q += bit; }
        ix += ix;
        bit >>= 1;
    }
    if (ix != 0) q += q & 1;
    return tml_fe_float_from_bits((q >> 1) + 0x3f000000u + ((uint32_t)e << 23));
#endif
}

/* sqrt(x) correctly rounded, as Double.squareRoot(): VSQRT.F64 (Arm FPv5-D16) or FSQRT.D (RISC-V D)
   where the core has it, otherwise the algorithm of tml_fe_sqrtf on the 53-bit significand in
   64-bit integers. */
TML_FE_INTERNAL double tml_fe_sqrt(double x)
{
#if defined(__arm__) && defined(__ARM_FP) && (__ARM_FP & 8)
    double r;
    __asm__("vsqrt.f64 %P0, %P1" : "=w"(r) : "w"(x));
    return r;
#elif defined(__riscv) && defined(__riscv_flen) && __riscv_flen >= 64
    double r;
    __asm__("fsqrt.d %0, %1" : "=f"(r) : "f"(x));
    return r;
#else
    uint64_t ix = tml_fe_double_bits(x), q = 0, s = 0, bit = (uint64_t)1 << 53, t;
    int32_t e = (int32_t)(ix >> 52);
    if ((e & 0x7ff) == 0x7ff) return x * x + x;
    if ((ix << 1) == 0) return x;
    if (ix >> 63) return tml_fe_double_from_bits(0x7ff8000000000000ull);
    if (e == 0) {
        ix <<= 1;
        while ((ix & ((uint64_t)1 << 52)) == 0) { ix <<= 1; e--; }
    }
    e -= 1023;
    ix = (ix & 0x000fffffffffffffull) | ((uint64_t)1 << 52);
    if (e & 1) { ix += ix; e -= 1; }
    e /= 2;
    ix += ix;
    while (bit != 0) {
        t = s + bit;
        if (t <= ix) { s = t + bit; ix -= t; q += bit; }
        ix += ix;
        bit >>= 1;
    }
    if (ix != 0) q += q & 1;
    return tml_fe_double_from_bits((q >> 1) + 0x3fe0000000000000ull + ((uint64_t)(int64_t)e << 52));
#endif
}

/* PortableMath.naturalLogOfNormal: ln(x * 2^(127 - exponent_bias)) for a positive normal finite x.
   With m in [sqrt(1/2), sqrt(2)) from the bit pattern, f = m - 1, s = f / (2 + f), z = s^2,
   r = z (2/3 + z (2/5 + z (2/7 + z 2/9))), h = f^2 / 2:
   ln x = e ln2_high + (f - (h - (s (h + r) + e ln2_low))), in float. */
TML_FE_INTERNAL float tml_fe_ln_normal(float x, int32_t exponent_bias)
{
    const uint32_t shifted = tml_fe_float_bits(x) + (0x3F800000u - 0x3F3504F3u);
    const float e = (float)((int32_t)(shifted >> 23) - exponent_bias);
    const float m = tml_fe_float_from_bits((shifted & 0x007FFFFFu) + 0x3F3504F3u);
    const float f = m - 1.0f;
    const float s = f / (2.0f + f);
    const float z = s * s;
    const float r = z * (0x1.555556p-1f + z * (0x1.99999ap-2f + z * (0x1.24924ap-2f + z * 0x1.c71c72p-3f)));
    const float h = 0.5f * f * f;
    return e * 0x1.62e4p-1f + (f - (h - (s * (h + r) + e * 0x1.7f7d1cp-20f)));
}

/* PortableMath.naturalLog(Float): ln x; subnormals scaled by 2^24 first; 0 gives -infinity,
   negative or NaN gives NaN, +infinity gives +infinity. */
TML_FE_INTERNAL float tml_fe_lnf(float x)
{
    const uint32_t u = tml_fe_float_bits(x);
    if (u >= 0x00800000u && u < 0x7f800000u) return tml_fe_ln_normal(x, 127);
    if (u > 0 && u < 0x00800000u) return tml_fe_ln_normal(x * 16777216.0f, 127 + 24);
    if ((u & 0x7fffffffu) == 0) return tml_fe_float_from_bits(0xff800000u);
    return u == 0x7f800000u ? x : tml_fe_float_from_bits(0x7fc00000u);
}

/* PortableMath.naturalLog(Double): x = m 2^e with m in [1, 2) (halved above sqrt 2), s = (m - 1) /
   (m + 1), ln x = e ln2 + 2 (s + s^3/3 + ... + s^23/23), the series summed term by term. */
TML_FE_INTERNAL double tml_fe_ln(double x)
{
    uint64_t u = tml_fe_double_bits(x);
    double e, m, s, s2, power, sum, d;
    int32_t biased = (int32_t)((u >> 52) & 0x7ff), i;
    if (x != x || (u >> 63 && (u << 1) != 0)) return tml_fe_double_from_bits(0x7ff8000000000000ull);
    if ((u << 1) == 0) return tml_fe_double_from_bits(0xfff0000000000000ull);
    if (biased == 0x7ff) return x;
    if (biased == 0) {                                       /* subnormal: x.exponent below -1022 */
        u = tml_fe_double_bits(x * 0x1p54);
        biased = (int32_t)((u >> 52) & 0x7ff) - 54;
    }
    e = (double)(biased - 1023);
    m = tml_fe_double_from_bits((u & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
    if (m > 0x1.6a09e667f3bcdp+0) {                          /* 1.4142135623730951 */
        m *= 0.5;
        e += 1;
    }
    s = (m - 1) / (m + 1);
    s2 = s * s;
    power = s;
    sum = s;
    d = 1;
    for (i = 0; i < 11; ++i) {
        power *= s2;
        d += 2;
        sum += power / d;
    }
    return e * 0x1.62e42fefa39efp-1 + 2 * sum;              /* ln 2 = 0.6931471805599453 */
}

/* Round to nearest, ties to even, of |x| < 2^52 (adding and subtracting 2^52 in the default
   rounding mode). */
TML_FE_INTERNAL double tml_fe_rint_small(double x)
{
    const double shift = 0x1p52;
    return x < 0 ? (x - shift) + shift : (x + shift) - shift;
}

/* PortableMath.exponential(Double): NaN stays, x > 709.8 gives +infinity, x < -745.2 gives 0;
   else k = rint(x / ln2), r = (x - k ln2_high) - k ln2_low, sum = 1 + r + r^2/2! + ... + r^14/14!
   (each term the previous times r / n), times 2^k as Double(sign:exponent:significand:) makes it
   (0 below 2^-1074, infinity above 2^1023). */
TML_FE_INTERNAL double tml_fe_exp(double x)
{
    double k, r, term = 1, sum = 1, scale;
    int32_t n, ik;
    if (x != x) return x;
    if (x > 0x1.62e6666666666p+9) return tml_fe_double_from_bits(0x7ff0000000000000ull);   /* 709.8 */
    if (x < -0x1.749999999999ap+9) return 0;                                              /* -745.2 */
    k = tml_fe_rint_small(x / 0x1.62e42fefa39efp-1);
    r = (x - k * 0x1.62e42feep-1) - k * 0x1.a39ef35793c76p-33;   /* ln2 high 0.6931471803691238, low 1.9082149292705877e-10 */
    for (n = 1; n <= 14; ++n) {
        term *= r / (double)n;
        sum += term;
    }
    ik = (int32_t)k;
    if (ik > 1023) scale = tml_fe_double_from_bits(0x7ff0000000000000ull);
    else if (ik >= -1022) scale = tml_fe_double_from_bits((uint64_t)(ik + 1023) << 52);
    else if (ik >= -1074) scale = tml_fe_double_from_bits((uint64_t)1 << (ik + 1074));
    else scale = 0;
    return sum * scale;
}

#endif /* TML_FE_MATH_H */
