/* tml_pl_classifier.c: ClassifierStage's scores from an int8 model output,
       p[c] = s_out * (float)(o[c] - z_out)
   (the int32 difference converted exactly, one float multiplication). The quantisation of the input
   and the model run are the generated pipeline's (tml_fe_quantize_f32_s8, <model>_invoke). */
#include "tml_pl.h"

TML_PL_API void tml_pl_dequantize_scores(const int8_t *q, int32_t count, float scale, int32_t zero_point, float *scores)
{
    int32_t c;
    for (c = 0; c < count; ++c) scores[c] = scale * (float)((int32_t)q[c] - zero_point);
}
