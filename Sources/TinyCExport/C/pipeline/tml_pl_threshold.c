/* tml_pl_threshold.c: ThresholdCalibration, the alarm threshold from out-of-sample scores of normal
   windows: threshold = mean + k * sigma (double, sigma the unbiased standard deviation), defined
   once at least 3 scores (ThresholdCalibration.minimumWindows) were seen. */
#include "tml_pl.h"

/* Returns 1 and writes the threshold, or 0 while fewer than 3 scores were seen. */
TML_PL_API int tml_pl_threshold(const tml_pl_score_moments *scores, double k, double *threshold)
{
    if (scores->count < 3) return 0;
    *threshold = scores->mean + k * tml_pl_score_moments_standard_deviation(scores);
    return 1;
}
