/* tml_pl_gaussian.c: GaussianBaseline over FeatureMoments, as BaselineScorer runs it on the device.
   Learning (FeatureMoments.add, then refresh): n += 1 and per dimension d a Welford step in double
   on (double)x[d]; then mean_f[d] = (float)mean[d] and inverse_variance[d] =
   (float)(1 / max(var_d, floor)) with var_d = m2[d] / (n - 1) (0 while n < 2) and Swift.max.
   Score (float sum in dimension order, then double):
       score(x) = (double)(sum_d ((x[d] - mean_f[d])^2) * inverse_variance[d]) / (double)D. */
#include "tml_pl.h"
#include "tml_pl_math.h"

static void tml_pl_gaussian_refresh(tml_pl_gaussian *g)
{
    int32_t d;
    for (d = 0; d < g->dimension; ++d) {
        const double variance = g->count > 1 ? g->m2[d] / (double)(g->count - 1) : 0.0;
        g->mean[d] = (float)g->moment_mean[d];
        g->inverse_variance[d] = (float)(1.0 / tml_pl_max(variance, g->variance_floor));
    }
}

/* An empty baseline (GaussianBaseline(dimension:varianceFloor:)): zero moments, refreshed. */
TML_PL_API void tml_pl_gaussian_init(tml_pl_gaussian *g)
{
    int32_t d;
    g->count = 0;
    for (d = 0; d < g->dimension; ++d) {
        g->moment_mean[d] = 0.0;
        g->m2[d] = 0.0;
    }
    tml_pl_gaussian_refresh(g);
}

TML_PL_API void tml_pl_gaussian_learn(tml_pl_gaussian *g, const float *x)
{
    int32_t d;
    g->count += 1;
    for (d = 0; d < g->dimension; ++d) tml_pl_welford_step((double)x[d], g->count, &g->moment_mean[d], &g->m2[d]);
    tml_pl_gaussian_refresh(g);
}

TML_PL_API double tml_pl_gaussian_score(const tml_pl_gaussian *g, const float *x)
{
    float sum = 0.0f;
    int32_t d;
    for (d = 0; d < g->dimension; ++d) {
        const float z = x[d] - g->mean[d];
        sum += z * z * g->inverse_variance[d];
    }
    return (double)sum / (double)g->dimension;
}
