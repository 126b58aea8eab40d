/* tml_pl_anomaly.c: AnomalyEngine and its AnomalyDetector. Window w covers samples
   [w hop, w hop + N) and is one feature frame (the front end's input). With a learning period of L
   windows (calibration learn) of which the last C calibrate:
   - a scorer that learns (Gaussian): windows 0 ... L - C - 1 are learned only; windows L - C ... L - 1
     are scored against what was learned so far (test, then learn), each score feeding the threshold's
     ScoreMoments; a pre-trained scorer (autoencoder) scores all L, its context frames without a score;
   - at window L - 1 the threshold becomes mean + k sigma (an error when fewer than 3 scores);
   - from window L (from window 0 with a fixed threshold) every score s is compared, over = !(s <= t)
     (a NaN is over), and AlarmHysteresis raises and clears.
   Events (sample = the window's end, start = end - N): learned at window L - 1 (label -1, confidence
   (float)threshold), alarm-raised (label 1) and alarm-cleared (label 0) with confidence (float)score;
   with reports_windows every window (label = alarm active, confidence the score or NaN). finish
   reports nothing. */
#include "tml_pl.h"
#include "tml_pl_math.h"

typedef struct {
    int64_t window;
    int learning, has_score, has_threshold, alarm_active, transition;
    double score, threshold;
} tml_pl_decision;

/* AnomalyScorer.score: 1 with a score, 0 without (context), or TML_ERROR_CALIBRATION. */
static int tml_pl_anomaly_score(tml_pl_anomaly *e, const float *frame, double *score)
{
    if (e->config->scorer == TML_PL_SCORER_AUTOENCODER) return tml_pl_autoencoder_score(&e->autoencoder, frame, score);
    if (e->gaussian.count < 2) return TML_ERROR_CALIBRATION;
    *score = tml_pl_gaussian_score(&e->gaussian, frame);
    return 1;
}

/* AnomalyDetector.process. */
static int tml_pl_anomaly_detect(tml_pl_anomaly *e, const float *frame, tml_pl_decision *d)
{
    const tml_pl_anomaly_config *p = e->config;
    const int64_t index = e->windows;
    int scored;
    e->windows += 1;
    d->window = index;
    d->has_score = 0;
    d->score = 0;
    d->transition = TML_PL_NO_TRANSITION;
    if (index < p->learning_windows) {
        if (index >= e->fit_windows) {
            scored = tml_pl_anomaly_score(e, frame, &d->score);
            if (scored < 0) return scored;
            d->has_score = scored;
            if (scored) tml_pl_score_moments_add(&e->calibration, d->score);
        }
        if (p->scorer == TML_PL_SCORER_GAUSSIAN) tml_pl_gaussian_learn(&e->gaussian, frame);
        if (e->windows == p->learning_windows) {
            if (!tml_pl_threshold(&e->calibration, p->k, &e->threshold)) return TML_ERROR_CALIBRATION;
            e->has_threshold = 1;
        }
        d->learning = 1;
        d->has_threshold = e->has_threshold;
        d->threshold = e->threshold;
        d->alarm_active = 0;
        return TML_OK;
    }
    if (!e->has_threshold) return TML_ERROR_CALIBRATION;
    d->learning = 0;
    d->has_threshold = 1;
    d->threshold = e->threshold;
    scored = tml_pl_anomaly_score(e, frame, &d->score);
    if (scored < 0) return scored;
    d->has_score = scored;
    if (scored) d->transition = tml_pl_alarm_update(&e->alarm, !(d->score <= e->threshold));
    d->alarm_active = e->alarm.active;
    return TML_OK;
}

static void tml_pl_anomaly_report(tml_event_fn on_event, void *ctx, int kind, int64_t end, int64_t start, int label,
                                  float confidence, int64_t index)
{
    tml_event ev;
    if (!on_event) return;
    ev.kind = kind;
    ev.sample = end;
    ev.start = start;
    ev.label = label;
    ev.confidence = confidence;
    ev.index = index;
    on_event(&ev, ctx);
}

/* AnomalyEngine.process: one frame, the window ending at `end`. */
static int tml_pl_anomaly_process(tml_pl_anomaly *e, int64_t end, tml_event_fn on_event, void *ctx)
{
    const int64_t start = end - e->config->window_samples;
    tml_pl_decision d;
    float score;
    const int status = tml_pl_anomaly_detect(e, e->frame, &d);
    if (status != TML_OK) return status;
    score = d.has_score ? (float)d.score : tml_pl_nan();
    if (e->reports_windows) tml_pl_anomaly_report(on_event, ctx, TML_EVENT_WINDOW, end, start, d.alarm_active ? 1 : 0, score, d.window);
    if (d.learning && d.has_threshold) tml_pl_anomaly_report(on_event, ctx, TML_EVENT_LEARNED, end, start, -1, (float)d.threshold, d.window);
    if (d.transition == TML_PL_RAISED) tml_pl_anomaly_report(on_event, ctx, TML_EVENT_ALARM_RAISED, end, start, 1, score, d.window);
    if (d.transition == TML_PL_CLEARED) tml_pl_anomaly_report(on_event, ctx, TML_EVENT_ALARM_CLEARED, end, start, 0, score, d.window);
    return TML_OK;
}

/* Starts a stream: nothing learned, no threshold (or the fixed one), the alarm clear. */
TML_PL_API void tml_pl_anomaly_init(tml_pl_anomaly *e)
{
    const tml_pl_anomaly_config *p = e->config;
    p->front_end.reset();
    e->gaussian.dimension = p->frame_length;
    e->gaussian.variance_floor = p->variance_floor;
    if (p->scorer == TML_PL_SCORER_GAUSSIAN) tml_pl_gaussian_init(&e->gaussian);
    e->autoencoder.frame_length = p->frame_length;
    e->autoencoder.context_frames = p->context_frames;
    e->autoencoder.output_scale = p->output_scale;
    e->autoencoder.output_zero_point = p->output_zero_point;
    e->autoencoder.reconstruct = p->reconstruct;
    e->autoencoder.seen = 0;
    e->calibration.count = 0;
    e->calibration.mean = 0;
    e->calibration.m2 = 0;
    e->calibration.maximum = tml_fe_double_from_bits(0xfff0000000000000ull);   /* -infinity */
    e->alarm.raise_after = p->raise_after;
    e->alarm.clear_after = p->clear_after;
    e->alarm.active = 0;
    e->alarm.run = 0;
    e->alarm.raised_count = 0;
    e->has_threshold = p->calibration == TML_PL_CALIBRATION_FIXED;
    e->threshold = e->has_threshold ? p->fixed_threshold : 0;
    e->fit_windows = p->calibration == TML_PL_CALIBRATION_LEARN && p->scorer == TML_PL_SCORER_GAUSSIAN
        ? p->learning_windows - p->calibrating_windows : 0;
    e->windows = 0;
    e->inputs_taken = 0;
    e->samples_in = 0;
}

TML_PL_API int tml_pl_anomaly_push(tml_pl_anomaly *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx)
{
    const tml_pl_front_end *fe = &e->config->front_end;
    int64_t offset = 0;
    if (!tml_pl_all_finite(samples, count)) return TML_ERROR_NOT_FINITE;
    e->samples_in += count;
    while (offset < count) {
        const int64_t end = e->inputs_taken * e->config->hop + e->config->window_samples, left = count - offset;
        int status;
        offset += fe->append(samples + offset, left > INT32_MAX ? INT32_MAX : (int32_t)left);
        if (!fe->has_input()) continue;
        fe->take_input(e->frame);
        e->inputs_taken += 1;
        status = tml_pl_anomaly_process(e, end, on_event, ctx);
        if (status != TML_OK) return status;
    }
    return TML_OK;
}

TML_PL_API int tml_pl_anomaly_finish(tml_pl_anomaly *e, tml_event_fn on_event, void *ctx)
{
    (void)e;
    (void)on_event;
    (void)ctx;
    return TML_OK;
}
