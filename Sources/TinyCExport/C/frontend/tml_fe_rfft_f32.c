/* tml_fe_rfft_f32.c: PortableRealFFT.forward in C, operation for operation. The size real samples
   are packed as m = size/2 complex values z[n] = x[2n] + i x[2n+1] (loaded in bit-reversed order),
   transformed by an iterative radix-2 decimation-in-time FFT, and split into the real spectrum:
   X[k] = E[k] + W^k O[k], E[k] = (Z[k] + conj Z[m-k]) / 2, O[k] = -i (Z[k] - conj Z[m-k]) / 2,
   W = e^(-2 pi i / size). */
#include "tml_fe.h"

/* In-place radix-2 DIT complex FFT of length m on bit-reversed data. */
static void tml_fe_complex_fft(const tml_fe_rfft *p, float *re, float *im, int32_t m)
{
    int32_t i, span, start, j;
    for (i = 0; i < m; i += 2) {                     /* span 2: twiddle 1 */
        const float ar = re[i], ai = im[i], br = re[i + 1], bi = im[i + 1];
        re[i] = ar + br; im[i] = ai + bi;
        re[i + 1] = ar - br; im[i + 1] = ai - bi;
    }
    for (span = 4; span <= m; span *= 2) {
        const int32_t half_span = span / 2;
        const int32_t step = m / span;
        for (start = 0; start < m; start += span) {
            for (j = 0; j < half_span; ++j) {
                const float wr = p->twiddle_cos[j * step], wi = p->twiddle_sin[j * step];
                const int32_t a = start + j, b = a + half_span;
                const float xr = re[b], xi = im[b];
                const float tr = wr * xr - wi * xi, ti = wr * xi + wi * xr;
                const float ur = re[a], ui = im[a];
                re[a] = ur + tr; im[a] = ui + ti;
                re[b] = ur - tr; im[b] = ui - ti;
            }
        }
    }
}

TML_FE_API void tml_fe_rfft_f32(const tml_fe_rfft *p, const float *input, float *spectrum, float *work)
{
    const int32_t m = p->size / 2;
    float *re = work, *im = work + m;
    int32_t n, k;
    for (n = 0; n < m; ++n) {
        const int32_t r = p->bit_reversed[n];
        re[r] = input[2 * n];
        im[r] = input[2 * n + 1];
    }
    tml_fe_complex_fft(p, re, im, m);
    spectrum[0] = re[0] + im[0];
    spectrum[1] = 0.0f;
    spectrum[2 * m] = re[0] - im[0];
    spectrum[2 * m + 1] = 0.0f;
    for (k = 1; k <= m / 2; ++k) {                   /* pairs (k, m - k) share one evaluation */
        const int32_t j = m - k;
        const float ar = re[k], ai = im[k], br = re[j], bi = im[j];
        const float er = 0.5f * (ar + br), ei = 0.5f * (ai - bi);
        const float dr = 0.5f * (ar - br), di = 0.5f * (ai + bi);
        const float or_ = di, oi = -dr;
        const float wr = p->split_cos[k], wi = p->split_sin[k];
        const float tr = wr * or_ - wi * oi, ti = wr * oi + wi * or_;
        spectrum[2 * k] = er + tr;
        spectrum[2 * k + 1] = ei + ti;
        if (j != k) {
            spectrum[2 * j] = er - tr;
            spectrum[2 * j + 1] = -(ei - ti);
        }
    }
}
