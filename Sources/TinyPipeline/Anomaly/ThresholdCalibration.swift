/// The alarm threshold, calibrated from anomaly scores of normal windows that the scorer did not
/// learn from (out-of-sample), by the rule
///
///     threshold = mean + k · σ
///
/// over the calibration scores (σ the unbiased standard deviation). With k = 4 and scores near
/// χ²_D/D this sits well above the normal spread (the CWRU `val` normal windows stay under it) and
/// far below fault scores (tens to hundreds). At least `minimumWindows` calibration scores are
/// needed; fewer is an error, because σ from one or two scores means nothing.
public struct ThresholdCalibration: Sendable, Equatable {
    public static let minimumWindows = 3

    public let k: Double
    public private(set) var scores = ScoreMoments()

    public init(k: Double) {
        precondition(k.isFinite && k >= 0, "ThresholdCalibration: k must be finite and non-negative")
        self.k = k
    }

    public mutating func add(_ score: Double) { scores.add(score) }

    /// The calibrated threshold, or nil while fewer than `minimumWindows` scores were seen.
    public var threshold: Double? {
        scores.count >= Self.minimumWindows ? scores.mean + k * scores.standardDeviation : nil
    }
}
