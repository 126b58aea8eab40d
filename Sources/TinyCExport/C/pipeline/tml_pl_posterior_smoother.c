/* tml_pl_posterior_smoother.c: PosteriorSmoother, keyword detections from the posteriors of
   consecutive windows (TFLM's RecognizeCommands with every rule explicit). For window t:
   1. the posteriors go to ring slot t mod averageCount; n = min(t + 1, averageCount) windows are held;
   2. per class c, sum_c = float sum over the slots s = 0 ... n - 1 in slot order; c* = the first class
      with the largest sum (strictly greater replaces); a = sum_c* / (float)n;
   3. the candidate is c* if it is a keyword and a >= threshold, else none; a new candidate restarts
      the run, and the run fires once, when it reaches minimumCount, unless fewer than
      suppressionWindows windows passed since the previous detection (then the run is dropped);
   4. a firing reports c*, a, the window of the held slot with the highest own posterior for c*
      (first slot on ties) and t. */
#include "tml_pl.h"

TML_PL_API void tml_pl_posterior_reset(tml_pl_posterior_smoother *s)
{
    s->stored = 0;
    s->window_index = 0;
    s->candidate = -1;
    s->run = 0;
    s->last_detection = INT64_MIN / 2;
}

/* Adds one window's posteriors; returns 1 and fills `firing` when a detection fires. */
TML_PL_API int tml_pl_posterior_observe(tml_pl_posterior_smoother *s, const float *posteriors, tml_pl_firing *firing)
{
    const tml_pl_posterior_config *p = s->config;
    const int32_t classes = p->class_count;
    const int32_t slot = (int32_t)(s->window_index % p->average_count);
    int32_t c, k, best = 0, next;
    float best_sum = -1.0f, average, peak_value;
    int64_t window, peak;
    for (c = 0; c < classes; ++c) s->history[slot * classes + c] = posteriors[c];
    s->history_windows[slot] = s->window_index;
    s->stored = s->stored + 1 < p->average_count ? s->stored + 1 : p->average_count;
    window = s->window_index;
    s->window_index += 1;

    for (c = 0; c < classes; ++c) {
        float sum = 0.0f;
        for (k = 0; k < s->stored; ++k) sum += s->history[k * classes + c];
        if (sum > best_sum) {
            best = c;
            best_sum = sum;
        }
    }
    average = best_sum / (float)s->stored;
    next = p->is_keyword[best] && average >= p->threshold ? best : -1;
    if (next != s->candidate) {
        s->candidate = next;
        s->run = 0;
    }
    if (s->candidate < 0) return 0;
    s->run += 1;
    if (s->run != p->minimum_count) return 0;
    if (window - s->last_detection < p->suppression_windows) return 0;
    s->last_detection = window;
    peak = window;
    peak_value = -1.0f;
    for (k = 0; k < s->stored; ++k) {
        if (s->history[k * classes + s->candidate] > peak_value) {
            peak_value = s->history[k * classes + s->candidate];
            peak = s->history_windows[k];
        }
    }
    firing->class_index = s->candidate;
    firing->confidence = average;
    firing->peak_window = peak;
    firing->window = window;
    return 1;
}
