/* tml_binary_s8.c: ADD / MUL int8 with broadcasting; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_binary_s8(const tml_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    const int32_t *e = p->extents;
    const int32_t *s1 = p->strides1;
    const int32_t *s2 = p->strides2;
    int32_t i0, i1, i2, i3, i4, i5;
    for (i0 = 0; i0 < e[0]; ++i0) for (i1 = 0; i1 < e[1]; ++i1) for (i2 = 0; i2 < e[2]; ++i2)
    for (i3 = 0; i3 < e[3]; ++i3) for (i4 = 0; i4 < e[4]; ++i4) for (i5 = 0; i5 < e[5]; ++i5) {
        const int32_t x1 = (int32_t)input1[i0 * s1[0] + i1 * s1[1] + i2 * s1[2] + i3 * s1[3] + i4 * s1[4] + i5 * s1[5]] + p->offset1;
        const int32_t x2 = (int32_t)input2[i0 * s2[0] + i1 * s2[1] + i2 * s2[2] + i3 * s2[3] + i4 * s2[4] + i5 * s2[5]] + p->offset2;
        int32_t v;
        if (p->is_mul) {
            v = p->output_offset + tml_mbqm(x1 * x2, p->output_multiplier, p->output_shift);
        } else {
            const int32_t a = tml_mbqm(x1 * (1 << 20), p->multiplier1, p->shift1);
            const int32_t b = tml_mbqm(x2 * (1 << 20), p->multiplier2, p->shift2);
            v = tml_mbqm(a + b, p->output_multiplier, p->output_shift) + p->output_offset;
        }
        *output++ = (int8_t)tml_clamp(v, p->activation_min, p->activation_max);
    }
}
