/* tml_copy.c: byte copy (RESHAPE and the model's inputs and outputs); the exact math is in tml_nn.h. */
#include "tml_nn.h"

TML_NN_API void tml_copy(const void *source, void *destination, int32_t bytes)
{
    const unsigned char *s = (const unsigned char *)source;
    unsigned char *d = (unsigned char *)destination;
    int32_t i;
    for (i = 0; i < bytes; ++i) d[i] = s[i];
}
