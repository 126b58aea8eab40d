/* tml_fe_log_f32.c: LogCompression in place: the floor (v + epsilon, or max(v, epsilon) as
   `v > epsilon ? v : epsilon`), PortableMath.naturalLog in float, then factor * v - offset when the
   base or the reference asks for it; and clampDynamicRange, librosa's top_db over a whole window. */
#include "tml_fe.h"
#include "tml_fe_math.h"

TML_FE_API void tml_fe_log_f32(const tml_fe_log *p, float *values, int32_t count)
{
    int32_t i;
    if (p->clamps) {
        for (i = 0; i < count; ++i) values[i] = values[i] > p->epsilon ? values[i] : p->epsilon;
    } else {
        for (i = 0; i < count; ++i) values[i] += p->epsilon;
    }
    for (i = 0; i < count; ++i) values[i] = tml_fe_lnf(values[i]);
    if (p->scaled) {
        for (i = 0; i < count; ++i) values[i] = p->factor * values[i] - p->offset;
    }
}

TML_FE_API void tml_fe_top_db_f32(float *values, int32_t count, float top_db)
{
    float peak, lowest;
    int32_t i;
    if (count <= 0) return;
    peak = values[0];
    for (i = 1; i < count; ++i) if (values[i] > peak) peak = values[i];
    lowest = peak - top_db;
    for (i = 0; i < count; ++i) if (values[i] < lowest) values[i] = lowest;
}
