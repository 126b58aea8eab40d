/* tml_pl_conditioner.c: SensorConditioner with AccelerationUnit's detection. Each input frame x
   becomes y[c] = x[c] * gains[c] for every channel, then y[a] = y[a] * gPerUnit for the
   accelerometer channels. With the unit to detect, the first detection_frames frames are held; the
   unit is the first of g, milli-g, m/s2 whose gravity window holds the median |a|:
   low <= m * gPerUnit <= high, with |a| = sqrtf(sum over the axes of a^2) (float, axis order,
   correctly rounded) and the median of the sorted magnitudes (even counts: (a + b) / 2 of the two
   middle ones); the held frames are then released in order. finish decides on the frames held. */
#include "tml_pl.h"
#include "tml_pl_math.h"

/* AccelerationUnit.medianMagnitude; `scratch` holds frame_count floats (sorted in place). */
TML_PL_API float tml_pl_median_magnitude(const float *frames, int32_t stride, int32_t frame_count, const int32_t *axes,
                                         int32_t axis_count, float *scratch)
{
    int32_t t, k, mid = frame_count / 2;
    for (t = 0; t < frame_count; ++t) {
        float sum = 0.0f;
        for (k = 0; k < axis_count; ++k) {
            const float v = frames[t * stride + axes[k]];
            sum += v * v;
        }
        scratch[t] = tml_fe_sqrtf(sum);
    }
    for (t = 1; t < frame_count; ++t) {                     /* insertion sort, ascending */
        const float v = scratch[t];
        for (k = t; k > 0 && v < scratch[k - 1]; --k) scratch[k] = scratch[k - 1];
        scratch[k] = v;
    }
    return frame_count % 2 == 1 ? scratch[mid] : (scratch[mid - 1] + scratch[mid]) / 2.0f;
}

/* Starts a stream: the configured unit, or detection again. */
TML_PL_API void tml_pl_conditioner_reset(tml_pl_conditioner *c)
{
    c->unit = c->config->unit;
    c->held_count = 0;
}

static void tml_pl_conditioner_convert(tml_pl_conditioner *c, const float *input, tml_pl_emit_fn emit, void *owner)
{
    const tml_pl_conditioner_config *p = c->config;
    const float g = p->g_per_unit[c->unit - 1];
    int32_t k;
    for (k = 0; k < p->channel_count; ++k) c->frame[k] = input[k] * p->gains[k];
    for (k = 0; k < p->accelerometer_count; ++k) c->frame[p->accelerometer_channels[k]] *= g;
    emit(owner, c->frame);
}

static int tml_pl_conditioner_release(tml_pl_conditioner *c, tml_pl_emit_fn emit, void *owner)
{
    const tml_pl_conditioner_config *p = c->config;
    const int32_t n = c->held_count;
    const float median = tml_pl_median_magnitude(c->held, p->channel_count, n, p->accelerometer_channels,
                                                 p->accelerometer_count, c->scratch);
    int32_t unit, t;
    for (unit = 1; unit <= 3; ++unit) {
        const float g = median * p->g_per_unit[unit - 1];
        if (p->gravity_low <= g && g <= p->gravity_high) break;
    }
    if (unit > 3) return TML_ERROR_UNIT;
    c->unit = unit;
    for (t = 0; t < n; ++t) tml_pl_conditioner_convert(c, c->held + t * p->channel_count, emit, owner);
    c->held_count = 0;
    return TML_OK;
}

/* One input frame; conditioned frames go to `emit` (none while the unit is detected). */
TML_PL_API int tml_pl_conditioner_push(tml_pl_conditioner *c, const float *input, tml_pl_emit_fn emit, void *owner)
{
    const tml_pl_conditioner_config *p = c->config;
    int32_t k;
    if (c->unit == TML_PL_UNIT_DETECT) {
        for (k = 0; k < p->channel_count; ++k) c->held[c->held_count * p->channel_count + k] = input[k];
        c->held_count += 1;
        return c->held_count == p->detection_frames ? tml_pl_conditioner_release(c, emit, owner) : TML_OK;
    }
    tml_pl_conditioner_convert(c, input, emit, owner);
    return TML_OK;
}

TML_PL_API int tml_pl_conditioner_finish(tml_pl_conditioner *c, tml_pl_emit_fn emit, void *owner)
{
    if (c->unit == TML_PL_UNIT_DETECT && c->held_count > 0) return tml_pl_conditioner_release(c, emit, owner);
    return TML_OK;
}
