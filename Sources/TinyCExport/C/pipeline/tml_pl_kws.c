/* tml_pl_kws.c: KeywordEngine, streaming keyword spotting. With S the stride, L the window and
   P = floor((L / 2) / S) * S zeros before the stream (pushed at init, their windows classified and
   smoothed but not reported), window w covers stream samples [w S - P, w S - P + L). Each input the
   front end completes (one every S samples) is classified and smoothed (tml_pl_posterior_observe);
   a detection reports sample = start + L / 2 with start = the first sample of the averaged window
   with the highest own posterior, the class, the averaged posterior and the window that fired.
   With reports_windows every window is reported too (label = first top class, its posterior).
   finish: zeros follow until window w_last = ceil((P + N - L / 2) / S) (N samples pushed; C's
   truncating division as Swift's) is complete; nothing when no sample was pushed. */
#include "tml_pl.h"

static void tml_pl_kws_window(tml_pl_kws *e, tml_event_fn on_event, void *ctx)
{
    const tml_pl_kws_config *p = e->config;
    const int64_t w = e->windows;
    tml_pl_firing f;
    tml_event ev;
    p->front_end.take_input(e->features);
    p->classify(e->features, e->scores);
    e->windows += 1;
    if (e->reports_windows && on_event) {
        int32_t c, best = 0;
        for (c = 1; c < p->smoothing.class_count; ++c) {
            if (e->scores[c] > e->scores[best]) best = c;
        }
        ev.kind = TML_EVENT_WINDOW;
        ev.start = w * p->stride_samples - p->lead_samples;
        ev.sample = ev.start + p->window_samples;
        ev.label = best;
        ev.confidence = e->scores[best];
        ev.index = w;
        on_event(&ev, ctx);
    }
    if (!tml_pl_posterior_observe(&e->smoother, e->scores, &f)) return;
    ev.kind = TML_EVENT_DETECTION;
    ev.start = f.peak_window * p->stride_samples - p->lead_samples;
    ev.sample = ev.start + p->window_samples / 2;
    ev.label = f.class_index;
    ev.confidence = f.confidence;
    ev.index = f.window;
    if (on_event) on_event(&ev, ctx);
}

static void tml_pl_kws_feed(tml_pl_kws *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx)
{
    const tml_pl_front_end *fe = &e->config->front_end;
    int64_t offset = 0;
    while (offset < count) {
        const int64_t left = count - offset;
        offset += fe->append(samples + offset, left > INT32_MAX ? INT32_MAX : (int32_t)left);
        if (fe->has_input()) tml_pl_kws_window(e, on_event, ctx);
    }
}

/* Zeros in pieces of at most one hop. */
static void tml_pl_kws_zeros(tml_pl_kws *e, int64_t count, tml_event_fn on_event, void *ctx)
{
    while (count > 0) {
        const int64_t n = count < e->config->hop ? count : e->config->hop;
        tml_pl_kws_feed(e, e->config->zeros, n, on_event, ctx);
        count -= n;
    }
}

/* Starts a stream: the front end and smoother reset, the lead zeros pushed. */
TML_PL_API void tml_pl_kws_init(tml_pl_kws *e)
{
    e->smoother.config = &e->config->smoothing;
    e->config->front_end.reset();
    tml_pl_posterior_reset(&e->smoother);
    e->samples_in = 0;
    e->windows = 0;
    tml_pl_kws_zeros(e, e->config->lead_samples, 0, 0);
}

TML_PL_API int tml_pl_kws_push(tml_pl_kws *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx)
{
    if (!tml_pl_all_finite(samples, count)) return TML_ERROR_NOT_FINITE;
    e->samples_in += count;
    tml_pl_kws_feed(e, samples, count, on_event, ctx);
    return TML_OK;
}

TML_PL_API int tml_pl_kws_finish(tml_pl_kws *e, tml_event_fn on_event, void *ctx)
{
    const tml_pl_kws_config *p = e->config;
    int64_t end, last, missing;
    if (e->samples_in <= 0) return TML_OK;
    end = p->lead_samples + e->samples_in;
    last = (end - p->window_samples / 2 + p->stride_samples - 1) / p->stride_samples;
    if (last < 0) last = 0;
    missing = last * p->stride_samples + p->window_samples - end;
    if (e->windows > last || missing <= 0) return TML_OK;
    tml_pl_kws_zeros(e, missing, on_event, ctx);
    return TML_OK;
}
