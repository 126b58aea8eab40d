/* tml_dequantize_s8_f32.c: DEQUANTIZE int8 -> float32; the exact math is in tml_nn.h. */
#include "tml_nn.h"

TML_NN_API void tml_dequantize_s8_f32(const tml_dequantize_params *p, const int8_t *input, float *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) output[i] = (float)(p->scale * (double)((int32_t)input[i] - p->zero_point));
}
