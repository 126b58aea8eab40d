/* tml_pl_prediction_smoother.c: PredictionSmoother, gesture events from per-inference probabilities
   (TFLM's magic wand). The prediction goes to ring slot `next` (round robin); no decision before N =
   history predictions exist; per gesture class c (every class but the negative one) a_c = (float sum
   over the ring slots j = 0 ... N - 1 in slot order) / (float)N; c* = the first class with the largest
   a (strictly greater replaces, from -1); a disarmed smoother re-arms when a_c* < rearm or rearm ==
   threshold; an event (c*, a_c*) fires when armed, a_c* >= threshold and at least
   suppression_inferences inferences passed since the previous one; firing disarms. */
#include "tml_pl.h"

TML_PL_API void tml_pl_prediction_reset(tml_pl_prediction_smoother *s)
{
    int32_t i;
    for (i = 0; i < s->config->history * s->config->class_count; ++i) s->ring[i] = 0.0f;
    s->filled = 0;
    s->next = 0;
    s->armed = 1;
    s->since_event = s->config->suppression_inferences;
}

/* Adds one prediction; returns 1 and the event's class and confidence when one fires. */
TML_PL_API int tml_pl_prediction_update(tml_pl_prediction_smoother *s, const float *probabilities, int32_t *class_index,
                                        float *confidence)
{
    const tml_pl_prediction_config *p = s->config;
    const int32_t classes = p->class_count, base = s->next * classes;
    int32_t c, j, best = -1;
    float best_value = -1.0f;
    for (c = 0; c < classes; ++c) s->ring[base + c] = probabilities[c];
    s->next = (s->next + 1) % p->history;
    if (s->filled < p->history) s->filled += 1;
    if (s->since_event < INT64_MAX) s->since_event += 1;
    if (s->filled != p->history) return 0;
    for (c = 0; c < classes; ++c) {
        float sum = 0.0f, a;
        if (c == p->negative_class) continue;
        for (j = 0; j < p->history; ++j) sum += s->ring[j * classes + c];
        a = sum / (float)p->history;
        if (a > best_value) {
            best = c;
            best_value = a;
        }
    }
    if (!s->armed && (best_value < p->rearm || p->rearm == p->threshold)) s->armed = 1;
    if (!s->armed || !(best_value >= p->threshold) || s->since_event < p->suppression_inferences) return 0;
    s->armed = 0;
    s->since_event = 0;
    *class_index = best;
    *confidence = best_value;
    return 1;
}
