/* tml_lookup_table_s8.c: LOGISTIC / TANH int8 by table; the exact math is in tml_nn.h. */
#include "tml_nn.h"

TML_NN_API void tml_lookup_table_s8(const tml_lookup_table_params *p, const int8_t *input, int8_t *output)
{
    int32_t i;
    for (i = 0; i < p->count; ++i) output[i] = p->table[(uint8_t)input[i]];
}
