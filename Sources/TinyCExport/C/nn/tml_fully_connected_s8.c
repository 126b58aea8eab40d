/* tml_fully_connected_s8.c: FULLY_CONNECTED int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_fully_connected_s8(const tml_fully_connected_params *p, const int8_t *input, int8_t *output)
{
    const tml_weights *q = &p->q;
    const int32_t depth = p->accum_depth;
    const int32_t whole = p->output_depth - p->output_depth % 4;
    int32_t b, o, j;
    for (b = 0; b < p->batches; ++b) {
        const int8_t *x = input + b * depth;
        const int8_t *w = q->weights;
        for (o = 0; o < whole; o += 4, w += 4 * depth) {
            int32_t acc[4];
            for (j = 0; j < 4; ++j) acc[j] = q->folded_bias[o + j];
            tml_dot_4x1(w, depth, x, depth, acc);
            for (j = 0; j < 4; ++j) {
                *output++ = (int8_t)tml_clamp(tml_mbqm_single(acc[j], q->multipliers[o + j], q->shifts[o + j])
                                              + q->output_offset, q->activation_min, q->activation_max);
            }
        }
        for (; o < p->output_depth; ++o, w += depth) {
            const int32_t acc = q->folded_bias[o] + tml_dot(w, x, depth);
            *output++ = (int8_t)tml_clamp(tml_mbqm_single(acc, q->multipliers[o], q->shifts[o]) + q->output_offset,
                                          q->activation_min, q->activation_max);
        }
    }
}
