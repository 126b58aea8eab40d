/// A confusion matrix over `labels` and the metrics every classification evaluation reports
/// (`tinyml eval kws|gesture|wildlife`): `counts[t][p]` = items of true class `t` predicted as `p`.
///
/// - accuracy = Σ counts[c][c] / n;
/// - precision(c) = counts[c][c] / Σ_t counts[t][c] (NaN when nothing was predicted as c);
/// - recall(c) = counts[c][c] / Σ_p counts[c][p] (NaN when c has no items);
/// - F1(c) = 2·P·R / (P + R) (NaN if either is NaN, 0 when P + R = 0);
/// - macro averages skip NaN entries.
/// Text, JSON and SVG renderings live beside it (`lines()`, `jsonFields`, `svg(title:)`, `htmlReport`).
public struct ConfusionMatrix: Sendable, Equatable {
    public let labels: [String]
    public private(set) var counts: [[Int]]

    public init(labels: [String]) {
        self.labels = labels
        counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
    }

    /// Counts `truth[i]` → `predicted[i]` pairs (class indices into `labels`).
    public init(labels: [String], truth: [Int], predicted: [Int]) {
        precondition(truth.count == predicted.count, "truth and predictions differ in length")
        self.init(labels: labels)
        for (t, p) in zip(truth, predicted) { add(truth: t, predicted: p) }
    }

    public mutating func add(truth: Int, predicted: Int) {
        precondition(labels.indices.contains(truth) && labels.indices.contains(predicted), "class index out of range")
        counts[truth][predicted] += 1
    }

    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    public var correct: Int { labels.indices.reduce(0) { $0 + counts[$1][$1] } }
    public var accuracy: Double { total == 0 ? .nan : Double(correct) / Double(total) }

    /// Items whose true class is `c`.
    public func support(_ c: Int) -> Int { counts[c].reduce(0, +) }
    /// Items predicted as `c`.
    public func predictedCount(_ c: Int) -> Int { counts.reduce(0) { $0 + $1[c] } }

    public func precision(_ c: Int) -> Double {
        let n = predictedCount(c)
        return n == 0 ? .nan : Double(counts[c][c]) / Double(n)
    }

    public func recall(_ c: Int) -> Double {
        let n = support(c)
        return n == 0 ? .nan : Double(counts[c][c]) / Double(n)
    }

    public func f1(_ c: Int) -> Double {
        let p = precision(c), r = recall(c)
        if p.isNaN || r.isNaN { return .nan }
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public var macroPrecision: Double { Self.mean(labels.indices.map(precision)) }
    public var macroRecall: Double { Self.mean(labels.indices.map(recall)) }
    public var macroF1: Double { Self.mean(labels.indices.map(f1)) }

    static func mean(_ values: [Double]) -> Double {
        let finite = values.filter { !$0.isNaN }
        return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
    }
}
