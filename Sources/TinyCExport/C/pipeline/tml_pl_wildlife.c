/* tml_pl_wildlife.c: WildlifeEngine, classified sound events from a stream. Per frame (one hop): the
   log-band front end, the FrameHistory ring (window_frames + preroll_frames + 1 frames) and the
   EventDetector. An event opened at frame s is tracked in a FIFO pool of `capacity` slots (one that
   finds the pool full is not tracked) and classified over windows starting at
   max(0, s - preroll) + k * event_hop (window 0 always, a later one only while start + w / 2 <= the
   event's end once it has closed), each as soon as its last frame has arrived; its probabilities are
   summed (ScoreAccumulator, float, class order). An event is reported when it has closed and its
   last window ran, oldest first: label = rank 0, confidence = its mean, index = windows averaged,
   start = max(0, s hop + (L - hop) / 2), sample = min(N, e hop + (L + hop) / 2) (L the frame length,
   N the samples pushed, e the last loud frame). A dropped event is forgotten. finish: the open event
   closes, and frames of digital silence (not detected) complete the pending windows. */
#include "tml_pl.h"
#include "tml_pl_math.h"

static int32_t tml_pl_wildlife_slot(const tml_pl_wildlife *e, int32_t i)
{
    return (e->head + i) % e->config->capacity;
}

static void tml_pl_wildlife_classify(tml_pl_wildlife *e, int64_t start, int32_t s)
{
    const tml_pl_wildlife_config *p = e->config;
    float *sums = e->sums + (int64_t)s * p->class_count;
    int32_t c;
    tml_pl_frame_history_copy(&e->history, start, p->window_frames, e->window);
    p->classify(e->window, e->probabilities);
    for (c = 0; c < p->class_count; ++c) sums[c] += e->probabilities[c];
    e->accumulated[s] += 1;
}

/* Runs every window whose frames have all arrived; marks the events whose windows are done. */
static void tml_pl_wildlife_run_windows(tml_pl_wildlife *e)
{
    const tml_pl_wildlife_config *p = e->config;
    const int64_t w = p->window_frames, hop = p->event_hop_frames, last = e->history.count - 1;
    int32_t i;
    for (i = 0; i < e->tracked; ++i) {
        const int32_t s = tml_pl_wildlife_slot(e, i);
        if (e->complete[s]) continue;
        for (;;) {
            const int64_t start = e->first_windows[s] + e->windows_run[s] * hop;
            if (e->ends[s] >= 0 && e->windows_run[s] > 0 && start + w / 2 > e->ends[s]) {
                e->complete[s] = 1;
                break;
            }
            if (start + w - 1 > last) break;
            tml_pl_wildlife_classify(e, start, s);
            e->windows_run[s] += 1;
        }
    }
}

static void tml_pl_wildlife_apply(tml_pl_wildlife *e, tml_pl_change change)
{
    const tml_pl_wildlife_config *p = e->config;
    int32_t s, c;
    switch (change.kind) {
    case TML_PL_CHANGE_OPENED:
        if (e->tracked >= p->capacity) {
            e->events_overflowed += 1;
            return;
        }
        s = tml_pl_wildlife_slot(e, e->tracked);
        e->starts[s] = change.start;
        e->ends[s] = -1;
        e->first_windows[s] = tml_pl_max64(0, change.start - p->preroll_frames);
        e->windows_run[s] = 0;
        e->complete[s] = 0;
        for (c = 0; c < p->class_count; ++c) e->sums[(int64_t)s * p->class_count + c] = 0.0f;
        e->accumulated[s] = 0;
        e->tracked += 1;
        break;
    case TML_PL_CHANGE_CLOSED:
        if (e->tracked <= 0) return;
        s = tml_pl_wildlife_slot(e, e->tracked - 1);
        if (e->starts[s] != change.start) return;
        e->ends[s] = change.end;
        tml_pl_wildlife_run_windows(e);
        break;
    case TML_PL_CHANGE_DROPPED:
        if (e->tracked <= 0) return;
        s = tml_pl_wildlife_slot(e, e->tracked - 1);
        if (e->starts[s] == change.start && e->ends[s] < 0) e->tracked -= 1;
        break;
    default:
        break;
    }
}

static void tml_pl_wildlife_report(tml_pl_wildlife *e, int32_t s, tml_event_fn on_event, void *ctx)
{
    const tml_pl_wildlife_config *p = e->config;
    const float *sums = e->sums + (int64_t)s * p->class_count;
    const int64_t end = e->ends[s] >= 0 ? e->ends[s] : e->starts[s];
    const int32_t best = tml_pl_rank(sums, p->class_count, e->accumulated[s], 0);
    tml_event ev;
    ev.kind = TML_EVENT_DETECTION;
    ev.sample = tml_pl_min64(e->samples_in, end * p->hop + (p->frame_length + p->hop) / 2);
    ev.start = tml_pl_max64(0, e->starts[s] * p->hop + (p->frame_length - p->hop) / 2);
    ev.label = best;
    ev.confidence = tml_pl_mean_score(sums, e->accumulated[s], best);
    ev.index = e->accumulated[s];
    if (on_event) on_event(&ev, ctx);
}

/* Reports the completed events at the front of the pool (events complete in time order). */
static void tml_pl_wildlife_collect(tml_pl_wildlife *e, tml_event_fn on_event, void *ctx)
{
    while (e->tracked > 0 && e->complete[e->head]) {
        const int32_t s = e->head;
        e->head = (e->head + 1) % e->config->capacity;
        e->tracked -= 1;
        tml_pl_wildlife_report(e, s, on_event, ctx);
    }
}

static void tml_pl_wildlife_feed(tml_pl_wildlife *e, const float *samples, int64_t count, int detecting,
                                 tml_event_fn on_event, void *ctx)
{
    const tml_pl_front_end *fe = &e->config->front_end;
    int64_t offset = 0;
    while (offset < count) {
        const int64_t left = count - offset;
        offset += fe->append(samples + offset, left > INT32_MAX ? INT32_MAX : (int32_t)left);
        if (!fe->has_input()) continue;
        fe->take_input(e->frame);
        tml_pl_frame_history_append(&e->history, e->frame);
        if (detecting) tml_pl_wildlife_apply(e, tml_pl_event_detector_process(&e->detector, e->frame));
        tml_pl_wildlife_run_windows(e);
        tml_pl_wildlife_collect(e, on_event, ctx);
    }
}

/* Starts a stream. */
TML_PL_API void tml_pl_wildlife_init(tml_pl_wildlife *e)
{
    const tml_pl_wildlife_config *p = e->config;
    e->config->front_end.reset();
    e->detector.config = &p->detector;
    e->detector.bands = p->bands;
    tml_pl_event_detector_reset(&e->detector);
    e->history.capacity = p->window_frames + p->preroll_frames + 1;
    e->history.width = p->bands;
    e->history.count = 0;
    e->head = 0;
    e->tracked = 0;
    e->samples_in = 0;
    e->real_frames = -1;
    e->events_overflowed = 0;
}

TML_PL_API int tml_pl_wildlife_push(tml_pl_wildlife *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx)
{
    if (e->real_frames >= 0) return TML_ERROR_FINISHED;
    if (!tml_pl_all_finite(samples, count)) return TML_ERROR_NOT_FINITE;
    e->samples_in += count;
    tml_pl_wildlife_feed(e, samples, count, 1, on_event, ctx);
    return TML_OK;
}

TML_PL_API int tml_pl_wildlife_finish(tml_pl_wildlife *e, tml_event_fn on_event, void *ctx)
{
    if (e->real_frames >= 0) return TML_OK;
    e->real_frames = e->history.count;
    tml_pl_wildlife_apply(e, tml_pl_event_detector_finish(&e->detector));
    tml_pl_wildlife_collect(e, on_event, ctx);
    while (e->tracked > 0) tml_pl_wildlife_feed(e, e->config->zeros, e->config->hop, 0, on_event, ctx);
    return TML_OK;
}
