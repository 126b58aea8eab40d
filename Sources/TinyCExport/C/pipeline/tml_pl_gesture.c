/* tml_pl_gesture.c: GestureEngine, streaming gesture recognition. Per input frame: the
   SensorConditioner (tml_pl_conditioner_push), then each conditioned frame enters a ring of the last
   window_length frames (primed with the first frame repeated, as if the device had been held still);
   when the frames appended are a multiple of `hop` the window (oldest first) is classified and
   smoothed (tml_pl_prediction_update); an event reports sample = conditioned frames so far,
   start = sample - window_length, the class, the averaged probability and the inference.
   finish: the conditioner releases what it holds, then the last frame is held for history x hop
   more frames, whose events are reported at the end of the real input. */
#include "tml_pl.h"

static void tml_pl_gesture_append(tml_pl_gesture *e, const float *sample, int64_t reported_at, tml_event_fn on_event, void *ctx)
{
    const tml_pl_gesture_config *p = e->config;
    const int32_t a = p->channel_count, length = p->window_length, size = length * a;
    int32_t t, k, i, split, label;
    float confidence;
    tml_event ev;
    if (e->pushed == 0) {
        for (t = 0; t < length; ++t) {
            for (k = 0; k < a; ++k) e->ring[t * a + k] = sample[k];
        }
    }
    for (k = 0; k < a; ++k) {
        const float v = sample[k];
        e->ring[e->head * a + k] = v;
        e->last[k] = v;
    }
    e->head = (e->head + 1) % length;
    e->pushed += 1;
    if (e->pushed % p->hop != 0) return;
    split = e->head * a;
    for (i = 0; i < size - split; ++i) e->window[i] = e->ring[split + i];
    for (i = 0; i < split; ++i) e->window[size - split + i] = e->ring[i];
    p->classify(e->window, e->probabilities);
    e->inferences += 1;
    if (!tml_pl_prediction_update(&e->smoother, e->probabilities, &label, &confidence)) return;
    ev.kind = TML_EVENT_DETECTION;
    ev.sample = reported_at;
    ev.start = reported_at - length;
    ev.label = label;
    ev.confidence = confidence;
    ev.index = e->inferences - 1;
    if (on_event) on_event(&ev, ctx);
}

/* Where the conditioner's frames go during one push or finish. */
typedef struct {
    tml_pl_gesture *engine;
    tml_event_fn on_event;
    void *ctx;
} tml_pl_gesture_sink;

static void tml_pl_gesture_emit(void *owner, const float *frame)
{
    tml_pl_gesture_sink *sink = (tml_pl_gesture_sink *)owner;
    sink->engine->sample_count += 1;
    tml_pl_gesture_append(sink->engine, frame, sink->engine->sample_count, sink->on_event, sink->ctx);
}

/* Starts a stream. */
TML_PL_API void tml_pl_gesture_init(tml_pl_gesture *e)
{
    e->conditioner.config = &e->config->conditioner;
    e->smoother.config = &e->config->smoothing;
    tml_pl_conditioner_reset(&e->conditioner);
    tml_pl_prediction_reset(&e->smoother);
    e->head = 0;
    e->pushed = 0;
    e->sample_count = 0;
    e->input_frames = 0;
    e->inferences = 0;
    e->failed = 0;
}

/* Whole interleaved frames of channel_count values. */
TML_PL_API int tml_pl_gesture_push(tml_pl_gesture *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx)
{
    const int32_t channels = e->config->channel_count;
    tml_pl_gesture_sink sink;
    int64_t f;
    if (e->failed) return TML_ERROR_FINISHED;
    if (count % channels != 0) return TML_ERROR_PARTIAL_FRAME;
    if (!tml_pl_all_finite(samples, count)) return TML_ERROR_NOT_FINITE;
    sink.engine = e;
    sink.on_event = on_event;
    sink.ctx = ctx;
    for (f = 0; f < count / channels; ++f) {
        int status;
        e->input_frames += 1;
        status = tml_pl_conditioner_push(&e->conditioner, samples + f * channels, tml_pl_gesture_emit, &sink);
        if (status != TML_OK) {
            e->failed = 1;
            return status;
        }
    }
    return TML_OK;
}

TML_PL_API int tml_pl_gesture_finish(tml_pl_gesture *e, tml_event_fn on_event, void *ctx)
{
    const tml_pl_gesture_config *p = e->config;
    tml_pl_gesture_sink sink;
    int64_t i;
    int status;
    if (e->failed) return TML_ERROR_FINISHED;
    sink.engine = e;
    sink.on_event = on_event;
    sink.ctx = ctx;
    status = tml_pl_conditioner_finish(&e->conditioner, tml_pl_gesture_emit, &sink);
    if (status != TML_OK) {
        e->failed = 1;
        return status;
    }
    if (e->pushed == 0) return TML_OK;
    for (i = 0; i < (int64_t)p->smoothing.history * p->hop; ++i) tml_pl_gesture_append(e, e->last, e->sample_count, on_event, ctx);
    return TML_OK;
}
