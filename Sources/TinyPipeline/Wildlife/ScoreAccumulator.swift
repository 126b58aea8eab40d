/// The mean of the classifier's probability vectors over the windows of one event or clip, and
/// its `k` best labels (ties: lower index first). `add`, `reset`, `meanScore` and `rank` allocate
/// nothing.
public struct ScoreAccumulator {
    public private(set) var sums: [Float]
    /// Windows added.
    public private(set) var windows = 0

    public init(classes: Int) { sums = [Float](repeating: 0, count: classes) }

    public mutating func add(_ probabilities: UnsafePointer<Float>) {
        for i in 0 ..< sums.count { sums[i] += probabilities[i] }
        windows += 1
    }

    /// Forgets every window.
    public mutating func reset() {
        for i in 0 ..< sums.count { sums[i] = 0 }
        windows = 0
    }

    /// Mean probability of class `c` (0 before any window).
    public func meanScore(_ c: Int) -> Float { windows > 0 ? sums[c] / Float(windows) : 0 }

    /// Mean probability per class (zeros before any window).
    public var mean: [Float] { sums.indices.map { meanScore($0) } }

    /// The class of rank `r` (0 = best): the highest mean, ties to the lower index, after the
    /// `r` classes of better rank. O(r · classes), no allocation.
    public func rank(_ r: Int) -> Int {
        var previous = -1
        var previousScore = Float.infinity
        for _ in 0 ... r {
            var best = -1
            var bestScore = -Float.infinity
            for c in sums.indices {
                let m = meanScore(c)
                let after = m < previousScore || (m == previousScore && c > previous)
                if after && (best < 0 || m > bestScore) {
                    best = c
                    bestScore = m
                }
            }
            previous = best
            previousScore = bestScore
        }
        return previous
    }

    /// The `k` classes with the highest mean, best first (ties: lower index first).
    public func top(_ k: Int) -> [(index: Int, score: Float)] {
        (0 ..< min(k, sums.count)).map { r in let c = rank(r); return (c, meanScore(c)) }
    }
}
