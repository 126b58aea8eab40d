/* tml_pad_s8.c: PAD / PADV2 int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"

TML_NN_API void tml_pad_s8(const tml_pad_params *p, const int8_t *input, int8_t *output)
{
    const int32_t *o = p->output_extents;
    const int32_t *e = p->input_extents;
    const int32_t *b = p->before;
    int32_t i0, i1, i2, i3;
    for (i0 = 0; i0 < o[0]; ++i0) for (i1 = 0; i1 < o[1]; ++i1) for (i2 = 0; i2 < o[2]; ++i2) for (i3 = 0; i3 < o[3]; ++i3) {
        const int32_t j0 = i0 - b[0], j1 = i1 - b[1], j2 = i2 - b[2], j3 = i3 - b[3];
        if (j0 >= 0 && j0 < e[0] && j1 >= 0 && j1 < e[1] && j2 >= 0 && j2 < e[2] && j3 >= 0 && j3 < e[3]) {
            *output++ = input[((j0 * e[1] + j1) * e[2] + j2) * e[3] + j3];
        } else {
            *output++ = (int8_t)p->pad_value;
        }
    }
}
