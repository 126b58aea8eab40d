/// The mean of the classifier's probability vectors over the windows of one event or clip, and
/// its `k` best labels.
public struct ScoreAccumulator {
    public private(set) var sums: [Float]
    /// Windows added.
    public private(set) var windows = 0

    public init(classes: Int) { sums = [Float](repeating: 0, count: classes) }

    public mutating func add(_ probabilities: UnsafePointer<Float>) {
        for i in 0 ..< sums.count { sums[i] += probabilities[i] }
        windows += 1
    }

    /// Mean probability per class (zeros before any window).
    public var mean: [Float] { sums.map { windows > 0 ? $0 / Float(windows) : 0 } }

    /// The `k` classes with the highest mean, best first (ties: lower index first).
    public func top(_ k: Int) -> [(index: Int, score: Float)] {
        let m = mean
        return m.indices.sorted { m[$0] != m[$1] ? m[$0] > m[$1] : $0 < $1 }.prefix(k).map { ($0, m[$0]) }
    }
}
