/* tml_pl_frame_history.c: FrameHistory, the last `capacity` feature frames of a stream (a ring
   addressed by absolute frame index: frame i lives in slot i mod capacity). */
#include "tml_pl.h"

TML_PL_API void tml_pl_frame_history_append(tml_pl_frame_history *h, const float *frame)
{
    const int64_t base = (h->count % h->capacity) * h->width;
    int32_t i;
    for (i = 0; i < h->width; ++i) h->storage[base + i] = frame[i];
    h->count += 1;
}

/* Copies frames start ... start + frames - 1 (all still held) row by row into `out`. */
TML_PL_API void tml_pl_frame_history_copy(const tml_pl_frame_history *h, int64_t start, int32_t frames, float *out)
{
    int32_t f, i;
    for (f = 0; f < frames; ++f) {
        const float *row = h->storage + ((start + f) % h->capacity) * h->width;
        for (i = 0; i < h->width; ++i) out[f * h->width + i] = row[i];
    }
}
