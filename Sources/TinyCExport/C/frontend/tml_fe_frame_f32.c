/* tml_fe_frame_f32.c: a frame as the framer lends it, two runs of its sample ring (StreamingFramer
   withFrame): windowed into the FFT input (FrameProcessor.bands: out[i] = frame[i] * taper[i], the
   taper being window * gain), or joined into one buffer (for time-domain statistics). */
#include "tml_fe.h"

TML_FE_API void tml_fe_window_f32(const float *first, int32_t first_count, const float *second, const float *taper,
                                  float *out, int32_t length)
{
    int32_t i;
    for (i = 0; i < first_count; ++i) out[i] = first[i] * taper[i];
    for (; i < length; ++i) out[i] = second[i - first_count] * taper[i];
}

TML_FE_API void tml_fe_join_f32(const float *first, int32_t first_count, const float *second, float *out, int32_t length)
{
    int32_t i;
    for (i = 0; i < first_count; ++i) out[i] = first[i];
    for (; i < length; ++i) out[i] = second[i - first_count];
}
