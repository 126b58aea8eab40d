/* tml_fe_quantize_f32_s8.c: Int8Quantizer.quantize, a model input's float -> int8:
   x = v / scale (a float division), r = x rounded by the rule (ties to even, ties away from zero,
   or floor(x + 0.5)), NaN -> clamp(zero_point), else r + zero_point clamped to [minimum, maximum].
   The roundings work on the bit pattern (no libm). */
#include "tml_fe.h"
#include "tml_fe_math.h"

/* Round to nearest, ties to even, by adding and subtracting 2^23 (|x| < 2^23 is where a fraction
   can exist). */
static float tml_fe_rintf(float x)
{
    if ((tml_fe_float_bits(x) & 0x7f800000u) >= (uint32_t)(127 + 23) << 23) return x;   /* integral, inf, NaN */
    return x < 0 ? (x - 8388608.0f) + 8388608.0f : (x + 8388608.0f) - 8388608.0f;
}

/* Round to nearest, ties away from zero: add half an ulp of the integer part, clear the fraction. */
static float tml_fe_roundf(float x)
{
    uint32_t u = tml_fe_float_bits(x);
    const int32_t exponent = (int32_t)((u >> 23) & 0xff) - 127;
    if (exponent >= 23) return x;
    if (exponent < 0) return tml_fe_float_from_bits((u & 0x80000000u) | (exponent == -1 ? 0x3f800000u : 0));
    u += 0x00400000u >> exponent;
    return tml_fe_float_from_bits(u & ~(0x007fffffu >> exponent));
}

/* Round toward -infinity. */
static float tml_fe_floorf(float x)
{
    uint32_t u = tml_fe_float_bits(x);
    const int32_t exponent = (int32_t)((u >> 23) & 0xff) - 127;
    uint32_t fraction;
    if (exponent >= 23) return x;
    if (exponent < 0) {
        if ((u & 0x7fffffffu) == 0) return x;
        return tml_fe_float_from_bits(u >> 31 ? 0xbf800000u : 0);
    }
    fraction = 0x007fffffu >> exponent;
    if ((u & fraction) == 0) return x;
    if (u >> 31) u += fraction + 1;
    return tml_fe_float_from_bits(u & ~fraction);
}

TML_FE_API void tml_fe_quantize_f32_s8(const tml_fe_quantizer *q, const float *in, int8_t *out, int32_t count)
{
    int32_t i;
    for (i = 0; i < count; ++i) {
        const float x = in[i] / q->scale;
        float r, shifted;
        if (q->rounding == TML_FE_HALF_TO_EVEN) r = tml_fe_rintf(x);
        else if (q->rounding == TML_FE_HALF_AWAY_FROM_ZERO) r = tml_fe_roundf(x);
        else r = tml_fe_floorf(x + 0.5f);
        if (r != r) {
            const int32_t z = q->zero_point > q->minimum ? q->zero_point : q->minimum;
            out[i] = (int8_t)(z < q->maximum ? z : q->maximum);
            continue;
        }
        shifted = r + (float)q->zero_point;
        if (shifted <= (float)q->minimum) out[i] = (int8_t)q->minimum;
        else if (shifted >= (float)q->maximum) out[i] = (int8_t)q->maximum;
        else out[i] = (int8_t)shifted;
    }
}
