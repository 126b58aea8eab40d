/// A small self-contained SVG line chart (for ROC curves and similar): one or more named series of
/// (x, y) points drawn as polylines over fixed axis ranges, with a grid, tick labels at every
/// quarter, axis titles and a legend. Points outside the ranges are clamped to the frame. Text is
/// XML-escaped. Embed the result in HTML (`htmlPage`) or write it as a `.svg` file.
public struct SVGLinePlot {
    public struct Series {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// A CSS colour.
        public var color: String
        public var dashed: Bool

        public init(name: String, points: [(x: Double, y: Double)], color: String, dashed: Bool = false) {
            self.name = name
            self.points = points
            self.color = color
            self.dashed = dashed
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var xRange: ClosedRange<Double> = 0 ... 1
    public var yRange: ClosedRange<Double> = 0 ... 1
    public var series: [Series] = []
    public var width = 520.0
    public var height = 460.0

    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// A distinct colour for series `i` (cycles through ten).
    public static func color(_ i: Int) -> String {
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"][i % 10]
    }

    public var svg: String {
        let left = 60.0, right = 170.0, top = 36.0, bottom = 50.0
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ x: Double) -> Double {
            left + plotW * (min(max(x, xRange.lowerBound), xRange.upperBound) - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        }
        func py(_ y: Double) -> Double {
            top + plotH * (1 - (min(max(y, yRange.lowerBound), yRange.upperBound) - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound))
        }
        func f(_ v: Double) -> String { String(Double(Int((v * 10).rounded())) / 10) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">\(Self.escape(title))</text>\n"
        for i in 0 ... 4 {
            let q = Double(i) / 4
            let x = xRange.lowerBound + q * (xRange.upperBound - xRange.lowerBound)
            let y = yRange.lowerBound + q * (yRange.upperBound - yRange.lowerBound)
            s += "<line x1=\"\(f(px(x)))\" y1=\"\(f(top))\" x2=\"\(f(px(x)))\" y2=\"\(f(top + plotH))\" stroke=\"#ddd\"/>"
            s += "<line x1=\"\(f(left))\" y1=\"\(f(py(y)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(y)))\" stroke=\"#ddd\"/>\n"
            s += "<text x=\"\(f(px(x)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\">\(Self.tick(x))</text>"
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(py(y) + 4))\" text-anchor=\"end\">\(Self.tick(y))</text>\n"
        }
        s += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"black\"/>\n"
        s += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
        s += "<text transform=\"translate(16 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(yLabel))</text>\n"
        for (i, series) in self.series.enumerated() {
            let points = series.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            let dash = series.dashed ? " stroke-dasharray=\"5,4\"" : ""
            s += "<polyline fill=\"none\" stroke=\"\(series.color)\" stroke-width=\"1.8\"\(dash) points=\"\(points)\"/>\n"
            let ly = top + 8 + Double(i) * 18
            s += "<line x1=\"\(f(left + plotW + 12))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW + 32))\" y2=\"\(f(ly))\" stroke=\"\(series.color)\" stroke-width=\"2\"\(dash)/>"
            s += "<text x=\"\(f(left + plotW + 38))\" y=\"\(f(ly + 4))\">\(Self.escape(series.name))</text>\n"
        }
        return s + "</svg>\n"
    }

    static func tick(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(Double(Int((v * 100).rounded())) / 100)
    }

    /// `&`, `<`, `>`, `"` escaped for XML text and attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A minimal HTML page: a title, preformatted summary lines and the given SVG figures.
    public static func htmlPage(title: String, lines: [String], figures: [String]) -> String {
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(escape(title))</title></head>\n<body>\n"
            + "<h1>\(escape(title))</h1>\n<pre>\(lines.map(escape).joined(separator: "\n"))</pre>\n"
            + figures.joined(separator: "\n") + "</body></html>\n"
    }
}
