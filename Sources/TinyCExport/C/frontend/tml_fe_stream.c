/* tml_fe_stream.c: StreamingFrontEnd, samples in (any chunk sizes), model inputs out, each frame
   computed once and reused by every overlapping input window, with the Swift stream's parts:
   StreamingFramer (frame t holds samples [t hop, t hop + frame_length) of a ring), SlidingWindowPeak
   (the maximum sample since a window's first block of hop samples, NaNs skipped) and WindowFinisher
   (a deferred window's frames scaled, logged, clamped and transformed; a frame already finished at
   the same scale bits is reused). Input w starts at frame w * input_stride and is ready once
   window_samples samples from its start were appended; a frame no later input covers is framed
   past but not computed unless every frame is. Frame f lives in slot f mod ring_frames. */
#include "tml_fe.h"
#include "tml_fe_math.h"

static int32_t tml_fe_slot(int64_t frame, int32_t ring_frames)
{
    return (int32_t)(frame % ring_frames);
}

static int32_t tml_fe_next_slot(int32_t slot, int32_t ring_frames)
{
    return slot + 1 == ring_frames ? 0 : slot + 1;
}

TML_FE_API void tml_fe_stream_reset(tml_fe_stream *s)
{
    const tml_fe_stream_config *c = s->config;
    int32_t i;
    s->write_index = s->filled = s->skip = 0;
    s->completed_blocks = 0;
    s->current_maximum = tml_fe_float_from_bits(0xff800000u);      /* -infinity */
    s->current_count = 0;
    s->window_start_frame = s->frame_count = s->samples_consumed = 0;
    s->input_ready = 0;
    if (c->deferred) {
        for (i = 0; i < c->ring_frames; ++i) s->finished_frame[i] = -1;
    }
    if (c->reset) c->reset();
}

/* SlidingWindowPeak.observe: block maxima of hop samples; the block being filled keeps a running
   maximum (x > m: NaNs never win). */
static void tml_fe_observe_peak(tml_fe_stream *s, const float *x, int32_t n)
{
    const tml_fe_stream_config *c = s->config;
    int32_t i = 0;
    while (i < n) {
        const int32_t take = c->hop - s->current_count < n - i ? c->hop - s->current_count : n - i;
        float m = s->current_maximum;
        int32_t j;
        for (j = 0; j < take; ++j) if (x[i + j] > m) m = x[i + j];
        s->current_maximum = m;
        s->current_count += take;
        i += take;
        if (s->current_count == c->hop) {
            s->block_maxima[tml_fe_slot(s->completed_blocks, c->peak_blocks)] = s->current_maximum;
            s->completed_blocks += 1;
            s->current_maximum = tml_fe_float_from_bits(0xff800000u);
            s->current_count = 0;
        }
    }
}

/* SlidingWindowPeak.peak(sinceBlock:): the maximum of the blocks from `first` and the block being
   filled; -infinity when nothing was seen. */
static float tml_fe_peak_since(const tml_fe_stream *s, int64_t first)
{
    const tml_fe_stream_config *c = s->config;
    float m = s->current_count > 0 ? s->current_maximum : tml_fe_float_from_bits(0xff800000u);
    int64_t b = first > 0 ? first : 0;
    int32_t slot = tml_fe_slot(b, c->peak_blocks);
    for (; b < s->completed_blocks; ++b) {
        const float v = s->block_maxima[slot];
        if (v > m) m = v;
        slot = tml_fe_next_slot(slot, c->peak_blocks);
    }
    return m;
}

/* StreamingFramer.append: consumes samples up to the completion of the next frame (skipping the
   samples between frames when hop > frame_length); returns how many. */
static int32_t tml_fe_frame_samples(tml_fe_stream *s, const float *x, int32_t count)
{
    const int32_t length = s->config->frame_length;
    int32_t consumed = s->skip < count ? s->skip : count, n, first, i;
    s->skip -= consumed;
    n = length - s->filled < count - consumed ? length - s->filled : count - consumed;
    if (n > 0) {
        first = n < length - s->write_index ? n : length - s->write_index;
        for (i = 0; i < first; ++i) s->samples[s->write_index + i] = x[consumed + i];
        for (; i < n; ++i) s->samples[i - first] = x[consumed + i];
        s->write_index = (s->write_index + n) % length;
        s->filled += n;
        consumed += n;
    }
    return consumed;
}

/* Whether frame f must be computed: always when every frame is, else when it lies in the current or
   a later input's window. */
static int32_t tml_fe_covered(const tml_fe_stream *s, int64_t f)
{
    const tml_fe_stream_config *c = s->config;
    const int64_t d = f - s->window_start_frame;
    return c->computes_every_frame || (d >= 0 && d % c->input_stride < c->frames_per_window);
}

/* The waiting frame into its slot: linear bands (deferred), or finished on arrival. */
static void tml_fe_compute_frame(tml_fe_stream *s)
{
    const tml_fe_stream_config *c = s->config;
    const int32_t width = c->deferred ? c->band_width : c->coefficient_count;
    float *slot = s->frames + tml_fe_slot(s->frame_count, c->ring_frames) * width;
    const float *first = s->samples + s->write_index;
    const int32_t first_count = c->frame_length - s->write_index;
    int32_t i;
    if (c->deferred) {
        c->bands(first, first_count, s->samples, slot);
        return;
    }
    c->bands(first, first_count, s->samples, s->scratch);
    if (c->compress) c->compress(s->scratch, c->band_width);
    if (c->transform) c->transform(s->scratch, slot);
    else for (i = 0; i < c->band_width; ++i) slot[i] = s->scratch[i];
}

TML_FE_API int32_t tml_fe_stream_append(tml_fe_stream *s, const float *samples, int32_t count)
{
    const tml_fe_stream_config *c = s->config;
    const int64_t window_end = s->window_start_frame * c->hop + c->window_samples;
    int32_t total, consumed = 0;
    if (s->input_ready || count <= 0) return 0;
    total = window_end - s->samples_consumed < count ? (int32_t)(window_end - s->samples_consumed) : count;
    if (c->tracks_peak) tml_fe_observe_peak(s, samples, total);
    while (consumed < total) {
        const int32_t n = tml_fe_frame_samples(s, samples + consumed, total - consumed);
        consumed += n;
        s->samples_consumed += n;
        if (s->filled == c->frame_length) {
            const int32_t drop = c->hop < c->frame_length ? c->hop : c->frame_length;
            if (tml_fe_covered(s, s->frame_count)) tml_fe_compute_frame(s);
            s->filled -= drop;                                  /* StreamingFramer.dropFrame */
            s->skip = c->hop - drop;
            s->frame_count += 1;
        }
    }
    if (s->samples_consumed >= window_end) s->input_ready = 1;
    return consumed;
}

TML_FE_API int32_t tml_fe_stream_has_input(const tml_fe_stream *s)
{
    return s->input_ready;
}

/* WindowFinisher.finish: frames first ... first + frames_per_window - 1 finished at `scale` into
   `finished`, from their bands. */
static void tml_fe_finish_window(tml_fe_stream *s, float scale)
{
    const tml_fe_stream_config *c = s->config;
    const int32_t bw = c->band_width, cc = c->coefficient_count;
    const uint32_t scale_bits = tml_fe_float_bits(scale);
    int32_t pending = 0, q, i, slot = tml_fe_slot(s->window_start_frame, c->ring_frames);
    int64_t f;
    for (f = s->window_start_frame; f < s->window_start_frame + c->frames_per_window; ++f) {
        const float *bands = s->frames + slot * bw;
        float *out = s->compressed + pending * bw;
        if (!(c->reuses && s->finished_frame[slot] == f && s->finished_scale[slot] == scale_bits)) {
            if (scale == 1.0f) {
                for (i = 0; i < bw; ++i) out[i] = bands[i];
            } else {
                for (i = 0; i < bw; ++i) out[i] = bands[i] * scale;
            }
            s->pending[pending++] = f;
        }
        slot = tml_fe_next_slot(slot, c->ring_frames);
    }
    if (c->compress) c->compress(s->compressed, pending * bw);
    if (c->clamps_top_db) tml_fe_top_db_f32(s->compressed, pending * bw, c->top_db);
    for (q = 0; q < pending; ++q) {
        const int32_t done = tml_fe_slot(s->pending[q], c->ring_frames);
        float *out = s->finished + done * cc;
        if (c->transform) c->transform(s->compressed + q * bw, out);
        else for (i = 0; i < bw; ++i) out[i] = s->compressed[q * bw + i];
        s->finished_frame[done] = s->pending[q];
        s->finished_scale[done] = scale_bits;
    }
}

TML_FE_API void tml_fe_stream_take_input(tml_fe_stream *s, float *out)
{
    const tml_fe_stream_config *c = s->config;
    const int32_t cc = c->coefficient_count, row_width = cc * c->stack;
    const float *finished = s->frames;
    int32_t r, k, i, slot;
    if (!s->input_ready) return;
    if (c->deferred) {
        float scale = 1.0f;
        if (c->tracks_peak) {
            const float p = tml_fe_peak_since(s, s->window_start_frame);
            if (p != 0 && tml_fe_is_finite(p)) {
                const float g = 1.0f / p;                       /* SpectrumKind.scale(forInputGain:) */
                scale = c->power_spectrum ? g * g : tml_fe_float_from_bits(tml_fe_float_bits(g) & 0x7fffffffu);
            }
        }
        tml_fe_finish_window(s, scale);
        finished = s->finished;
    }
    slot = tml_fe_slot(s->window_start_frame, c->ring_frames);
    for (r = 0; r < c->frames_per_input; ++r) {                 /* row r: frames first + r + k, k < stack */
        int32_t f = slot;
        for (k = 0; k < c->stack; ++k) {
            for (i = 0; i < cc; ++i) out[r * row_width + k * cc + i] = finished[f * cc + i];
            f = tml_fe_next_slot(f, c->ring_frames);
        }
        slot = tml_fe_next_slot(slot, c->ring_frames);
    }
    s->input_ready = 0;
    s->window_start_frame += c->input_stride;
}
