/* tml_pl_score_accumulator.c: ScoreAccumulator's reading of summed probabilities: the mean of class
   c, sums[c] / (float)windows (0 before any window), and the class of rank r (0 = best): the highest
   mean after the r better-ranked classes, where a class comes after (previous, previous score) when
   m < previous score, or m == previous score and c > previous; the first such class with the largest
   mean wins (strictly greater replaces). */
#include "tml_pl.h"
#include "tml_pl_math.h"

TML_PL_API float tml_pl_mean_score(const float *sums, int64_t windows, int32_t c)
{
    return windows > 0 ? sums[c] / (float)windows : 0.0f;
}

TML_PL_API int32_t tml_pl_rank(const float *sums, int32_t class_count, int64_t windows, int32_t r)
{
    int32_t previous = -1, i, c;
    float previous_score = tml_fe_float_from_bits(0x7f800000u);   /* +infinity */
    for (i = 0; i <= r; ++i) {
        int32_t best = -1;
        float best_score = tml_fe_float_from_bits(0xff800000u);    /* -infinity */
        for (c = 0; c < class_count; ++c) {
            const float m = tml_pl_mean_score(sums, windows, c);
            const int after = m < previous_score || (m == previous_score && c > previous);
            if (after && (best < 0 || m > best_score)) {
                best = c;
                best_score = m;
            }
        }
        previous = best;
        previous_score = best_score;
    }
    return previous;
}
