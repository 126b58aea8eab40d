/* tml_pl_event_detector.c: EventDetector, the wildlife pipeline's always-on gate. For frame t (log
   band powers x_t[b]):
   - excess e[b] = max(0, x_t[b] - N[b]) over the noise floor (tml_pl_noise_floor_update; frame 0
     primes it first); flux sum += max(0, x_t[b] - x_{t-1}[b]) for t > 0 (float, band order);
   - activity a = (mean of the loudest_bands largest excesses: partial selection sort, strictly
     greater, summed in rank order, / (float)count) * decibels_per_unit;
     flux f = flux sum / (float)bands * decibels_per_unit;
   - open: a loud frame (a >= offset) is the last loud one; hangover frames after it close the event
     [start, last loud]; an event reaching maximum_frames closes at t and a loud next frame reopens;
     idle: opens when a >= onset, or when (f >= flux or continuing) and a >= offset;
   - a closed event shorter than minimum_frames is dropped;
   - the floor then moves towards x_t, rising with floor_rise_in_event while open, else floor_rise. */
#include "tml_pl.h"
#include "tml_pl_math.h"

static float tml_pl_mean_of_largest(float *values, int32_t n, int32_t count)
{
    float sum = 0.0f;
    int32_t i, j;
    for (i = 0; i < count; ++i) {
        int32_t best = i;
        float v;
        for (j = i + 1; j < n; ++j) {
            if (values[j] > values[best]) best = j;
        }
        v = values[i];
        values[i] = values[best];
        values[best] = v;
        sum += values[i];
    }
    return sum / (float)count;
}

static tml_pl_change tml_pl_event_close(tml_pl_event_detector *d, int64_t start, int64_t end)
{
    tml_pl_change change;
    d->open = 0;
    change.kind = end - start + 1 >= d->config->minimum_frames ? TML_PL_CHANGE_CLOSED : TML_PL_CHANGE_DROPPED;
    change.start = start;
    change.end = end;
    return change;
}

/* Starts over: the floor forgotten (the next frame primes it), no event open. */
TML_PL_API void tml_pl_event_detector_reset(tml_pl_event_detector *d)
{
    int32_t b;
    d->primed = 0;
    for (b = 0; b < d->bands; ++b) {
        d->levels[b] = d->config->floor_minimum;
        d->previous[b] = 0.0f;
        d->excess[b] = 0.0f;
    }
    d->frame_index = 0;
    d->open = 0;
    d->open_start = 0;
    d->last_loud = 0;
    d->continuing = 0;
    d->activity = 0.0f;
    d->flux = 0.0f;
}

TML_PL_API tml_pl_change tml_pl_event_detector_process(tml_pl_event_detector *d, const float *frame)
{
    const tml_pl_detector_config *p = d->config;
    const int64_t t = d->frame_index;
    tml_pl_change change;
    float flux_sum = 0.0f;
    int32_t b;
    int loud;
    change.kind = TML_PL_CHANGE_NONE;
    change.start = 0;
    change.end = 0;
    if (t == 0) tml_pl_noise_floor_update(d, frame, p->floor_rise);
    for (b = 0; b < d->bands; ++b) {
        d->excess[b] = tml_pl_maxf(0.0f, frame[b] - d->levels[b]);
        if (t > 0) flux_sum += tml_pl_maxf(0.0f, frame[b] - d->previous[b]);
        d->previous[b] = frame[b];
    }
    d->activity = tml_pl_mean_of_largest(d->excess, d->bands, p->loudest_bands) * p->decibels_per_unit;
    d->flux = flux_sum / (float)d->bands * p->decibels_per_unit;
    loud = d->activity >= p->offset_decibels;
    if (d->open) {
        const int64_t start = d->open_start;
        if (loud) d->last_loud = t;
        if (t - d->last_loud >= p->hangover_frames) {
            change = tml_pl_event_close(d, start, d->last_loud);
        } else if (t - start + 1 >= p->maximum_frames) {
            change = tml_pl_event_close(d, start, t);
            d->continuing = 1;
        }
    } else if (d->activity >= p->onset_decibels || ((d->flux >= p->flux_decibels || d->continuing) && loud)) {
        d->continuing = 0;
        d->open = 1;
        d->open_start = t;
        d->last_loud = t;
        change.kind = TML_PL_CHANGE_OPENED;
        change.start = t;
    } else {
        d->continuing = 0;
    }
    tml_pl_noise_floor_update(d, frame, d->open ? p->floor_rise_in_event : p->floor_rise);
    d->frame_index += 1;
    return change;
}

/* Closes the open event at the end of the input: [start, last loud frame], or dropped. */
TML_PL_API tml_pl_change tml_pl_event_detector_finish(tml_pl_event_detector *d)
{
    tml_pl_change none;
    if (d->open) return tml_pl_event_close(d, d->open_start, d->last_loud);
    none.kind = TML_PL_CHANGE_NONE;
    none.start = 0;
    none.end = 0;
    return none;
}
