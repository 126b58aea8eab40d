/* tml_pl_math.h: the scalar helpers of the pipeline stages, each as Swift computes it: Swift.max and
   Swift.min (which, unlike fmaxf/fminf, are plain comparisons: max(x, y) = y >= x ? y : x,
   min(x, y) = y < x ? y : x, so a NaN or a signed zero goes where the comparison sends it), the
   Float NaN Swift's `.nan` is (0x7fc00000), and sqrt from tml_fe_math.h (correctly rounded). */
#ifndef TML_PL_MATH_H
#define TML_PL_MATH_H

#include <stdint.h>
#include "tml_fe_math.h"

#if defined(__GNUC__) || defined(__clang__)
#define TML_PL_INTERNAL static __attribute__((unused))
#else
#define TML_PL_INTERNAL static
#endif

/* Swift.max(x, y) and Swift.min(x, y) on Float and Double, and on int64_t. */
TML_PL_INTERNAL float tml_pl_maxf(float x, float y) { return y >= x ? y : x; }
TML_PL_INTERNAL double tml_pl_max(double x, double y) { return y >= x ? y : x; }
TML_PL_INTERNAL int64_t tml_pl_max64(int64_t x, int64_t y) { return y >= x ? y : x; }
TML_PL_INTERNAL int64_t tml_pl_min64(int64_t x, int64_t y) { return y < x ? y : x; }

/* welfordStep: the count-th value v updates a running mean and sum of squared deviations,
   delta = v - mean; mean += delta / count; m2 += delta * (v - mean) (double). */
TML_PL_INTERNAL void tml_pl_welford_step(double v, int64_t count, double *mean, double *m2)
{
    const double delta = v - *mean;
    *mean += delta / (double)count;
    *m2 += delta * (v - *mean);
}

/* Float.nan. */
TML_PL_INTERNAL float tml_pl_nan(void) { return tml_fe_float_from_bits(0x7fc00000u); }

#endif /* TML_PL_MATH_H */
