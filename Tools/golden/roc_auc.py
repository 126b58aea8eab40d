"""Golden ROC AUC values for Tests/MotorAnomalyTests/ROCCurveTests.swift.

AUC = U / (n_neg * n_pos) with U the Mann-Whitney statistic of scipy.stats.mannwhitneyu (ties
counted one half). Scores are rounded to one decimal so that many cases have ties.

Run: /work/main/.venv/bin/python Tools/golden/roc_auc.py > Tests/MotorAnomalyTests/Fixtures/roc_auc_cases.csv
Each output line: case,auc,negatives(;-separated),positives(;-separated)
"""
import numpy as np
from scipy.stats import mannwhitneyu

rng = np.random.default_rng(20240611)
print("case,auc,negatives,positives")
for case, (n_neg, n_pos, shift) in enumerate([(5, 7, 0.0), (40, 30, 0.5), (100, 100, 1.5), (13, 50, -0.7), (60, 9, 3.0)]):
    neg = np.round(rng.normal(0, 1, n_neg), 1)
    pos = np.round(rng.normal(shift, 1, n_pos), 1)
    u = mannwhitneyu(pos, neg, alternative="two-sided").statistic
    auc = u / (n_neg * n_pos)
    print(f"{case},{auc:.12f},{';'.join(f'{v:.1f}' for v in neg)},{';'.join(f'{v:.1f}' for v in pos)}")
