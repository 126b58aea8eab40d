/* tml_requantize_s8.c: QUANTIZE int8 -> int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_requantize_s8(const tml_requantize_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) {
        const int32_t v = tml_mbqm((int32_t)input[i] - p->input_zero_point, p->multiplier, p->shift) + p->output_zero_point;
        output[i] = (int8_t)tml_clamp(v, -128, 127);
    }
}
