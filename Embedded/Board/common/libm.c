// The few libm functions Swift's float operations lower to on cores without a matching
// instruction (Float/Double `.rounded(.toNearestOrAwayFromZero)`): round half away from zero,
// exact, by clearing fraction bits.
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
