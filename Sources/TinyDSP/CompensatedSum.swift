/// A `Float` running sum with Kahan's compensation: each `add` feeds the rounding error of the
/// previous one back in (`y = v − c`, `t = s + y`, `c = (t − s) − y`, `s = t`), so the error of a sum
/// of `n` terms is at most `2ε·Σ|vᵢ| + O(nε²)·Σ|vᵢ|` (`ε = 2⁻²⁴`), independent of `n` to first order,
/// instead of `(n − 1)ε·Σ|vᵢ|` for plain summation. Four single-precision operations per term, in a
/// fixed order (Swift neither reassociates nor contracts them), so every core gives the same bits.
public struct CompensatedSum: Sendable, Equatable {
    public private(set) var sum: Float = 0
    private var compensation: Float = 0

    public init() {}

    @inline(__always)
    public mutating func add(_ v: Float) {
        let y = v - compensation
        let t = sum + y
        compensation = (t - sum) - y
        sum = t
    }
}
