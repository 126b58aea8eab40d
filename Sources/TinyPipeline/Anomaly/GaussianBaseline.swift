/// "Normal" as an independent Gaussian per feature (diagonal covariance), learned on the device
/// from `FeatureMoments`, scoring a feature vector by its mean squared z-score:
///
///     score(x) = (1/D) Σ_d (x[d] − μ[d])² / max(σ²[d], floor)
///
/// where μ and σ² are the running mean and unbiased variance of the learned vectors and `floor` is
/// `varianceFloor` (absolute, in squared feature units), which keeps constant dimensions (digital
/// silence, a dead band) from dividing by zero. For normal data the score is about 1 (for Gaussian
/// features it is χ²_D / D: mean 1, standard deviation √(2/D)); a fault that shifts band energies
/// by several standard deviations scores in the tens to hundreds.
///
/// `score` allocates nothing: the inverse variances are computed once, when the baseline is frozen
/// or updated (`refresh()`).
public struct GaussianBaseline: Sendable {
    public private(set) var moments: FeatureMoments
    public let varianceFloor: Double
    private var mean: [Float]
    private var inverseVariance: [Float]

    public init(dimension: Int, varianceFloor: Double) {
        self.init(moments: FeatureMoments(dimension: dimension), varianceFloor: varianceFloor)
    }

    /// A baseline from saved or already accumulated moments.
    public init(moments: FeatureMoments, varianceFloor: Double) {
        precondition(varianceFloor > 0, "GaussianBaseline: the variance floor must be positive")
        self.moments = moments
        self.varianceFloor = varianceFloor
        mean = [Float](repeating: 0, count: moments.dimension)
        inverseVariance = [Float](repeating: 0, count: moments.dimension)
        refresh()
    }

    public var dimension: Int { moments.dimension }
    /// Vectors learned so far.
    public var count: Int { moments.count }

    /// Learns one more normal vector. Call `refresh()` before scoring with the updated statistics.
    public mutating func learn(_ x: UnsafeBufferPointer<Float>) { moments.add(x) }
    public mutating func learn(_ x: [Float]) { moments.add(x) }

    /// Recomputes the scoring constants from the moments (O(D)).
    public mutating func refresh() {
        for d in 0 ..< moments.dimension {
            mean[d] = Float(moments.mean[d])
            inverseVariance[d] = Float(1 / Swift.max(moments.variance(d), varianceFloor))
        }
    }

    /// Mean squared z-score of `x` (see the type's documentation). Needs `count ≥ 2`.
    public func score(_ x: UnsafeBufferPointer<Float>) -> Double {
        precondition(x.count == mean.count, "GaussianBaseline.score: wrong dimension")
        var sum: Float = 0
        for d in 0 ..< mean.count {
            let z = x[d] - mean[d]
            sum += z * z * inverseVariance[d]
        }
        return Double(sum) / Double(mean.count)
    }

    public func score(_ x: [Float]) -> Double { x.withUnsafeBufferPointer { score($0) } }
}
