/// Per-dimension running mean and variance of a stream of feature vectors (Welford's algorithm),
/// in O(dimension) memory whatever the stream length.
///
/// After `n` vectors x₁…xₙ, for every dimension `d`:
/// - `mean[d]` = (1/n) Σᵢ xᵢ[d]
/// - `m2[d]` = Σᵢ (xᵢ[d] − mean[d])², updated as `δ = x − mean; mean += δ/n; m2 += δ·(x − mean)`
///   (numerically stable; no catastrophic cancellation as with Σx² − n·mean²)
/// - `variance(d)` = m2[d] / (n − 1), the unbiased sample variance (0 while n < 2).
///
/// Accumulation is in `Double` so that hours of windows do not drift. `add` allocates nothing.
public struct FeatureMoments: Sendable, Equatable {
    public private(set) var count: Int = 0
    public private(set) var mean: [Double]
    public private(set) var m2: [Double]

    public init(dimension: Int) {
        precondition(dimension > 0, "FeatureMoments needs at least one dimension")
        mean = [Double](repeating: 0, count: dimension)
        m2 = [Double](repeating: 0, count: dimension)
    }

    /// Restores saved moments (a baseline file). `mean` and `m2` must have the same length.
    public init(count: Int, mean: [Double], m2: [Double]) {
        precondition(mean.count == m2.count && !mean.isEmpty && count >= 0)
        self.count = count
        self.mean = mean
        self.m2 = m2
    }

    public var dimension: Int { mean.count }

    /// Adds one vector of `dimension` values.
    public mutating func add(_ x: UnsafeBufferPointer<Float>) {
        precondition(x.count == mean.count, "FeatureMoments.add: wrong dimension")
        count += 1
        for d in 0 ..< mean.count { welfordStep(Double(x[d]), count: count, mean: &mean[d], m2: &m2[d]) }
    }

    public mutating func add(_ x: [Float]) { x.withUnsafeBufferPointer { add($0) } }

    /// Unbiased sample variance of dimension `d` (m2 / (n − 1)); 0 while fewer than two vectors.
    public func variance(_ d: Int) -> Double { count > 1 ? m2[d] / Double(count - 1) : 0 }
}

/// One Welford update of a running mean and sum of squared deviations with the `count`-th value:
/// `δ = v − mean; mean += δ / count; m2 += δ · (v − mean)`.
@inline(__always)
func welfordStep(_ v: Double, count: Int, mean: inout Double, m2: inout Double) {
    let delta = v - mean
    mean += delta / Double(count)
    m2 += delta * (v - mean)
}
