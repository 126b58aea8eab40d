/* tml_fe_mel_f32.c: MelFilterbank.apply, one multiply-add per stored (nonzero) weight:
   out[b] = sum_j weights[offset_b + j] * spectrum[start_bins[b] + j], j < lengths[b], a float sum
   from 0 in ascending j; band b's weights follow band b - 1's. */
#include "tml_fe.h"

TML_FE_API void tml_fe_mel_f32(const tml_fe_mel *p, const float *spectrum, float *out)
{
    const float *w = p->weights;
    int32_t b, j;
    for (b = 0; b < p->band_count; ++b) {
        const float *s = spectrum + p->start_bins[b];
        const int32_t n = p->lengths[b];
        float sum = 0.0f;
        for (j = 0; j < n; ++j) sum += w[j] * s[j];
        out[b] = sum;
        w += n;
    }
}
