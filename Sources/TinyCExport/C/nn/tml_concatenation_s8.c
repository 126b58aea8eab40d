/* tml_concatenation_s8.c: CONCATENATION int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"

TML_NN_API void tml_concatenation_s8(const tml_concatenation_params *p, const int8_t *const *inputs, int8_t *output)
{
    int32_t k, i, j;
    for (k = 0; k < p->outer; ++k) {
        for (i = 0; i < p->input_count; ++i) {
            const int32_t n = p->chunks[i];
            const int8_t *x = inputs[i] + k * n;
            for (j = 0; j < n; ++j) *output++ = x[j];
        }
    }
}
