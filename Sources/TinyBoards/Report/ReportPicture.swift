import Foundation

/// An SVG picture of deployment reports (one row per deployment: flash, RAM and real-time load as
/// bars on a 0-150 % scale of what is available, with a tick at 100 %; red past 100 %, a dashed
/// end where items are not measured), the estimated energy per inference, average power and
/// battery life as text beside them, and an HTML page wrapping it with the text report.
public enum ReportPicture {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    public static func svg(_ reports: [DeploymentReport]) -> String {
        let rowHeight = 64, labelWidth = 260, barWidth = 220, gap = 24
        let columns = ["flash", "RAM", "inference / stride"]
        let energyX = labelWidth + columns.count * (barWidth + gap), energyWidth = 300
        let width = energyX + energyWidth
        let height = 40 + reports.count * rowHeight + 20
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        for (c, title) in columns.enumerated() {
            let x = labelWidth + c * (barWidth + gap)
            s += "<text x=\"\(x)\" y=\"24\" font-weight=\"bold\">\(escape(title)) (tick = 100 %)</text>\n"
        }
        s += "<text x=\"\(energyX)\" y=\"24\" font-weight=\"bold\">energy (estimate)</text>\n"
        for (i, r) in reports.enumerated() {
            let y = 40 + i * rowHeight
            let colour = r.verdict == .fits ? "#1a7f37" : r.verdict == .doesNotFit ? "#cf222e" : "#9a6700"
            s += "<text x=\"10\" y=\"\(y + 22)\" font-weight=\"bold\">\(escape(r.pipeline))</text>\n"
            s += "<text x=\"10\" y=\"\(y + 40)\">\(escape(r.boardTitle))</text>\n"
            s += "<text x=\"10\" y=\"\(y + 56)\" fill=\"\(colour)\">\(escape(r.verdict.rawValue))</text>\n"
            let fractions: [(Double?, Bool, String)] = [
                (Double(r.flash.used) / Double(max(r.flash.available, 1)), r.flash.isComplete,
                 "\(ReportText.grouped(r.flash.used)) / \(ReportText.grouped(r.flash.available)) B"),
                (Double(r.ram.used) / Double(max(r.ram.available, 1)), r.ram.isComplete,
                 "\(ReportText.grouped(r.ram.used)) / \(ReportText.grouped(r.ram.available)) B"),
                (r.load, r.latency != nil, r.latency.map { ReportText.milliseconds($0.seconds) + " / " + ReportText.milliseconds(r.strideSeconds) }
                    ?? "not measured"),
            ]
            for (c, (fraction, complete, label)) in fractions.enumerated() {
                let x = labelWidth + c * (barWidth + gap)
                s += "<rect x=\"\(x)\" y=\"\(y + 10)\" width=\"\(barWidth)\" height=\"18\" fill=\"#eaeef2\" stroke=\"#8c959f\"/>\n"
                if let f = fraction {
                    // The background spans 150 %; the tick marks 100 %.
                    let w = Int((min(max(f, 0), 1.5) / 1.5 * Double(barWidth)).rounded())
                    let fill = f > 1 ? "#cf222e" : "#2da44e"
                    s += "<rect x=\"\(x)\" y=\"\(y + 10)\" width=\"\(w)\" height=\"18\" fill=\"\(fill)\"/>\n"
                    if !complete {
                        s += "<line x1=\"\(x + w)\" y1=\"\(y + 8)\" x2=\"\(x + w)\" y2=\"\(y + 30)\" stroke=\"#9a6700\" stroke-dasharray=\"3,2\" stroke-width=\"2\"/>\n"
                    }
                }
                let tick = x + barWidth * 2 / 3
                s += "<line x1=\"\(tick)\" y1=\"\(y + 6)\" x2=\"\(tick)\" y2=\"\(y + 32)\" stroke=\"black\"/>\n"
                s += "<text x=\"\(x)\" y=\"\(y + 44)\">\(escape(label + (complete ? "" : " + ?")))</text>\n"
            }
            for (k, line) in energyText(r).enumerated() {
                s += "<text x=\"\(energyX)\" y=\"\(y + 22 + 16 * k)\">\(escape(line))</text>\n"
            }
        }
        return s + "</svg>\n"
    }

    /// The energy column of a row: µJ per inference, average power, battery life (or why unknown).
    static func energyText(_ r: DeploymentReport) -> [String] {
        guard let e = r.energy else { return [] }
        guard let inference = e.perInference else { return ["unknown: " + (e.unknown.first ?? "no figures")] }
        var lines = ["\(ReportText.joules(inference.nominal)) per inference"]
        if let average = e.averageWatts, let life = e.batterySeconds {
            lines.append("average \(ReportText.watts(average.nominal))")
            lines.append("\(e.battery.name): \(ReportText.duration(life.nominal))")
        } else {
            lines.append("average power unknown")
        }
        return lines
    }

    public static func html(_ reports: [DeploymentReport]) -> String {
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>tinyml report</title></head><body>\n"
            + "<h1>Deployment report</h1>\n" + svg(reports)
            + "<pre>\n" + escape(ReportText.summary(reports)) + "\n\n"
            + escape(reports.map(ReportText.detail).joined(separator: "\n\n")) + "\n</pre>\n</body></html>\n"
    }
}
