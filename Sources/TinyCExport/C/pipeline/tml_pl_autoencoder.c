/* tml_pl_autoencoder.c: AutoencoderScorer, the reconstruction error of an int8 autoencoder over the
   last C frames of F values. The newest frame goes to ring slot seen mod C; no score while fewer than
   C frames were seen; then the window is the ring oldest first (slot (seen + c) mod C for c < C),
   the model reconstructs it (`reconstruct`: QUANTIZE, the model, its int8 output) and
       score = (1/(C F)) sum_i ((double)x[i] - s_out (double)(q_out[i] - z_out))^2     (double). */
#include "tml_pl.h"

/* Returns 1 and writes the score, or 0 while the context fills. */
TML_PL_API int tml_pl_autoencoder_score(tml_pl_autoencoder *a, const float *frame, double *score)
{
    const int32_t f = a->frame_length, frames = a->context_frames, n = f * frames;
    const int32_t slot = (int32_t)(a->seen % frames);
    const int8_t *out;
    double sum = 0.0;
    int32_t i, c;
    for (i = 0; i < f; ++i) a->history[slot * f + i] = frame[i];
    a->seen += 1;
    if (a->seen < frames) return 0;
    for (c = 0; c < frames; ++c) {
        const int32_t from = (int32_t)((a->seen + c) % frames) * f;
        for (i = 0; i < f; ++i) a->window[c * f + i] = a->history[from + i];
    }
    out = a->reconstruct(a->window);
    for (i = 0; i < n; ++i) {
        const double reconstructed = a->output_scale * (double)((int32_t)out[i] - a->output_zero_point);
        const double d = (double)a->window[i] - reconstructed;
        sum += d * d;
    }
    *score = sum / (double)n;
    return 1;
}
