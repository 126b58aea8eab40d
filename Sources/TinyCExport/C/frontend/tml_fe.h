/* tml_fe.h: the feature front end of TinyMLSuite's C export (C99, <stdint.h> and <float.h> only:
   no libm, no libc, no dynamic allocation): TinyDSP's StreamingFrontEnd<PortableRealFFT> in C, bit
   for bit. Every table (window, FFT twiddles and bit reversal, mel weights, DCT matrix, band edges,
   log constants) is computed by the Swift code at export time and passed in as const data; the
   run-time arithmetic is the Swift code's, operation for operation, in the same precision (float
   where Swift uses Float, double where it uses Double).

   Requirements: IEEE 754 float and double, evaluated in their own precision (FLT_EVAL_METHOD 0,
   checked below), round to nearest, and no fused multiply-add: compile with -ffp-contract=off
   (the default of GCC's ISO C modes, not of its GNU modes) and without -ffast-math.

   Naming: tml_fe_<stage>_f32 on float data; the Swift type each function follows is named in its
   comment. Linkage as tml_nn.h: external functions, one concept per .c file; a generated front end
   defines TML_FE_STATIC and pastes the files it uses into its own .c (static; the prototypes are
   left out; an unused function of a pasted file costs nothing and draws no warning). */
#ifndef TML_FE_H
#define TML_FE_H

#include <float.h>
#include <stdint.h>

#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD != 0
#error "tml_fe needs float and double arithmetic evaluated in their own precision (FLT_EVAL_METHOD 0)"
#endif

#ifdef TML_FE_STATIC
#if defined(__GNUC__) || defined(__clang__)
#define TML_FE_API static __attribute__((unused))
#else
#define TML_FE_API static
#endif
#else
#define TML_FE_API
#endif

/* PortableRealFFT of `size` = 2m real samples: bit_reversed[m], twiddle_cos/sin[max(1, m/2)] =
   cos/sin(-2 pi j / m), split_cos/sin[m/2 + 1] = cos/sin(-2 pi k / size), each rounded once from
   Double to float. */
typedef struct {
    int32_t size;
    const uint16_t *bit_reversed;
    const float *twiddle_cos, *twiddle_sin, *split_cos, *split_sin;
} tml_fe_rfft;

/* MelFilterbank, sparse: band b sums lengths[b] weights from bin start_bins[b]; the weights of the
   bands are stored back to back. */
typedef struct {
    int32_t band_count;
    const int32_t *start_bins, *lengths;
    const float *weights;
} tml_fe_mel;

/* LogCompression without its top-dB clamp: v = floor(v) (add: v + epsilon, clamp: max(v, epsilon)),
   v = ln v (PortableMath.naturalLog), then, when `scaled`, v = factor * v - offset (factor = the
   base's multiplier on ln, offset = factor * ln(floor(reference)), both rounded to float). */
typedef struct {
    int32_t clamps;
    float epsilon;
    int32_t scaled;
    float factor, offset;
} tml_fe_log;

/* DiscreteCosineTransform: out[k] = sum_i matrix[k * input_count + i] * in[i], k < output_count. */
typedef struct {
    int32_t input_count, output_count;
    const float *matrix;
} tml_fe_dct;

/* SignalMoments of one frame: the sums' results and the power-of-two unit of the scaled moments. */
typedef struct {
    float mean, mean_square, minimum, maximum;
    float scaled_m2, scaled_m3, scaled_m4, unit;
} tml_fe_moments;

/* Int8Quantizer: q = clamp(round(v / scale) + zero_point, minimum, maximum). */
enum { TML_FE_HALF_TO_EVEN = 0, TML_FE_HALF_AWAY_FROM_ZERO = 1, TML_FE_HALF_UP = 2 };
typedef struct {
    float scale;
    int32_t zero_point, rounding, minimum, maximum;
} tml_fe_quantizer;

/* The stream (StreamingFrontEnd, StreamingFramer, SlidingWindowPeak, WindowFinisher): the geometry,
   what is deferred, and the per-frame work as functions of the generated front end:
     bands(first, first_count, second, out): one frame, lent as two runs of the sample ring
       (first_count samples, then frame_length - first_count), to band_width values (FrameProcessor
       step 1: window, FFT, spectrum, mel / bins / statistics);
     compress(values, count): the log stage in place (NULL: none);
     transform(in, out): the DCT of one compressed frame to coefficient_count values (NULL: a copy
       of band_width values);
     reset: forgets what a frame carries to the next (spectral flux), or NULL.
   Frames are finished on arrival, unless `deferred` (peak normalisation or a top-dB clamp): then
   the bands are kept and each input window is finished at its scale, reusing a frame finished at
   the same scale (`reuses`; not with a top-dB clamp). */
typedef struct {
    int32_t frame_length, hop, window_samples, frames_per_input, stack, frames_per_window;
    int32_t band_width, coefficient_count, ring_frames, peak_blocks, input_stride;
    int32_t deferred, tracks_peak, power_spectrum, reuses, computes_every_frame, clamps_top_db;
    float top_db;
    void (*bands)(const float *first, int32_t first_count, const float *second, float *out);
    void (*compress)(float *values, int32_t count);
    void (*transform)(const float *in, float *out);
    void (*reset)(void);
} tml_fe_stream_config;

/* A stream's buffers (sized by the generated front end's macros; unused ones may be NULL) and its
   counters. */
typedef struct {
    const tml_fe_stream_config *config;
    float *samples;          /* frame_length: the framer's ring */
    float *frames;           /* ring_frames x (deferred ? band_width : coefficient_count) */
    float *scratch;          /* band_width (frames finished on arrival) */
    float *block_maxima;     /* peak_blocks (peak normalisation) */
    float *compressed;       /* frames_per_window x band_width (deferred) */
    int64_t *pending;        /* frames_per_window (deferred) */
    float *finished;         /* ring_frames x coefficient_count (deferred) */
    int64_t *finished_frame; /* ring_frames (deferred) */
    uint32_t *finished_scale;/* ring_frames (deferred) */
    int32_t write_index, filled, skip, current_count, input_ready;
    float current_maximum;
    int64_t completed_blocks, window_start_frame, frame_count, samples_consumed;
} tml_fe_stream;

#ifndef TML_FE_STATIC

/* PortableRealFFT.forward: spectrum[2k], spectrum[2k + 1] = Re, Im X[k], k = 0 ... size/2 (size + 2
   floats, the numpy.fft.rfft convention). `work` holds size floats. */
TML_FE_API void tml_fe_rfft_f32(const tml_fe_rfft *p, const float *input, float *spectrum, float *work);

/* FrameProcessor windowing: out[i] = frame[i] * taper[i], i < length, the frame as two runs (first
   first_count samples, then the rest from `second`). */
TML_FE_API void tml_fe_window_f32(const float *first, int32_t first_count, const float *second, const float *taper,
                                  float *out, int32_t length);
/* The frame's two runs joined into `out` (length samples). */
TML_FE_API void tml_fe_join_f32(const float *first, int32_t first_count, const float *second, float *out, int32_t length);

/* SpectrumKind.compute from interleaved complex bins z: power out[k] = re^2 + im^2, magnitude
   out[k] = sqrt(re^2 + im^2) (correctly rounded). */
TML_FE_API void tml_fe_power_spectrum_f32(const float *z, float *out, int32_t count);
TML_FE_API void tml_fe_magnitude_spectrum_f32(const float *z, float *out, int32_t count);

/* MelFilterbank.apply: out[b] = sum_j weights[offset_b + j] * spectrum[start_bins[b] + j] (float, in
   ascending j). */
TML_FE_API void tml_fe_mel_f32(const tml_fe_mel *p, const float *spectrum, float *out);

/* LogCompression.apply on `count` values in place (see tml_fe_log), and its clampDynamicRange:
   values below max(values) - top_db become max(values) - top_db. */
TML_FE_API void tml_fe_log_f32(const tml_fe_log *p, float *values, int32_t count);
TML_FE_API void tml_fe_top_db_f32(float *values, int32_t count, float top_db);

/* DiscreteCosineTransform.apply: each row as four interleaved float sums s_l over i = l mod 4 (the
   last input_count mod 4 terms into s_0), out[k] = (s_0 + s_1) + (s_2 + s_3). */
TML_FE_API void tml_fe_dct_f32(const tml_fe_dct *p, const float *in, float *out);

/* SignalMoments of v_i = x[i] * gain, i < count (float, compensated sums; see tml_fe_moments.c),
   and the FrameStatistic values made of them. */
TML_FE_API void tml_fe_moments_f32(const float *x, int32_t count, float gain, tml_fe_moments *m);
TML_FE_API float tml_fe_moments_rms(const tml_fe_moments *m);
TML_FE_API float tml_fe_moments_standard_deviation(const tml_fe_moments *m);
TML_FE_API float tml_fe_moments_peak(const tml_fe_moments *m);
TML_FE_API float tml_fe_moments_crest_factor(const tml_fe_moments *m);
TML_FE_API float tml_fe_moments_kurtosis(const tml_fe_moments *m);
TML_FE_API float tml_fe_moments_skewness(const tml_fe_moments *m);

/* SpectralStatistics of s[0 ... count - 1], bin k at k * bin_hertz Hz (sums in double). */
TML_FE_API double tml_fe_spectral_centroid(const float *s, int32_t count, double bin_hertz);
TML_FE_API double tml_fe_spectral_spread(const float *s, int32_t count, double bin_hertz);
TML_FE_API double tml_fe_spectral_flatness(const float *s, int32_t count);
TML_FE_API double tml_fe_spectral_rolloff(const float *s, int32_t count, double bin_hertz, double fraction);
TML_FE_API double tml_fe_spectral_flux(const float *s, const float *previous, int32_t count);
/* SpectralStatistics.logBandEnergies: out[b] = sum of s[k], first[b] <= k < end[b] (float, ascending
   k), then tml_fe_log_f32 (natural log, unscaled) over the band_count values. */
TML_FE_API void tml_fe_log_band_energies_f32(const float *s, const int32_t *first, const int32_t *end, int32_t band_count,
                                             const tml_fe_log *log, float *out);

/* Int8Quantizer.quantize of `count` floats. */
TML_FE_API void tml_fe_quantize_f32_s8(const tml_fe_quantizer *q, const float *in, int8_t *out, int32_t count);

/* StreamingFrontEnd: `reset` starts a stream; `append` consumes samples until the next input is
   ready or `count` are used, returning how many (0 while an input waits); `has_input`;
   `take_input` writes frames_per_input x (coefficient_count x stack) floats and moves to the next
   window, input_stride frames on. The numbers do not depend on how the samples were chunked. */
TML_FE_API void tml_fe_stream_reset(tml_fe_stream *s);
TML_FE_API int32_t tml_fe_stream_append(tml_fe_stream *s, const float *samples, int32_t count);
TML_FE_API int32_t tml_fe_stream_has_input(const tml_fe_stream *s);
TML_FE_API void tml_fe_stream_take_input(tml_fe_stream *s, float *out);

#endif /* TML_FE_STATIC */

#endif /* TML_FE_H */
