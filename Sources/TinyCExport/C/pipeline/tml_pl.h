/* tml_pl.h: the post-processing of TinyMLSuite's pipelines in C99 (<stdint.h> and <float.h> only: no
   libm, no libc, no dynamic allocation): TinyPipeline's four engines (KeywordEngine, AnomalyEngine,
   GestureEngine, WildlifeEngine) and the stages they run, operation for operation in the Swift
   code's order and precision (float where Swift uses Float, double where it uses Double), so that a
   generated pipeline reports the events of PipelineEngine<PortableRealFFT> bit for bit.

   Requirements (as tml_fe.h): IEEE 754 float and double evaluated in their own precision
   (FLT_EVAL_METHOD 0), round to nearest, no fused multiply-add (-ffp-contract=off, no -ffast-math).

   Storage: every engine works on buffers its caller lends (the generated tml_pipeline struct holds
   them, sized for the pipeline); the feature front end and the model are reached through the hooks
   below (the generated front end and model library, static). Stream positions and counts are
   int64_t, as Swift's Int on the 64-bit host.

   Naming: tml_pl_<stage>; the Swift type each function follows is named in its comment. Linkage as
   tml_fe.h: a generated pipeline defines TML_PL_STATIC and pastes the .c files it uses into its own
   .c (static, prototypes left out); its public header defines TML_PL_TYPES_ONLY (the types, no
   prototypes). */
#ifndef TML_PL_H
#define TML_PL_H

#include <float.h>
#include <stdint.h>

#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "tml_pl needs float and double arithmetic evaluated in their own precision (FLT_EVAL_METHOD 0)"
#endif

#ifdef TML_PL_STATIC
#if defined(__GNUC__) || defined(__clang__)
#define TML_PL_API static __attribute__((unused))
#else
#define TML_PL_API static
#endif
#else
#define TML_PL_API
#endif

/* PipelineEvent: kind (PipelineEvent.Kind's raw value), the sample it refers to, the first sample
   it covers, the class (-1 for none), the confidence (compare as a bit pattern) and the index
   (window, inference, or windows averaged). */
enum {
    TML_EVENT_DETECTION = 0,
    TML_EVENT_WINDOW = 1,
    TML_EVENT_ALARM_RAISED = 2,
    TML_EVENT_ALARM_CLEARED = 3,
    TML_EVENT_LEARNED = 4
};
typedef struct {
    int kind;
    int64_t sample;
    int64_t start;
    int label;
    float confidence;
    int64_t index;
} tml_event;
/* Called with each event, in the order the Swift engine reports them; NULL drops them. */
typedef void (*tml_event_fn)(const tml_event *event, void *ctx);

/* Results of push / finish: 0, or one of these (the Swift engine's PipelineError). */
enum {
    TML_OK = 0,
    TML_ERROR_ARGUMENT = -1,     /* a NULL pointer */
    TML_ERROR_NOT_FINITE = -2,   /* a sample is not finite: nothing of the chunk was used */
    TML_ERROR_PARTIAL_FRAME = -3,/* gestures: the values are not whole frames */
    TML_ERROR_UNIT = -4,         /* gestures: the accelerometer unit cannot be told */
    TML_ERROR_CALIBRATION = -5,  /* anomaly: no threshold (too few scored windows, or a baseline that cannot score) */
    TML_ERROR_FINISHED = -6      /* a push after finish (wildlife) or after an error */
};

/* The feature front end (the generated tml_fe stream): reset, append (returns samples used, 0 while
   an input waits), has_input, take_input (writes one model input, moves to the next window). */
typedef struct {
    void (*reset)(void);
    int32_t (*append)(const float *samples, int32_t count);
    int (*has_input)(void);
    void (*take_input)(float *input);
} tml_pl_front_end;

/* ClassifierStage.classify: quantise `input`, run the model, write its scores (dequantised). */
typedef void (*tml_pl_classify_fn)(const float *input, float *scores);
/* AutoencoderScorer's model: quantise `input` (QUANTIZE), run the model, return its int8 output. */
typedef const int8_t *(*tml_pl_reconstruct_fn)(const float *input);

/* ---- keyword spotting ---- */

/* PosteriorSmoother: is_keyword[class_count]; history[average_count x class_count] and
   history_windows[average_count] lent by the caller. */
typedef struct {
    int32_t class_count, average_count, minimum_count;
    int64_t suppression_windows;
    float threshold;
    const uint8_t *is_keyword;
} tml_pl_posterior_config;
typedef struct {
    const tml_pl_posterior_config *config;
    float *history;
    int64_t *history_windows;
    int32_t stored, candidate, run;
    int64_t window_index, last_detection;
} tml_pl_posterior_smoother;
/* PosteriorSmoother.Firing. */
typedef struct {
    int32_t class_index;
    float confidence;
    int64_t peak_window, window;
} tml_pl_firing;

/* KeywordEngine: zeros[hop]; features[input_count], scores[class_count] lent. */
typedef struct {
    tml_pl_front_end front_end;
    tml_pl_classify_fn classify;
    int32_t input_count, hop;
    int64_t stride_samples, window_samples, lead_samples;
    const float *zeros;
    tml_pl_posterior_config smoothing;
} tml_pl_kws_config;
typedef struct {
    const tml_pl_kws_config *config;
    tml_pl_posterior_smoother smoother;
    float *features, *scores;
    int64_t samples_in, windows;
    int reports_windows;
} tml_pl_kws;

/* ---- anomaly ---- */

/* ScoreMoments (Welford): count, mean, m2, maximum. */
typedef struct {
    int64_t count;
    double mean, m2, maximum;
} tml_pl_score_moments;

/* AlarmHysteresis. */
typedef struct {
    int32_t raise_after, clear_after;
    int active, run;
    int64_t raised_count;
} tml_pl_alarm;
enum { TML_PL_NO_TRANSITION = 0, TML_PL_RAISED = 1, TML_PL_CLEARED = 2 };

/* GaussianBaseline over FeatureMoments, as BaselineScorer uses it: moment_mean, m2 (double) and the
   scoring constants mean, inverse_variance (float), `dimension` each, lent. */
typedef struct {
    int32_t dimension;
    double variance_floor;
    int64_t count;
    double *moment_mean, *m2;
    float *mean, *inverse_variance;
} tml_pl_gaussian;

/* AutoencoderScorer: history and window of context_frames x frame_length floats, lent. */
typedef struct {
    int32_t frame_length, context_frames;
    double output_scale;
    int32_t output_zero_point;
    tml_pl_reconstruct_fn reconstruct;
    float *history, *window;
    int64_t seen;
} tml_pl_autoencoder;

enum { TML_PL_SCORER_GAUSSIAN = 0, TML_PL_SCORER_AUTOENCODER = 1 };
enum { TML_PL_CALIBRATION_LEARN = 0, TML_PL_CALIBRATION_FIXED = 1 };
/* AnomalyEngine / AnomalyDetector: the scorer, the calibration (learn for learning_windows, the
   last `calibrating` scored, threshold = mean + k sigma; or a fixed threshold), the hysteresis. */
typedef struct {
    tml_pl_front_end front_end;
    int32_t frame_length, hop;
    int64_t window_samples;
    int32_t scorer;
    double variance_floor;
    int32_t context_frames;
    double output_scale;
    int32_t output_zero_point;
    tml_pl_reconstruct_fn reconstruct;
    int32_t calibration;
    int64_t learning_windows, calibrating_windows;
    double k, fixed_threshold;
    int32_t raise_after, clear_after;
} tml_pl_anomaly_config;
typedef struct {
    const tml_pl_anomaly_config *config;
    tml_pl_gaussian gaussian;
    tml_pl_autoencoder autoencoder;
    tml_pl_score_moments calibration;
    tml_pl_alarm alarm;
    int has_threshold;
    double threshold;
    int64_t windows, fit_windows, inputs_taken, samples_in;
    float *frame;
    int reports_windows;
} tml_pl_anomaly;

/* ---- gestures ---- */

enum { TML_PL_UNIT_DETECT = 0, TML_PL_UNIT_G = 1, TML_PL_UNIT_MILLI_G = 2, TML_PL_UNIT_METRES_PER_SECOND_SQUARED = 3 };
/* SensorConditioner (with AccelerationUnit): held[max(1, detection_frames) x channel_count],
   scratch[max(1, detection_frames)], frame[channel_count] lent; g_per_unit[3] = AccelerationUnit's
   gPerUnit of g, milli-g, m/s2 and gravity_low/high its gravityRange, as Swift computes them. */
typedef struct {
    int32_t channel_count, accelerometer_count;
    const int32_t *accelerometer_channels;
    const float *gains;
    int32_t unit, detection_frames;
    float g_per_unit[3];
    float gravity_low, gravity_high;
} tml_pl_conditioner_config;
typedef struct {
    const tml_pl_conditioner_config *config;
    float *held, *scratch, *frame;
    int32_t held_count, unit;
} tml_pl_conditioner;

/* Where SensorConditioner releases a conditioned frame (channel_count floats). */
typedef void (*tml_pl_emit_fn)(void *owner, const float *frame);

/* PredictionSmoother: ring[history x class_count] lent; negative_class -1 for none. */
typedef struct {
    int32_t history, class_count, negative_class;
    float threshold, rearm;
    int64_t suppression_inferences;
} tml_pl_prediction_config;
typedef struct {
    const tml_pl_prediction_config *config;
    float *ring;
    int32_t filled, next, armed;
    int64_t since_event;
} tml_pl_prediction_smoother;

/* GestureEngine: ring and window[window_length x channel_count], probabilities[class_count],
   last[channel_count] lent. */
typedef struct {
    tml_pl_classify_fn classify;
    int32_t channel_count, window_length, class_count, hop;
    tml_pl_conditioner_config conditioner;
    tml_pl_prediction_config smoothing;
} tml_pl_gesture_config;
typedef struct {
    const tml_pl_gesture_config *config;
    tml_pl_conditioner conditioner;
    tml_pl_prediction_smoother smoother;
    float *ring, *window, *probabilities, *last;
    int32_t head;
    int64_t pushed, sample_count, input_frames, inferences;
    int failed;
} tml_pl_gesture;

/* ---- wildlife ---- */

/* EventDetectorParameters. */
typedef struct {
    float floor_rise, floor_rise_in_event, floor_fall, floor_minimum, decibels_per_unit;
    int32_t loudest_bands;
    float onset_decibels, offset_decibels, flux_decibels;
    int64_t hangover_frames, minimum_frames, maximum_frames;
} tml_pl_detector_config;
/* EventDetector.Change. */
enum { TML_PL_CHANGE_NONE = 0, TML_PL_CHANGE_OPENED = 1, TML_PL_CHANGE_CLOSED = 2, TML_PL_CHANGE_DROPPED = 3 };
typedef struct {
    int32_t kind;
    int64_t start, end;
} tml_pl_change;
/* AdaptiveNoiseFloor (levels) and EventDetector (previous, excess): `bands` floats each, lent. */
typedef struct {
    const tml_pl_detector_config *config;
    int32_t bands;
    float *levels, *previous, *excess;
    int primed, open, continuing;
    int64_t frame_index, open_start, last_loud;
    float activity, flux;
} tml_pl_event_detector;

/* FrameHistory: storage[capacity x width] lent. */
typedef struct {
    int32_t capacity, width;
    float *storage;
    int64_t count;
} tml_pl_frame_history;

/* WildlifeEngine: zeros[hop]; frame[bands], window[window_frames x bands],
   probabilities[class_count], history storage[(window_frames + preroll_frames + 1) x bands] and the
   pool of `capacity` tracked events (starts, ends, first_windows, windows_run, complete, the
   ScoreAccumulator sums[capacity x class_count] and windows) lent. */
typedef struct {
    tml_pl_front_end front_end;
    tml_pl_classify_fn classify;
    int32_t bands, class_count, window_frames, preroll_frames, event_hop_frames, capacity;
    int64_t frame_length, hop;
    const float *zeros;
    tml_pl_detector_config detector;
} tml_pl_wildlife_config;
typedef struct {
    const tml_pl_wildlife_config *config;
    tml_pl_event_detector detector;
    tml_pl_frame_history history;
    float *frame, *window, *probabilities, *sums;
    int64_t *starts, *ends, *first_windows, *windows_run, *accumulated;
    uint8_t *complete;
    int32_t head, tracked;
    int64_t samples_in, real_frames, events_overflowed;
} tml_pl_wildlife;

#if !defined(TML_PL_STATIC) && !defined(TML_PL_TYPES_ONLY)

/* Common: the values are all finite (Swift's isFinite). */
TML_PL_API int tml_pl_all_finite(const float *values, int64_t count);
/* ClassifierStage's dequantisation of an int8 output: scores[c] = scale * (float)(q[c] - zero_point). */
TML_PL_API void tml_pl_dequantize_scores(const int8_t *q, int32_t count, float scale, int32_t zero_point, float *scores);

TML_PL_API void tml_pl_posterior_reset(tml_pl_posterior_smoother *s);
TML_PL_API int tml_pl_posterior_observe(tml_pl_posterior_smoother *s, const float *posteriors, tml_pl_firing *firing);

TML_PL_API void tml_pl_kws_init(tml_pl_kws *e);
TML_PL_API int tml_pl_kws_push(tml_pl_kws *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx);
TML_PL_API int tml_pl_kws_finish(tml_pl_kws *e, tml_event_fn on_event, void *ctx);

TML_PL_API void tml_pl_score_moments_add(tml_pl_score_moments *m, double s);
TML_PL_API double tml_pl_score_moments_standard_deviation(const tml_pl_score_moments *m);
TML_PL_API int tml_pl_threshold(const tml_pl_score_moments *scores, double k, double *threshold);
TML_PL_API int tml_pl_alarm_update(tml_pl_alarm *a, int over);

TML_PL_API void tml_pl_gaussian_init(tml_pl_gaussian *g);
TML_PL_API void tml_pl_gaussian_learn(tml_pl_gaussian *g, const float *x);
TML_PL_API double tml_pl_gaussian_score(const tml_pl_gaussian *g, const float *x);
TML_PL_API int tml_pl_autoencoder_score(tml_pl_autoencoder *a, const float *frame, double *score);

TML_PL_API void tml_pl_anomaly_init(tml_pl_anomaly *e);
TML_PL_API int tml_pl_anomaly_push(tml_pl_anomaly *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx);
TML_PL_API int tml_pl_anomaly_finish(tml_pl_anomaly *e, tml_event_fn on_event, void *ctx);

TML_PL_API float tml_pl_median_magnitude(const float *frames, int32_t stride, int32_t frame_count, const int32_t *axes,
                                         int32_t axis_count, float *scratch);
TML_PL_API void tml_pl_conditioner_reset(tml_pl_conditioner *c);
TML_PL_API int tml_pl_conditioner_push(tml_pl_conditioner *c, const float *input, tml_pl_emit_fn emit, void *owner);
TML_PL_API int tml_pl_conditioner_finish(tml_pl_conditioner *c, tml_pl_emit_fn emit, void *owner);
TML_PL_API int tml_pl_prediction_update(tml_pl_prediction_smoother *s, const float *probabilities, int32_t *class_index,
                                        float *confidence);
TML_PL_API void tml_pl_prediction_reset(tml_pl_prediction_smoother *s);

TML_PL_API void tml_pl_gesture_init(tml_pl_gesture *e);
TML_PL_API int tml_pl_gesture_push(tml_pl_gesture *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx);
TML_PL_API int tml_pl_gesture_finish(tml_pl_gesture *e, tml_event_fn on_event, void *ctx);

TML_PL_API void tml_pl_noise_floor_update(tml_pl_event_detector *d, const float *frame, float rise);
TML_PL_API void tml_pl_event_detector_reset(tml_pl_event_detector *d);
TML_PL_API tml_pl_change tml_pl_event_detector_process(tml_pl_event_detector *d, const float *frame);
TML_PL_API tml_pl_change tml_pl_event_detector_finish(tml_pl_event_detector *d);
TML_PL_API void tml_pl_frame_history_append(tml_pl_frame_history *h, const float *frame);
TML_PL_API void tml_pl_frame_history_copy(const tml_pl_frame_history *h, int64_t start, int32_t frames, float *out);
TML_PL_API float tml_pl_mean_score(const float *sums, int64_t windows, int32_t c);
TML_PL_API int32_t tml_pl_rank(const float *sums, int32_t class_count, int64_t windows, int32_t r);

TML_PL_API void tml_pl_wildlife_init(tml_pl_wildlife *e);
TML_PL_API int tml_pl_wildlife_push(tml_pl_wildlife *e, const float *samples, int64_t count, tml_event_fn on_event, void *ctx);
TML_PL_API int tml_pl_wildlife_finish(tml_pl_wildlife *e, tml_event_fn on_event, void *ctx);

#endif /* !TML_PL_STATIC && !TML_PL_TYPES_ONLY */

#endif /* TML_PL_H */
