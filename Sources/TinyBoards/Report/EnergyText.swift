import Foundation

/// The energy lines of the text report and the units they are written in.
extension ReportText {
    /// `2.5e-6` J -> `2.50 µJ`; mJ from 1 mJ.
    public static func joules(_ j: Double) -> String {
        let uj = j * 1e6
        if uj >= 1000 { return String(format: "%.2f mJ", uj / 1000) }
        return String(format: uj < 10 ? "%.2f µJ" : uj < 100 ? "%.1f µJ" : "%.0f µJ", uj)
    }

    /// `3.2e-3` W -> `3.20 mW`; µW below 1 mW, W from 1 W.
    public static func watts(_ w: Double) -> String {
        if w >= 1 { return String(format: "%.2f W", w) }
        if w >= 1e-3 { return String(format: w < 0.01 ? "%.2f mW" : w < 0.1 ? "%.1f mW" : "%.0f mW", w * 1e3) }
        return String(format: "%.1f µW", w * 1e6)
    }

    /// Seconds as hours below two days, days below a year, else years.
    public static func duration(_ s: Double) -> String {
        let hours = s / 3600
        if hours < 48 { return String(format: "%.1f h", hours) }
        let days = hours / 24
        if days < 365 { return String(format: "%.0f days", days) }
        return String(format: "%.1f years", days / 365.25)
    }

    /// `x (low–high)` for an estimate, in `unit`.
    static func range(_ e: Estimate, _ unit: (Double) -> String) -> String {
        e.low == e.high ? unit(e.nominal) : "\(unit(e.nominal)) (\(unit(e.low))–\(unit(e.high)))"
    }

    /// The detail block's energy, power and battery lines.
    static func energyLines(_ r: DeploymentReport) -> [String] {
        guard let e = r.energy else { return [] }
        var lines: [String] = []
        if let inference = e.perInference, let hop = e.perHop, let worst = e.worstHop, let run = e.runWatts {
            let hopWord = r.hop != nil ? "mean hop" : "per stride (active time)"
            lines.append("  energy  \(range(inference, joules)) per inference; \(hopWord) \(range(hop, joules)), "
                + "\(r.hop != nil ? "worst hop" : "whole inference") \(range(worst, joules)) at run power \(range(run, watts)) "
                + "[estimate: instruction counts × CPI / clock × datasheet power, not a power meter]")
        }
        if let average = e.averageWatts, let life = e.batterySeconds {
            lines.append("  power   average \(range(average, watts)) at the \(milliseconds(r.strideSeconds)) period"
                + (r.hop == nil && r.dutyCycle < 1 ? " and duty cycle \(r.dutyCycle)" : "")
                + ": active for the hop time, \(e.sleepMode ?? "asleep") for the rest")
            lines.append("  battery \(e.battery.name) (\(grouped(Int(e.battery.milliampHours))) mAh at \(e.battery.volts) V): "
                + "\(range(life, duration)) [regulator efficiency and self-discharge ignored]")
        }
        for u in e.unknown { lines.append("  energy  unknown: \(u)") }
        for x in e.excluded { lines.append("  energy  excluded: \(x)") }
        return lines
    }

    /// The summary's energy cells: µJ per inference, average power, battery life ("?" when unknown).
    static func energyCells(_ r: DeploymentReport) -> [String] {
        let e = r.energy
        return [e?.perInference.map { joules($0.nominal) } ?? "?", e?.averageWatts.map { watts($0.nominal) } ?? "?",
                e?.batterySeconds.map { duration($0.nominal) } ?? "?"]
    }
}
