/// Running mean, unbiased standard deviation and maximum of a stream of scalar scores (Welford),
/// in constant memory. Used to calibrate the alarm threshold from normal scores.
///
/// `mean` = (1/n) Σ sᵢ; `standardDeviation` = √(Σ (sᵢ − mean)² / (n − 1)) (0 while n < 2);
/// `maximum` = maxᵢ sᵢ (−∞ while empty).
public struct ScoreMoments: Sendable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    public private(set) var m2: Double = 0
    public private(set) var maximum: Double = -.infinity

    public init() {}

    public mutating func add(_ s: Double) {
        count += 1
        welfordStep(s, count: count, mean: &mean, m2: &m2)
        maximum = Swift.max(maximum, s)
    }

    public var standardDeviation: Double { count > 1 ? (m2 / Double(count - 1)).squareRoot() : 0 }
}
