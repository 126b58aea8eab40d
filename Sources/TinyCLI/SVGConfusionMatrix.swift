/// A confusion matrix as a self-contained SVG heat map: rows = true class, columns = predicted
/// class, each cell shaded by its share of the row (recall colouring) and labelled with its count;
/// a row total and recall column on the right. Embed with `SVGLinePlot.htmlPage`.
public struct SVGConfusionMatrix {
    public var title: String
    public var matrix: ConfusionMatrix
    public var cell = 34.0

    public init(title: String, matrix: ConfusionMatrix) {
        self.title = title
        self.matrix = matrix
    }

    public var svg: String {
        let labels = matrix.labels
        let k = Double(labels.count)
        let left = 8.0 + 7.0 * Double(labels.map(\.count).max() ?? 0), top = 40.0 + 7.0 * Double(labels.map(\.count).max() ?? 0)
        let width = left + k * cell + 90, height = top + k * cell + 40
        func f(_ v: Double) -> String { String(Double(Int((v * 10).rounded())) / 10) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(f(left + k * cell / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">\(SVGLinePlot.escape(title))</text>\n"
        for (i, label) in labels.enumerated() {
            let x = left + (Double(i) + 0.5) * cell
            s += "<text transform=\"translate(\(f(x + 4)) \(f(top - 6))) rotate(-60)\">\(SVGLinePlot.escape(label))</text>\n"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(top + (Double(i) + 0.5) * cell + 4))\" text-anchor=\"end\">\(SVGLinePlot.escape(label))</text>\n"
        }
        for t in labels.indices {
            let total = matrix.examples(of: t)
            for p in labels.indices {
                let c = matrix.counts[t][p]
                let share = total > 0 ? Double(c) / Double(total) : 0
                let shade = Int((255 * (1 - share)).rounded())
                let fill = t == p ? "rgb(\(shade),\(Int(128 + 127 * (1 - share))),\(shade))" : "rgb(255,\(shade),\(shade))"
                let x = left + Double(p) * cell, y = top + Double(t) * cell
                s += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"\(fill)\" stroke=\"#ccc\"/>"
                if c > 0 {
                    s += "<text x=\"\(f(x + cell / 2))\" y=\"\(f(y + cell / 2 + 4))\" text-anchor=\"middle\">\(c)</text>"
                }
                s += "\n"
            }
            let recall = matrix.recall(t)
            s += "<text x=\"\(f(left + k * cell + 8))\" y=\"\(f(top + (Double(t) + 0.5) * cell + 4))\">\(total) · "
                + (recall.isNaN ? "n/a" : "\(Int((100 * recall).rounded())) %") + "</text>\n"
        }
        s += "<text x=\"\(f(left + k * cell / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">predicted class (rows: true class; right: examples · recall)</text>\n"
        return s + "</svg>\n"
    }
}
