import Foundation

/// Human-readable report: a detailed block per deployment and a one-row-per-deployment summary.
public enum ReportText {
    /// `1234567` -> `1,234,567`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func percent(_ x: Double) -> String { String(format: x < 0.1 ? "%.2f %%" : "%.1f %%", x * 100) }

    static func milliseconds(_ s: Double) -> String {
        let ms = s * 1e3
        return String(format: ms < 1 ? "%.3f ms" : ms < 100 ? "%.2f ms" : "%.1f ms", ms)
    }

    static func verdictLabel(_ v: DeploymentReport.Verdict) -> String {
        switch v {
        case .fits: return "FITS"
        case .doesNotFit: return "DOES NOT FIT"
        case .incomplete: return "INCOMPLETE (measurements missing)"
        }
    }

    static func budget(_ name: String, _ b: DeploymentReport.Budget, extra: String = "") -> [String] {
        var line = "  \(name.padding(toLength: 8, withPad: " ", startingAt: 0))\(grouped(b.used)) B"
            + (b.isComplete ? "" : " + not measured") + " of \(grouped(b.available)) B"
        if b.reserved > 0 { line += " (\(grouped(b.capacity)) B less \(grouped(b.reserved)) B reserved)" }
        line += b.available > 0 ? " (\(percent(Double(b.used) / Double(b.available))))" : ""
        line += b.headroom >= 0 ? ", headroom \(grouped(b.headroom)) B" + (b.isComplete ? "" : " before the missing items")
            : ", SHORT by \(b.isComplete ? "" : "at least ")\(grouped(-b.headroom)) B"
        var lines = [line + extra]
        for item in b.items {
            let value = item.bytes.map { grouped($0) } ?? "?"
            lines.append("          \(value.leftPadded(11))  \(item.label) [\(item.origin)]")
        }
        return lines
    }

    /// The detailed block of one deployment.
    public static func detail(_ r: DeploymentReport) -> String {
        var lines = ["\(r.pipeline) on \(r.boardTitle) [\(r.board), \(r.runtime.rawValue)]: \(verdictLabel(r.verdict))",
                     "  model   \(r.model) (sha256 \(r.modelSHA256.prefix(16))…)"]
        lines.append("  basis   " + basisText(r))
        lines += budget("flash", r.flash)
        lines += budget("RAM", r.ram, extra: "; arena \(grouped(r.arenaBytes)) B in largest region \(r.largestRegion.name) "
            + "(\(grouped(r.largestRegion.bytes)) B)")
        if let h = r.hop, let l = r.latency {
            lines.append("  latency \(milliseconds(h.worstSeconds)) worst hop (range \(milliseconds(l.secondsLow))–\(milliseconds(l.secondsHigh))) = "
                + "\(grouped(h.worstInstructions)) instructions; mean hop \(milliseconds(h.meanSeconds)) = \(grouped(h.meanInstructions)) instructions; "
                + "× CPI \(h.cyclesPerInstruction) (\(h.cyclesPerInstructionLow)–\(h.cyclesPerInstructionHigh)) / "
                + "\(String(format: "%g", Double(h.clockHz) / 1e6)) MHz [\(l.estimate ? l.origin + ", whole pipeline" : "measured whole pipeline, \(h.core)")]")
            lines.append("  budget  hop \(milliseconds(h.hopSeconds)) (\(h.hopSamples) samples): worst hop \(percent(h.worstSeconds / h.hopSeconds)) "
                + "(margin \(String(format: "%.1f", h.hopSeconds / h.worstSeconds))×), mean hop \(percent(h.meanSeconds / h.hopSeconds)) "
                + "(margin \(String(format: "%.1f", h.hopSeconds / h.meanSeconds))×)"
                + (h.bufferedHops > 0 ? "; the worst hop needs \(h.bufferedHops) hop\(h.bufferedHops == 1 ? "" : "s") of input buffered" : ""))
        } else if let l = r.latency {
            var text = "  latency \(milliseconds(l.seconds)) per inference (range \(milliseconds(l.secondsLow))–\(milliseconds(l.secondsHigh))) = "
                + "\(grouped(l.totalInstructions)) instructions"
            if let f = l.frontendInstructions { text += " (model \(grouped(l.instructions)) + front end \(grouped(f)))" }
            text += " × CPI \(l.cyclesPerInstruction) (\(l.cyclesPerInstructionLow)–\(l.cyclesPerInstructionHigh)) / "
                + "\(String(format: "%g", Double(l.clockHz) / 1e6)) MHz [\(l.origin)]"
            lines.append(text)
        } else {
            lines.append("  latency not measured")
        }
        if r.hop == nil { lines.append(realTime(r)) }
        lines += energyLines(r)
        for p in r.problems { lines.append("  FAIL    \(p)") }
        for m in r.missing { lines.append("  missing \(m)") }
        for n in r.notes { lines.append("  note    \(n)") }
        return lines.joined(separator: "\n")
    }

    /// What a report's figures rest on, in words.
    static func basisText(_ r: DeploymentReport) -> String {
        switch r.basis {
        case .measuredPipeline:
            return "measured whole pipeline (worst and mean hop) and the image linked for the board"
                + (r.link.map { $0.linked ? " (linked: fits)" : " (link FAILS)" } ?? " (not linked)")
        case .modelAndFrontEnd: return "model and front-end parts measured apart, summed"
        case .cExport: return "exported C library's measurements (C export, not Swift)"
        }
    }

    /// The stride line of a report from summed parts.
    static func realTime(_ r: DeploymentReport) -> String {
        var realTime = "  budget  stride \(milliseconds(r.strideSeconds)) per inference"
        if let load = r.load, let margin = r.realTimeMargin, let average = r.averageLoad {
            realTime += ": load \(percent(load)), real-time margin \(String(format: "%.1f", margin))×"
            if r.dutyCycle < 1, let l = r.latency {
                let perStride = l.cyclesPerInstruction / Double(l.clockHz) / r.strideSeconds
                let alwaysOn = Double(l.alwaysOnInstructions) * perStride
                realTime += ", average load \(percent(average)) = always on \(percent(alwaysOn)) + duty cycle "
                    + "\(r.dutyCycle) × \(percent(load - alwaysOn)) triggered"
            }
        }
        return realTime
    }

    /// The summary's load: for a measured pipeline the mean hop's load (what real time needs) with
    /// the worst hop's beside it when they differ by a tenth; else the one load figure.
    static func loadCell(_ r: DeploymentReport) -> String {
        guard let load = r.load else { return "?" }
        guard r.hop != nil, let average = r.averageLoad, abs(load - average) > 0.1 * load else { return percent(load) }
        return "\(percent(average)) (worst \(percent(load)))"
    }

    /// One row per deployment: flash, RAM, latency, stride, load, energy per inference, average power,
    /// battery life and verdict.
    public static func summary(_ reports: [DeploymentReport]) -> String {
        let header = ["pipeline", "board", "flash used / available", "RAM used / available", "arena", "latency", "stride / hop", "load",
                      "µJ / inference", "avg power", "battery", "basis", "verdict"]
        var rows = [header]
        for r in reports {
            func kb(_ b: DeploymentReport.Budget) -> String {
                String(format: "%.1f%@ / %.0f KB", Double(b.used) / 1024, b.isComplete ? "" : "+?", Double(b.available) / 1024)
            }
            let latency = r.latency.map { milliseconds($0.seconds) + ($0.estimate ? (r.hop != nil ? " (est., worst hop)" : " (est.)") : r.hop != nil ? " (worst hop)" : "") } ?? "?"
            let basis = r.basis == .measuredPipeline ? (r.link.map { $0.linked ? "pipeline, linked" : "pipeline, LINK FAILS" } ?? "pipeline")
                : r.basis == .cExport ? "C export" : "parts"
            rows.append([r.pipeline, r.board, kb(r.flash), kb(r.ram), String(format: "%.1f KB", Double(r.arenaBytes) / 1024),
                         latency, milliseconds(r.strideSeconds), loadCell(r)] + energyCells(r) + [basis,
                         r.verdict == .fits ? "fits" : r.verdict == .doesNotFit ? "DOES NOT FIT" : "incomplete"])
        }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
