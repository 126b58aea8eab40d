/// Classification results over labelled examples, for `tinyml eval` of any classifier pipeline:
/// counts `counts[truth][predicted]` of top-1 decisions, plus top-k hits.
///
/// - accuracy = trace / n; top-k accuracy = examples whose truth is among the k best / n;
/// - per class `c`: recall = `counts[c][c] / Σ_p counts[c][p]` (NaN without examples),
///   precision = `counts[c][c] / Σ_t counts[t][c]` (NaN when never predicted).
public struct ConfusionMatrix: Sendable {
    public let labels: [String]
    public private(set) var counts: [[Int]]
    /// Examples whose truth was among the `k` best, for `k = 1 … ranks`.
    public private(set) var hitsWithin: [Int]
    public private(set) var n = 0

    /// `ranks`: the largest k reported by `topKAccuracy`.
    public init(labels: [String], ranks: Int = 3) {
        self.labels = labels
        counts = Array(repeating: Array(repeating: 0, count: labels.count), count: labels.count)
        hitsWithin = Array(repeating: 0, count: max(1, ranks))
    }

    /// Adds one example: its true class and the classes ranked best first (at least one).
    public mutating func add(truth: Int, ranked: [Int]) {
        precondition(!ranked.isEmpty && labels.indices.contains(truth))
        counts[truth][ranked[0]] += 1
        if let rank = ranked.prefix(hitsWithin.count).firstIndex(of: truth) {
            for k in rank ..< hitsWithin.count { hitsWithin[k] += 1 }
        }
        n += 1
    }

    public var accuracy: Double { topKAccuracy(1) }

    /// Fraction of examples whose truth is among the `k` best (`1 ≤ k ≤ ranks`); NaN when empty.
    public func topKAccuracy(_ k: Int) -> Double {
        n > 0 ? Double(hitsWithin[k - 1]) / Double(n) : .nan
    }

    public func examples(of c: Int) -> Int { counts[c].reduce(0, +) }

    public func recall(_ c: Int) -> Double {
        let total = examples(of: c)
        return total > 0 ? Double(counts[c][c]) / Double(total) : .nan
    }

    public func precision(_ c: Int) -> Double {
        let predicted = counts.reduce(0) { $0 + $1[c] }
        return predicted > 0 ? Double(counts[c][c]) / Double(predicted) : .nan
    }

    /// The matrix as text: one row per true class, columns = predicted classes (label initials
    /// would collide, so columns are numbered and a legend row names them).
    public var textRows: [String] {
        let width = max(3, String(counts.joined().max() ?? 0).count + 1)
        let name = (labels.map(\.count).max() ?? 0) + 4
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        var rows = [pad("true \\ predicted", name) + labels.indices.map { pad(String($0), width) }.joined()]
        for (t, row) in counts.enumerated() {
            rows.append(pad("\(t) \(labels[t])", name) + row.map { pad($0 == 0 ? "." : String($0), width) }.joined())
        }
        return rows
    }
}
