/* tml_mean_s8.c: MEAN int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_mean_s8(const tml_mean_params *p, const int8_t *input, int8_t *output)
{
    const int32_t *e = p->extents;
    const int32_t *r = p->reduced;
    const int32_t offset = p->input_zero_point * p->reduced_count;
    int32_t out_count = 1;
    int32_t d, o, i0, i1, i2, i3;
    for (d = 0; d < 4; ++d) if (!r[d]) out_count *= e[d];
    for (o = 0; o < out_count; ++o) {
        int32_t rest = o;
        int32_t c[4] = {0, 0, 0, 0};
        int32_t lo[4], hi[4];
        int32_t sum = 0;
        for (d = 3; d >= 0; --d) {
            if (!r[d]) { c[d] = rest % e[d]; rest /= e[d]; }
            lo[d] = r[d] ? 0 : c[d];
            hi[d] = r[d] ? e[d] : c[d] + 1;
        }
        for (i0 = lo[0]; i0 < hi[0]; ++i0) for (i1 = lo[1]; i1 < hi[1]; ++i1)
        for (i2 = lo[2]; i2 < hi[2]; ++i2) for (i3 = lo[3]; i3 < hi[3]; ++i3) {
            sum += input[((i0 * e[1] + i1) * e[2] + i2) * e[3] + i3];
        }
        output[o] = (int8_t)tml_clamp(tml_mbqm(sum - offset, p->multiplier, p->shift) + p->output_zero_point, -128, 127);
    }
}
