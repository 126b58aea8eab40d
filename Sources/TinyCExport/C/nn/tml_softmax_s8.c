/* tml_softmax_s8.c: SOFTMAX int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_softmax_s8(const tml_softmax_params *p, const int8_t *input, int8_t *output)
{
    int32_t r, c;
    for (r = 0; r < p->rows; ++r) {
        const int8_t *x = input + r * p->depth;
        int8_t *y = output + r * p->depth;
        int32_t max_value = -128;
        const float *t;
        float sum = 0.0f;
        float inverse;
        for (c = 0; c < p->depth; ++c) if (x[c] > max_value) max_value = x[c];
        t = p->table + (255 - max_value);
        for (c = 0; c < p->depth; ++c) sum += t[x[c]];
        inverse = 1.0f / (sum * p->output_scale);
        for (c = 0; c < p->depth; ++c) {
            const float scaled = t[x[c]] * inverse;
            y[c] = (int8_t)tml_clamp(tml_round_clamped(scaled) + p->output_zero_point, -128, 127);
        }
    }
}
