// The few libm functions Swift's float operations lower to on cores without a matching
// instruction — `.rounded(.toNearestOrAwayFromZero)` (round, roundf), `.rounded(.toNearestOrEven)`
// (rint, rintf), `.rounded(.down)` (floorf), `truncatingRemainder` (fmod), `squareRoot` (sqrt) —
// each exact or correctly rounded as IEEE 754 and C define them, so results equal the host's bit for
// bit (checked against glibc on tens of millions of inputs, Embedded/README.md).
#include <stdint.h>

float roundf(float x) {
    union { float f; uint32_t u; } v = {x};
    int exponent = (int)((v.u >> 23) & 0xff) - 127;
    if (exponent >= 23) return x;                      // integral, infinite or NaN
    if (exponent < 0) {                                // |x| < 1
        v.u &= 0x80000000u;
        if (exponent == -1) v.u |= 0x3f800000u;        // 0.5 <= |x| < 1 rounds to ±1
        return v.f;
    }
    uint32_t half = 0x00400000u >> exponent;
    uint32_t fraction = 0x007fffffu >> exponent;
    v.u += half;                                        // may carry into the exponent: still exact
    v.u &= ~fraction;
    return v.f;
}

double round(double x) {
    union { double f; uint64_t u; } v = {x};
    int exponent = (int)((v.u >> 52) & 0x7ff) - 1023;
    if (exponent >= 52) return x;
    if (exponent < 0) {
        v.u &= 0x8000000000000000ull;
        if (exponent == -1) v.u |= 0x3ff0000000000000ull;
        return v.f;
    }
    uint64_t half = 0x0008000000000000ull >> exponent;
    uint64_t fraction = 0x000fffffffffffffull >> exponent;
    v.u += half;
    v.u &= ~fraction;
    return v.f;
}

// Double square root (`Double.squareRoot()` lowers to a call to `sqrt`), correctly rounded as IEEE
// 754 requires, so equal to the host's: the core's instruction where it has one (Cortex-M7 FPv5-D16
// `vsqrt.f64`, RV64GC `fsqrt.d`), else (Cortex-M4, single-precision FPU) digit by digit in integers:
// x = m·2^e with m in [2^52, 2^54) and e even; q = floor(√(m·2^56)) has 55 bits (53 + guard +
// round), the remainder r gives the sticky bit; round to nearest, ties to even.
double sqrt(double x) {
#if defined(__ARM_FP) && (__ARM_FP & 8)
    double r;
    __asm__("vsqrt.f64 %P0, %P1" : "=w"(r) : "w"(x));
    return r;
#elif defined(__riscv_flen) && __riscv_flen >= 64
    double r;
    __asm__("fsqrt.d %0, %1" : "=f"(r) : "f"(x));
    return r;
#else
    union { double f; uint64_t u; } v = {x};
    if (v.u == 0 || v.u == 0x8000000000000000ull) return x;           // ±0
    if (v.u >> 63) { v.u = 0x7ff8000000000000ull; return v.f; }        // negative (or -NaN): NaN
    int biased = (int)(v.u >> 52);
    if (biased == 0x7ff) return x + x;                                 // +inf, NaN (quieted)
    uint64_t m = v.u & 0x000fffffffffffffull;
    int e;
    if (biased == 0) {                                                 // subnormal: normalise
        e = -1074;
        while (m < (1ull << 52)) { m <<= 1; e--; }
    } else {
        m |= 1ull << 52;
        e = biased - 1075;
    }
    if (e & 1) { m <<= 1; e--; }                                       // m in [2^52, 2^54), e even
    uint64_t q = 0, r = 0;
    for (int bit = 109; bit > 0; bit -= 2) {                           // radicand m·2^56, two bits a step
        uint64_t pair = bit - 1 >= 56 ? (m >> (bit - 1 - 56)) & 3 : 0;
        r = (r << 2) | pair;
        uint64_t t = (q << 2) | 1;
        if (r >= t) { r -= t; q = (q << 1) | 1; } else { q <<= 1; }
    }
    uint64_t significand = q >> 2;                                     // 53 bits
    if ((q & 2) && ((q & 1) || r != 0 || (significand & 1))) significand++;
    int exponent = e / 2 - 26;                                         // √x = significand·2^exponent
    if (significand == (1ull << 53)) { significand >>= 1; exponent++; }
    v.u = ((uint64_t)(exponent + 52 + 1023) << 52) | (significand & 0x000fffffffffffffull);
    return v.f;
#endif
}

// Round to nearest, ties to even, by adding and subtracting 2^52 (2^23 for float) in the default
// rounding mode: exact for |x| < 2^52, which is where a fraction can exist; the sign is restored so
// that -0.3 gives -0.
double rint(double x) {
    union { double f; uint64_t u; } v = {x};
    if (((v.u >> 52) & 0x7ff) >= 1023 + 52) return x;                // integral, infinite or NaN
    const double shift = 4503599627370496.0;                           // 2^52
    double r = (v.u >> 63) ? (x - shift) + shift : (x + shift) - shift;
    union { double f; uint64_t u; } w = {r};
    w.u = (w.u & 0x7fffffffffffffffull) | (v.u & 0x8000000000000000ull);
    return w.f;
}

float rintf(float x) {
    union { float f; uint32_t u; } v = {x};
    if (((v.u >> 23) & 0xff) >= 127 + 23) return x;
    const float shift = 8388608.0f;                                    // 2^23
    float r = (v.u >> 31) ? (x - shift) + shift : (x + shift) - shift;
    union { float f; uint32_t u; } w = {r};
    w.u = (w.u & 0x7fffffffu) | (v.u & 0x80000000u);
    return w.f;
}

// Round toward -inf by clearing fraction bits (and stepping down for negative non-integers).
float floorf(float x) {
    union { float f; uint32_t u; } v = {x};
    int exponent = (int)((v.u >> 23) & 0xff) - 127;
    if (exponent >= 23) return x;                                      // integral, infinite or NaN
    if (exponent < 0) {                                                // |x| < 1
        if ((v.u & 0x7fffffffu) == 0) return x;                        // ±0
        v.u = (v.u >> 31) ? 0xbf800000u : 0;                           // -1 or +0
        return v.f;
    }
    uint32_t fraction = 0x007fffffu >> exponent;
    if ((v.u & fraction) == 0) return x;
    if (v.u >> 31) v.u += fraction + 1;                                // away from zero: may carry into the exponent
    v.u &= ~fraction;
    return v.f;
}

// x − n·y with n = trunc(x/y), exact (C's fmod): long division of the significands, one quotient
// bit per exponent step; the result has x's sign.
double fmod(double x, double y) {
    union { double f; uint64_t u; } ux = {x}, uy = {y};
    int ex = (int)((ux.u >> 52) & 0x7ff), ey = (int)((uy.u >> 52) & 0x7ff);
    uint64_t sign = ux.u & 0x8000000000000000ull;
    if ((uy.u << 1) == 0 || ex == 0x7ff || (ey == 0x7ff && (uy.u << 12) != 0)) return (x * y) / (x * y);  // NaN
    if ((ux.u << 1) <= (uy.u << 1)) return (ux.u << 1) == (uy.u << 1) ? 0 * x : x;  // |x| <= |y|
    uint64_t mx = ux.u & 0x000fffffffffffffull, my = uy.u & 0x000fffffffffffffull;
    if (ex == 0) { ex = 1; while (!(mx >> 52)) { mx <<= 1; ex--; } } else mx |= 1ull << 52;  // x = mx·2^(ex−1075)
    if (ey == 0) { ey = 1; while (!(my >> 52)) { my <<= 1; ey--; } } else my |= 1ull << 52;
    for (; ex > ey; ex--) {
        if (mx >= my) { mx -= my; if (mx == 0) return 0 * x; }
        mx <<= 1;
    }
    if (mx >= my) { mx -= my; if (mx == 0) return 0 * x; }
    while (!(mx >> 52)) { mx <<= 1; ex--; }
    if (ex > 0) {
        ux.u = sign | ((uint64_t)ex << 52) | (mx & 0x000fffffffffffffull);
    } else {
        ux.u = sign | (mx >> (1 - ex));                                // subnormal result (exact)
    }
    return ux.f;
}

// Round toward zero by clearing fraction bits.
double trunc(double x) {
    union { double f; uint64_t u; } v = {x};
    int exponent = (int)((v.u >> 52) & 0x7ff) - 1023;
    if (exponent >= 52) return x;                                      // integral, infinite or NaN
    if (exponent < 0) { v.u &= 0x8000000000000000ull; return v.f; }    // |x| < 1: ±0
    v.u &= ~(0x000fffffffffffffull >> exponent);
    return v.f;
}

// Float square root: every core here has the instruction (VSQRT.F32, FSQRT.S), correctly rounded.
float sqrtf(float x) {
    float r;
#if defined(__arm__)
    __asm__("vsqrt.f32 %0, %1" : "=t"(r) : "t"(x));
#elif defined(__riscv)
    __asm__("fsqrt.s %0, %1" : "=f"(r) : "f"(x));
#else
    r = __builtin_sqrtf(x);                                            // host builds (Tools/golden/check_board_libm.sh)
#endif
    return r;
}
