/// Window-level detection quality of one group of anomalous windows against the normal windows:
/// ROC AUC (threshold-free) and the rates at the calibrated operating threshold.
///
/// - `detectionRate` = #{positives with score > threshold} / #positives (the alarm's per-window
///   true-positive rate; NaN when there are no positives);
/// - `falseAlarmRate` = #{negatives with score > threshold} / #negatives (NaN when none).
/// "Over" is strict (`>`), as in `AnomalyDetector`.
public struct DetectionMetrics: Sendable {
    public let name: String
    public let roc: ROCCurve
    public let threshold: Double
    public let detectionRate: Double
    public let falseAlarmRate: Double

    public init(name: String, negatives: [Double], positives: [Double], threshold: Double) {
        self.name = name
        self.threshold = threshold
        roc = ROCCurve(negatives: negatives, positives: positives)
        detectionRate = Self.rateOver(positives, threshold)
        falseAlarmRate = Self.rateOver(negatives, threshold)
    }

    public var auc: Double { roc.auc }
    public var negatives: Int { roc.negatives }
    public var positives: Int { roc.positives }

    /// Fraction of `scores` strictly over `threshold` (NaN for no scores).
    public static func rateOver(_ scores: [Double], _ threshold: Double) -> Double {
        scores.isEmpty ? .nan : Double(scores.lazy.filter { $0 > threshold }.count) / Double(scores.count)
    }
}
