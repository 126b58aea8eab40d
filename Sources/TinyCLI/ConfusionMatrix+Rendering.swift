import Foundation

extension ConfusionMatrix {
    /// Human lines: accuracy, a per-class table (precision, recall, F1, support) and the matrix
    /// (rows: true class, columns: predicted, in label order).
    public func lines() -> [String] {
        func pct(_ v: Double) -> String { v.isNaN ? "    -" : String(format: "%5.1f", 100 * v) }
        let width = max(8, (labels.map(\.count).max() ?? 0) + String(labels.count - 1).count + 1)
        func pad(_ s: String) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
        var out = [String(format: "accuracy %.2f %% (%d/%d)", 100 * accuracy, correct, total)]
        out.append("\(pad("class"))  prec%  rec%   F1%  support")
        for c in labels.indices {
            out.append("\(pad(labels[c]))  \(pct(precision(c))) \(pct(recall(c))) \(pct(f1(c)))  \(String(format: "%7d", support(c)))")
        }
        out.append("\(pad("macro"))  \(pct(macroPrecision)) \(pct(macroRecall)) \(pct(macroF1))  \(String(format: "%7d", total))")
        let cell = max(4, String(counts.flatMap { $0 }.max() ?? 0).count + 1)
        func col(_ s: String) -> String { String(repeating: " ", count: max(0, cell - s.count)) + s }
        out.append("confusion (rows: true, columns: predicted \(labels.indices.map { "\($0)=\(labels[$0])" }.joined(separator: " ")))")
        out.append(pad("") + labels.indices.map { col(String($0)) }.joined())
        for t in labels.indices {
            out.append(pad("\(t) \(labels[t])") + counts[t].map { col(String($0)) }.joined())
        }
        return out
    }

    /// The members of a JSON result object: `"accuracy", "n", "correct", "macro_precision",
    /// "macro_recall", "macro_f1", "per_class": [{label, precision, recall, f1, support}], "labels",
    /// "confusion"` (NaN metrics print as null).
    public var jsonFields: [(String, JSONValue)] {
        [
            ("accuracy", .number(accuracy)), ("n", .int(total)), ("correct", .int(correct)),
            ("macro_precision", .number(macroPrecision)), ("macro_recall", .number(macroRecall)), ("macro_f1", .number(macroF1)),
            ("per_class", .array(labels.indices.map { c in
                .object([("label", .string(labels[c])), ("precision", .number(precision(c))), ("recall", .number(recall(c))),
                         ("f1", .number(f1(c))), ("support", .int(support(c)))])
            })),
            ("labels", .array(labels.map { .string($0) })),
            ("confusion", .array(counts.map { .array($0.map { .int($0) }) })),
        ]
    }

    /// The matrix as an SVG heat map: cell shade = the row's share (recall per true class), the
    /// count printed in each non-empty cell, per-class recall at the right of each row.
    public func svg(title: String) -> String {
        let n = labels.count
        let cell = 34.0, left = 110.0, top = 120.0, right = 70.0, bottom = 30.0
        let width = left + cell * Double(n) + right, height = top + cell * Double(n) + bottom
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let esc = SVGLinePlot.escape
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" font-family=\"sans-serif\" font-size=\"11\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(f(width / 2))\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">\(esc(title))</text>\n"
        s += "<text x=\"\(f(left + cell * Double(n) / 2))\" y=\"36\" text-anchor=\"middle\">predicted</text>\n"
        s += "<text transform=\"translate(14 \(f(top + cell * Double(n) / 2))) rotate(-90)\" text-anchor=\"middle\">true</text>\n"
        for c in 0 ..< n {
            let x = left + cell * (Double(c) + 0.5)
            s += "<text transform=\"translate(\(f(x + 4)) \(f(top - 6))) rotate(-60)\">\(esc(labels[c]))</text>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(top + cell * (Double(c) + 0.5) + 4))\" text-anchor=\"end\">\(esc(labels[c]))</text>\n"
        }
        for t in 0 ..< n {
            let rowTotal = max(1, support(t))
            for p in 0 ..< n {
                let share = Double(counts[t][p]) / Double(rowTotal)
                let shade = Int((255 * (1 - share)).rounded())
                let fill = t == p ? "rgb(\(shade),\(Int(128 + 127 * (1 - share))),\(shade))" : "rgb(255,\(shade),\(shade))"
                let x = left + cell * Double(p), y = top + cell * Double(t)
                s += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"\(fill)\" stroke=\"#ccc\"/>"
                if counts[t][p] > 0 {
                    s += "<text x=\"\(f(x + cell / 2))\" y=\"\(f(y + cell / 2 + 4))\" text-anchor=\"middle\" fill=\"\(share > 0.6 ? "white" : "black")\">\(counts[t][p])</text>"
                }
            }
            let r = recall(t)
            s += "<text x=\"\(f(left + cell * Double(n) + 6))\" y=\"\(f(top + cell * (Double(t) + 0.5) + 4))\">\(r.isNaN ? "-" : String(format: "%.0f %%", 100 * r))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// An HTML page with `summary` lines, the text rendering and the SVG heat map.
    public func htmlReport(title: String, summary: [String]) -> String {
        SVGLinePlot.htmlPage(title: title, lines: summary + lines(), figures: [svg(title: title)])
    }
}
