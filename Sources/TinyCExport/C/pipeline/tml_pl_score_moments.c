/* tml_pl_score_moments.c: ScoreMoments, running statistics of scalar scores (Welford, double):
   mean = (1/n) sum s_i, standardDeviation = sqrt(m2 / (n - 1)) (0 while n < 2, sqrt correctly
   rounded), maximum = max_i s_i (Swift.max, -infinity while empty). */
#include "tml_pl.h"
#include "tml_pl_math.h"

TML_PL_API void tml_pl_score_moments_add(tml_pl_score_moments *m, double s)
{
    m->count += 1;
    tml_pl_welford_step(s, m->count, &m->mean, &m->m2);
    m->maximum = tml_pl_max(m->maximum, s);
}

TML_PL_API double tml_pl_score_moments_standard_deviation(const tml_pl_score_moments *m)
{
    return m->count > 1 ? tml_fe_sqrt(m->m2 / (double)(m->count - 1)) : 0.0;
}
