/* tml_pl_samples.c: the engines' input check (KeywordEngine.push and the others): a chunk is used
   only when every value is finite (Float.isFinite: the exponent bits not all ones). */
#include "tml_pl.h"
#include "tml_pl_math.h"

TML_PL_API int tml_pl_all_finite(const float *values, int64_t count)
{
    int64_t i;
    for (i = 0; i < count; ++i) {
        if (!tml_fe_is_finite(values[i])) return 0;
    }
    return 1;
}
