/* tml_nn_math.h: the integer and float primitives the int8 kernels share, each with the exact
   semantics of its Swift counterpart in TinyCore (`FixedPointMath.swift`, `activationRangeInt8`,
   `QuantizeFloat`, `SoftmaxInt8`), and the int8 dot products of the convolution and fully
   connected kernels. Static, and marked as possibly unused: each kernel's translation unit gets
   its own copy, an unused one costs nothing and draws no warning. Deliberately not `inline`: the
   keyword raises GCC's inlining limits, and at -O2 inlining tml_mbqm and tml_dot into the
   convolutions makes them larger and slower on Cortex-M4 (Tools/measure/c_export.py).

   Portability: C99 with <stdint.h>; no libm; no shifts of negative values (right shifts are
   written through ~); wrapping conversions from uint32_t/int64_t to int32_t assume two's
   complement modulo conversion, which GCC, Clang and the Xtensa/RISC-V/ARM GCC ports define. */
#ifndef TML_NN_MATH_H
#define TML_NN_MATH_H

#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define TML_NN_INTERNAL static __attribute__((unused))
#else
#define TML_NN_INTERNAL static
#endif

/* Swift `max(lo, min(hi, v))` on Int32 (also when lo > hi). */
TML_NN_INTERNAL int32_t tml_clamp(int32_t v, int32_t lo, int32_t hi)
{
    const int32_t m = v < hi ? v : hi;
    return m >= lo ? m : lo;
}

/* floor(x / 2^n) for n >= 0, as Swift's `>>` on Int32 (n >= 32 gives 0 or -1). */
TML_NN_INTERNAL int32_t tml_shift_right(int32_t x, int32_t n)
{
    if (n > 31) n = 31;
    return x >= 0 ? (x >> n) : ~(~x >> n);
}

/* floor(x / 2^n) for 0 <= n <= 63, as Swift's `>>` on Int64. */
TML_NN_INTERNAL int64_t tml_shift_right64(int64_t x, int32_t n)
{
    return x >= 0 ? (x >> n) : ~(~x >> n);
}

/* gemmlowp SaturatingRoundingDoublingHighMul, trunc((a * b + nudge) / 2^31) with nudge
   2^30 for a * b >= 0 and 1 - 2^30 below, written as the equal floor((a * b + 2^30) / 2^31)
   (for a * b < 0, trunc(v / 2^31) = floor((v + 2^31 - 1) / 2^31)): a * b / 2^31 rounded to
   nearest, ties toward +infinity. a == b == INT32_MIN saturates to INT32_MAX. */
TML_NN_INTERNAL int32_t tml_srdhm(int32_t a, int32_t b)
{
    int64_t ab;
    if (a == b && a == INT32_MIN) return INT32_MAX;
    ab = (int64_t)a * (int64_t)b + ((int64_t)1 << 30);
    return (int32_t)(ab >= 0 ? ab >> 31 : ~(~ab >> 31));
}

/* gemmlowp RoundingDivideByPOT: x / 2^e rounded to nearest, ties away from zero. The mask
   uses e & 31 like Swift's `&<<`. */
TML_NN_INTERNAL int32_t tml_rounding_divide(int32_t x, int32_t e)
{
    const uint32_t mask = ((uint32_t)1 << (e & 31)) - 1u;
    const int32_t remainder = (int32_t)((uint32_t)x & mask);
    const int32_t threshold = (int32_t)(mask >> 1) + (x < 0 ? 1 : 0);
    return tml_shift_right(x, e) + (remainder > threshold ? 1 : 0);
}

/* mbqm: TFLite reference MultiplyByQuantizedMultiplier (double rounding),
   rounding_divide(srdhm(x * 2^max(shift, 0), multiplier), max(-shift, 0)). The left shift wraps. */
TML_NN_INTERNAL int32_t tml_mbqm(int32_t x, int32_t multiplier, int32_t shift)
{
    const int32_t left = shift > 0 ? shift : 0;
    const int32_t right = shift > 0 ? 0 : -shift;
    const int32_t shifted = (int32_t)((uint32_t)x * ((uint32_t)1 << (left & 31)));
    return tml_rounding_divide(tml_srdhm(shifted, multiplier), right);
}

/* mbqm_single: single-rounding requantization (LiteRT FULLY_CONNECTED),
   (x * multiplier + 2^(30 - shift)) >> (31 - shift), truncated to 32 bits. */
TML_NN_INTERNAL int32_t tml_mbqm_single(int32_t x, int32_t multiplier, int32_t shift)
{
    const int32_t total = 31 - shift;
    const int64_t product = (int64_t)x * (int64_t)multiplier + ((int64_t)1 << (total - 1));
    return (int32_t)tml_shift_right64(product, total);
}

/* round_away: Swift `Int32(max(-1000, min(1000, v)).rounded(.toNearestOrAwayFromZero))` without
   libm. NaN and values above 1000 give 1000, below -1000 give -1000 (Swift's min/max order). */
TML_NN_INTERNAL int32_t tml_round_clamped(float v)
{
    const float m = v < 1000.0f ? v : 1000.0f;
    const float c = m >= -1000.0f ? m : -1000.0f;
    int32_t i = (int32_t)c;
    const float fraction = c - (float)i;
    if (fraction >= 0.5f) i += 1;
    else if (fraction <= -0.5f) i -= 1;
    return i;
}

/* tml_dot_4x1: four int8 rows against one int8 column, 32-bit accumulation, unrolled by four so
   each step loads one column byte and four row bytes for four multiply-adds (the register block a
   Cortex-M4 or Xtensa LX7 keeps without spilling: 4 accumulators, 4 row pointers):
   acc[r] += sum over k < depth of w[r * stride + k] * x[k], for rows r = 0..3. */
TML_NN_INTERNAL void tml_dot_4x1(const int8_t *w, int32_t stride, const int8_t *x, int32_t depth, int32_t *acc)
{
    const int8_t *w0 = w;
    const int8_t *w1 = w0 + stride;
    const int8_t *w2 = w1 + stride;
    const int8_t *w3 = w2 + stride;
    int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    int32_t k = depth;
    while (k >= 4) {
        int32_t v = x[0];
        a0 += w0[0] * v; a1 += w1[0] * v; a2 += w2[0] * v; a3 += w3[0] * v;
        v = x[1];
        a0 += w0[1] * v; a1 += w1[1] * v; a2 += w2[1] * v; a3 += w3[1] * v;
        v = x[2];
        a0 += w0[2] * v; a1 += w1[2] * v; a2 += w2[2] * v; a3 += w3[2] * v;
        v = x[3];
        a0 += w0[3] * v; a1 += w1[3] * v; a2 += w2[3] * v; a3 += w3[3] * v;
        x += 4; w0 += 4; w1 += 4; w2 += 4; w3 += 4;
        k -= 4;
    }
    while (k > 0) {
        const int32_t v = *x++;
        a0 += *w0++ * v; a1 += *w1++ * v; a2 += *w2++ * v; a3 += *w3++ * v;
        --k;
    }
    acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3;
}

/* tml_dot: one int8 row against one int8 column (the rows left over after blocks of
   four): sum over k < depth of w[k] * x[k], 32-bit accumulation, unrolled by four. */
TML_NN_INTERNAL int32_t tml_dot(const int8_t *w, const int8_t *x, int32_t depth)
{
    int32_t a = 0, b = 0;
    int32_t k = depth;
    while (k >= 4) {
        a += w[0] * x[0] + w[1] * x[1];
        b += w[2] * x[2] + w[3] * x[3];
        w += 4; x += 4; k -= 4;
    }
    while (k > 0) { a += *w++ * *x++; --k; }
    return a + b;
}

#endif /* TML_NN_MATH_H */
