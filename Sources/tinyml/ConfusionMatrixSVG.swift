import GestureRecognition

/// A confusion matrix as a standalone SVG picture: one square per (truth, prediction) cell, shaded
/// by the row's share (count / row total), with the count written in it. Kept in one file so it
/// can give way to the suite's shared report plumbing when that lands.
enum ConfusionMatrixSVG {
    static func render(_ cm: ConfusionMatrix, title: String) -> String {
        let n = cm.labels.count
        let cell = 56, margin = 110, top = 60
        let size = margin + n * cell + 20
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(size)\" height=\"\(top + n * cell + 40)\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<text x=\"10\" y=\"20\" font-size=\"14\">\(escape(title))</text>\n"
        s += "<text x=\"\(margin)\" y=\"\(top - 28)\">prediction →</text>\n"
        for j in 0 ..< n {
            s += "<text x=\"\(margin + j * cell + cell / 2)\" y=\"\(top - 8)\" text-anchor=\"middle\">\(escape(cm.labels[j]))</text>\n"
        }
        for i in 0 ..< n {
            let rowTotal = max(cm.support(i), 1)
            s += "<text x=\"\(margin - 8)\" y=\"\(top + i * cell + cell / 2 + 4)\" text-anchor=\"end\">\(escape(cm.labels[i]))</text>\n"
            for j in 0 ..< n {
                let share = Double(cm.counts[i][j]) / Double(rowTotal)
                let shade = Int(255 - 200 * share)
                let fill = "rgb(\(shade),\(shade),255)"
                let x = margin + j * cell, y = top + i * cell
                s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"\(fill)\"/>\n"
                s += "<text x=\"\(x + cell / 2)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\">\(cm.counts[i][j])</text>\n"
            }
        }
        s += "<text x=\"10\" y=\"\(top + n * cell + 25)\">rows: truth; shade: share of the row</text>\n"
        return s + "</svg>\n"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
