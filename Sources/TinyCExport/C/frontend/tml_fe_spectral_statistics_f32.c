/* tml_fe_spectral_statistics_f32.c: SpectralStatistics of one spectrum s[0 ... count - 1], bin k at
   f_k = k * bin_hertz Hz. The shape statistics sum in double, as Swift does:
     centroid  c = sum f_k s_k / sum s_k (0 when sum s_k <= 0)
     spread    sqrt(sum s_k (f_k - c)^2 / sum s_k)
     flatness  exp(mean ln s'_k) / mean s'_k, s' = max(s, 1e-10) (PortableMath exp and ln)
     rolloff   the first f_k whose running sum reaches fraction * sum s_k (else f_{count-1})
     flux      sum max(0, s_k - previous_k);
   the log band energies sum in float over bins found by the exporter, then take the float log. */
#include "tml_fe.h"
#include "tml_fe_math.h"

TML_FE_API double tml_fe_spectral_centroid(const float *s, int32_t count, double bin_hertz)
{
    double total = 0, weighted = 0;
    int32_t k;
    for (k = 0; k < count; ++k) {
        total += (double)s[k];
        weighted += (double)k * bin_hertz * (double)s[k];
    }
    return total > 0 ? weighted / total : 0;
}

TML_FE_API double tml_fe_spectral_spread(const float *s, int32_t count, double bin_hertz)
{
    const double c = tml_fe_spectral_centroid(s, count, bin_hertz);
    double total = 0, weighted = 0;
    int32_t k;
    for (k = 0; k < count; ++k) {
        const double d = (double)k * bin_hertz - c;
        total += (double)s[k];
        weighted += (double)s[k] * d * d;
    }
    return total > 0 ? tml_fe_sqrt(weighted / total) : 0;
}

TML_FE_API double tml_fe_spectral_flatness(const float *s, int32_t count)
{
    double log_sum = 0, sum = 0, n;
    int32_t k;
    for (k = 0; k < count; ++k) {
        const double x = (double)s[k];
        const double v = 0x1.b7cdfd9d7bdbbp-34 >= x ? 0x1.b7cdfd9d7bdbbp-34 : x;   /* Swift max(x, 1e-10) */
        log_sum += tml_fe_ln(v);
        sum += v;
    }
    n = (double)count;
    return tml_fe_exp(log_sum / n) / (sum / n);
}

TML_FE_API double tml_fe_spectral_rolloff(const float *s, int32_t count, double bin_hertz, double fraction)
{
    double total = 0, threshold, running = 0;
    int32_t k;
    for (k = 0; k < count; ++k) total += (double)s[k];
    threshold = fraction * total;
    for (k = 0; k < count; ++k) {
        running += (double)s[k];
        if (running >= threshold) return (double)k * bin_hertz;
    }
    return (double)(count - 1) * bin_hertz;
}

TML_FE_API double tml_fe_spectral_flux(const float *s, const float *previous, int32_t count)
{
    double sum = 0;
    int32_t k;
    for (k = 0; k < count; ++k) {
        const double d = (double)s[k] - (double)previous[k];
        if (d > 0) sum += d;
    }
    return sum;
}

TML_FE_API void tml_fe_log_band_energies_f32(const float *s, const int32_t *first, const int32_t *end, int32_t band_count,
                                             const tml_fe_log *log, float *out)
{
    int32_t b, k;
    for (b = 0; b < band_count; ++b) {
        float sum = 0.0f;
        for (k = first[b]; k < end[b]; ++k) sum += s[k];
        out[b] = sum;
    }
    tml_fe_log_f32(log, out, band_count);
}
