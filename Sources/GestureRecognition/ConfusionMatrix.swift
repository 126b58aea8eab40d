/// Counts of (true class, predicted class) pairs and the metrics read from them. Kept in one file
/// so it can give way to the suite's shared evaluation plumbing when that lands.
///
/// - accuracy = Σ_i C[i][i] / n (0 when n = 0);
/// - recall(i) = C[i][i] / Σ_j C[i][j] (nil when class i never occurs);
/// - precision(i) = C[i][i] / Σ_j C[j][i] (nil when class i is never predicted).
public struct ConfusionMatrix: Sendable, Equatable {
    public let labels: [String]
    /// `counts[truth][prediction]`.
    public private(set) var counts: [[Int]]

    public init(labels: [String]) {
        self.labels = labels
        counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    }

    public mutating func add(truth: Int, prediction: Int) {
        counts[truth][prediction] += 1
    }

    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    public var correct: Int { labels.indices.reduce(0) { $0 + counts[$1][$1] } }
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Instances of class `i`.
    public func support(_ i: Int) -> Int { counts[i].reduce(0, +) }

    public func recall(_ i: Int) -> Double? {
        let n = support(i)
        return n == 0 ? nil : Double(counts[i][i]) / Double(n)
    }

    public func precision(_ i: Int) -> Double? {
        let n = counts.reduce(0) { $0 + $1[i] }
        return n == 0 ? nil : Double(counts[i][i]) / Double(n)
    }
}
