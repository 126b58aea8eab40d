/* tml_quantize_f32_s8.c: QUANTIZE float32 -> int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_quantize_f32_s8(const tml_quantize_params *p, const float *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        float v = input[i] / p->scale;
        if (v != v) v = 0.0f;
        output[i] = (int8_t)tml_clamp(tml_round_clamped(v) + p->zero_point, -128, 127);
    }
}
