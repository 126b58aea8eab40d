/// The receiver operating characteristic of a score that should be higher for positives
/// (anomalies) than for negatives (normal), and the area under it.
///
/// Points are (false-positive rate, true-positive rate) at every distinct score used as the
/// threshold "score ≥ t → positive", from (0, 0) (t above every score) to (1, 1). Tied scores move
/// both rates at once, so the curve takes a diagonal step there. The area by the trapezoid rule
/// equals the Mann–Whitney statistic
///
///     AUC = P(s₊ > s₋) + ½ · P(s₊ = s₋)
///
/// over all positive/negative pairs: 1 means every anomaly scores above every normal window,
/// 0.5 means chance. NaN scores are not allowed (precondition); either class empty gives AUC NaN.
public struct ROCCurve: Sendable {
    public struct Point: Sendable, Equatable {
        public let falsePositiveRate: Double
        public let truePositiveRate: Double
        /// The threshold t at which this point is reached (score ≥ t counts as positive).
        public let threshold: Double
    }

    public let points: [Point]
    public let auc: Double
    public let negatives: Int
    public let positives: Int

    public init(negatives: [Double], positives: [Double]) {
        precondition(!negatives.contains(where: \.isNaN) && !positives.contains(where: \.isNaN),
                     "ROCCurve: NaN scores")
        self.negatives = negatives.count
        self.positives = positives.count
        guard !negatives.isEmpty, !positives.isEmpty else {
            points = []
            auc = .nan
            return
        }
        var labelled = negatives.map { ($0, false) } + positives.map { ($0, true) }
        labelled.sort { $0.0 > $1.0 }
        let n = Double(negatives.count), p = Double(positives.count)
        var fp = 0.0, tp = 0.0, area = 0.0
        var curve = [Point(falsePositiveRate: 0, truePositiveRate: 0, threshold: .infinity)]
        var i = 0
        while i < labelled.count {
            let t = labelled[i].0
            let fp0 = fp, tp0 = tp
            while i < labelled.count, labelled[i].0 == t {
                if labelled[i].1 { tp += 1 } else { fp += 1 }
                i += 1
            }
            area += (fp - fp0) * (tp + tp0) / 2
            curve.append(Point(falsePositiveRate: fp / n, truePositiveRate: tp / p, threshold: t))
        }
        points = curve
        auc = area / (n * p)
    }
}
