/* tml_pl_noise_floor.c: AdaptiveNoiseFloor, a per-band floor N that follows quiet frames quickly and
   loud ones slowly. The first frame primes it, N[b] = max(x[b], minimum); afterwards, with
   d = x[b] - N[b], N[b] = max(N[b] + (d > 0 ? rise : fall) * d, minimum) (float, Swift.max). */
#include "tml_pl.h"
#include "tml_pl_math.h"

TML_PL_API void tml_pl_noise_floor_update(tml_pl_event_detector *d, const float *frame, float rise)
{
    const float fall = d->config->floor_fall, minimum = d->config->floor_minimum;
    int32_t b;
    if (!d->primed) {
        for (b = 0; b < d->bands; ++b) d->levels[b] = tml_pl_maxf(frame[b], minimum);
        d->primed = 1;
        return;
    }
    for (b = 0; b < d->bands; ++b) {
        const float delta = frame[b] - d->levels[b];
        d->levels[b] = tml_pl_maxf(d->levels[b] + (delta > 0 ? rise : fall) * delta, minimum);
    }
}
