/* tml_fe_moments_f32.c: SignalMoments, the time-domain summary of one frame in float, and the
   FrameStatistic values made of it. With v_i = x[i] * gain: one pass sums v and v^2 (Kahan
   compensated sums, CompensatedSum) and finds min/max; mean = sum / n. The second pass sums
   d^2, d^3, d^4 of d = (v_i - mean) / unit, unit the power of two at the frame's peak (at least
   2^-126), so quiet and loud frames neither underflow nor overflow. */
#include "tml_fe.h"
#include "tml_fe_math.h"

/* CompensatedSum.add: y = v - c, t = s + y, c = (t - s) - y, s = t. */
typedef struct {
    float sum, compensation;
} tml_fe_compensated_sum;

static void tml_fe_add(tml_fe_compensated_sum *a, float v)
{
    const float y = v - a->compensation;
    const float t = a->sum + y;
    a->compensation = (t - a->sum) - y;
    a->sum = t;
}

TML_FE_API float tml_fe_moments_peak(const tml_fe_moments *m)
{
    const float hi = tml_fe_float_from_bits(tml_fe_float_bits(m->maximum) & 0x7fffffffu);   /* .magnitude */
    const float lo = tml_fe_float_from_bits(tml_fe_float_bits(m->minimum) & 0x7fffffffu);
    return lo >= hi ? lo : hi;                                                            /* Swift max(hi, lo) */
}

TML_FE_API void tml_fe_moments_f32(const float *x, int32_t count, float gain, tml_fe_moments *m)
{
    tml_fe_compensated_sum sum = {0.0f, 0.0f}, squares = {0.0f, 0.0f};
    tml_fe_compensated_sum s2 = {0.0f, 0.0f}, s3 = {0.0f, 0.0f}, s4 = {0.0f, 0.0f};
    float lo, hi, n, inverse, peak;
    int32_t i;
    m->mean = m->mean_square = m->minimum = m->maximum = 0.0f;
    m->scaled_m2 = m->scaled_m3 = m->scaled_m4 = 0.0f;
    m->unit = 1.0f;
    if (count <= 0) return;
    lo = x[0] * gain;
    hi = lo;
    for (i = 0; i < count; ++i) {
        const float v = x[i] * gain;
        tml_fe_add(&sum, v);
        tml_fe_add(&squares, v * v);
        lo = v < lo ? v : lo;                                       /* Swift min(lo, v) */
        hi = v >= hi ? v : hi;                                      /* Swift max(hi, v) */
    }
    n = (float)count;
    m->mean = sum.sum / n;
    m->mean_square = squares.sum / n;
    m->minimum = lo;
    m->maximum = hi;
    peak = tml_fe_moments_peak(m);
    if (peak > 0 && tml_fe_is_finite(peak)) {
        const int32_t biased = (int32_t)(tml_fe_float_bits(peak) >> 23);
        m->unit = tml_fe_float_from_bits((uint32_t)(biased > 0 ? biased : 1) << 23);   /* 2^max(exponent, -126) */
    }
    inverse = 1.0f / m->unit;
    for (i = 0; i < count; ++i) {
        const float d = (x[i] * gain - m->mean) * inverse;
        const float d2 = d * d;
        tml_fe_add(&s2, d2);
        tml_fe_add(&s3, d2 * d);
        tml_fe_add(&s4, d2 * d2);
    }
    m->scaled_m2 = s2.sum / n;
    m->scaled_m3 = s3.sum / n;
    m->scaled_m4 = s4.sum / n;
}

TML_FE_API float tml_fe_moments_rms(const tml_fe_moments *m)
{
    return tml_fe_sqrtf(m->mean_square);
}

TML_FE_API float tml_fe_moments_standard_deviation(const tml_fe_moments *m)
{
    return tml_fe_sqrtf(m->scaled_m2 * m->unit * m->unit);
}

TML_FE_API float tml_fe_moments_crest_factor(const tml_fe_moments *m)
{
    const float rms = tml_fe_moments_rms(m);
    return rms > 0 ? tml_fe_moments_peak(m) / rms : 0.0f;
}

TML_FE_API float tml_fe_moments_kurtosis(const tml_fe_moments *m)
{
    return m->scaled_m2 > 0 ? m->scaled_m4 / (m->scaled_m2 * m->scaled_m2) : 0.0f;
}

TML_FE_API float tml_fe_moments_skewness(const tml_fe_moments *m)
{
    return m->scaled_m2 > 0 ? m->scaled_m3 / (m->scaled_m2 * tml_fe_sqrtf(m->scaled_m2)) : 0.0f;
}
