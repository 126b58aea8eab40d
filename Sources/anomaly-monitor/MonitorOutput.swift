import Foundation
import MotorAnomaly
import TinyCLI
import TinyIO
import TinyPipeline

/// What `anomaly-monitor stream` prints: human lines (learning result, alarm changes, a status
/// line every `statusEvery` seconds of signal, the summary) or JSON lines (one object per window,
/// then `{"summary": …}`), flushed line by line so pipes see them at once.
///
/// Bad input is reported live: with `--json`, one `{"event":"skipped", …}` object per skipped input
/// value as it is read (`sample`, its `t`, the CSV `line`, the `reason`) and one
/// `{"event":"bad_window", …}` per skipped window; in human mode a warning on stderr for the first
/// of each, and running counts in every status line.
struct MonitorOutput {
    let json: Bool
    let statusEvery: Double
    private var nextStatus: Double
    private var skipped = 0
    private var bad = 0
    private let rate: Int

    init(json: Bool, statusEvery: Double, rate: Int) {
        self.json = json
        self.statusEvery = statusEvery
        self.rate = rate
        nextStatus = statusEvery
    }

    /// A skipped input value, as it is read.
    mutating func skipped(_ s: SkippedInput) {
        skipped += 1
        if json {
            print(s.jsonEvent(rate: rate, total: skipped).text)
            flushStdout()
        } else if skipped == 1 {
            printError("anomaly-monitor: \(s.firstWarning) (counts in the status lines)")
        }
    }

    /// A window skipped because its features are not finite.
    mutating func badWindow(_ w: AnomalyMonitor.BadWindow) {
        bad += 1
        if json {
            print(JSONValue.object([("event", .string("bad_window")), ("t", .number(w.time)), ("sample", .int(w.sample)),
                                    ("feature", .int(w.feature)), ("value", .string("\(w.value)")),
                                    ("bad_windows_total", .int(bad))]).text)
            flushStdout()
        } else if bad == 1 {
            printError("\(Self.stamp(w.time)) anomaly-monitor: warning: skipping a window whose feature \(w.feature) is \(w.value) "
                + "(input too large?); such windows are neither learned nor scored (counts in the status lines)")
        }
    }

    static func number(_ v: Double?) -> String { v.map { String(format: "%.4g", $0) } ?? "-" }
    static func stamp(_ t: Double) -> String { "[" + String(format: "%9.2f", t) + " s]" }

    mutating func window(_ report: AnomalyMonitor.WindowReport, detector: AnomalyDetector) {
        let d = report.decision
        let learned = d.phase == .learning && d.threshold != nil
        let state = d.phase == .learning ? "learning" : (d.alarmActive ? "alarm" : "normal")
        if json {
            var fields: [(String, JSONValue)] = [
                ("t", .number(report.time)), ("window", .int(d.window)),
                ("score", d.score.map { .number($0) } ?? .null), ("threshold", d.threshold.map { .number($0) } ?? .null),
                ("state", .string(state)),
            ]
            fields.append(("sample", .int(report.sample)))
            if let t = d.transition {
                fields.append(("event", .string(t == .raised ? "raised" : "cleared")))
                fields.append(("confidence_bits", .bits(Float(d.score ?? .nan).bitPattern)))
            }
            if learned, let t = d.threshold {
                fields.append(("event", .string("learned")))
                fields.append(("confidence_bits", .bits(Float(t).bitPattern)))
            }
            print(JSONValue.object(fields).text)
            flushStdout()
            return
        }
        let stamp = Self.stamp(report.time)
        if learned, let t = d.threshold {
            let c = detector.calibration
            print("\(stamp) learned normal from \(d.window + 1) windows; threshold \(Self.number(t)) = mean \(Self.number(c.scores.mean)) "
                + "+ \(Self.number(c.k)) × σ \(Self.number(c.scores.standardDeviation)) of \(c.scores.count) out-of-sample scores")
        }
        switch d.transition {
        case .raised?:
            print("\(stamp) ALARM raised: score \(Self.number(d.score)) > threshold \(Self.number(d.threshold)) "
                + "for \(detector.alarm.raiseAfter) windows in a row")
        case .cleared?:
            print("\(stamp) alarm cleared: score \(Self.number(d.score)) ≤ threshold \(Self.number(d.threshold)) "
                + "for \(detector.alarm.clearAfter) windows in a row")
        case nil: break
        }
        if report.time >= nextStatus {
            while nextStatus <= report.time { nextStatus += statusEvery }
            print("\(stamp) status: \(state), score \(Self.number(d.score)), threshold \(Self.number(d.threshold)), "
                + "\(detector.windows) windows, \(detector.windowsOverThreshold) over"
                + (skipped + bad > 0 ? ", \(skipped) bad value(s) and \(bad) bad window(s) skipped" : ""))
        }
        flushStdout()
    }

    func summary(_ s: MonitorSummary) {
        let meaning = s.exitStatus == MonitorSummary.exitAlarmActive ? "alarm active at the end"
            : s.exitStatus == MonitorSummary.exitAlarmCleared ? "alarm raised and cleared"
            : s.exitStatus == MonitorSummary.exitInputEndedEarly ? "no alarm; the input ended early" : "no alarm"
        if json {
            print(JSONValue.object([("summary", .object([
                ("seconds", .number(s.seconds)), ("samples", .int(s.samples)), ("windows", .int(s.windows)),
                ("learning_windows", .int(s.learningWindows)), ("threshold", s.threshold.map { .number($0) } ?? .null),
                ("windows_over_threshold", .int(s.windowsOverThreshold)), ("alarms_raised", .int(s.alarmsRaised)),
                ("alarm_active", .bool(s.alarmActiveAtEnd)),
                ("score_mean", s.scores.count > 0 ? .number(s.scores.mean) : .null),
                ("score_max", s.scores.count > 0 ? .number(s.scores.maximum) : .null),
                ("skipped_values", .int(s.skippedValues)), ("bad_windows", .int(s.badWindows)),
                ("trailing_samples", .int(s.trailingSamples)), ("input_ended_early", .bool(s.inputEndedEarly)),
                ("note", s.note.map { .string($0) } ?? .null), ("input_error", s.inputError.map { .string($0) } ?? .null),
                ("exit_status", .int(Int(s.exitStatus))),
            ]))]).text)
        } else {
            let monitored = s.windows - s.learningWindows
            let percent = monitored > 0 ? String(format: " (%.1f %%)", 100 * Double(s.windowsOverThreshold) / Double(monitored)) : ""
            print("summary: \(String(format: "%.2f", s.seconds)) s, \(s.windows) windows (\(s.learningWindows) learning), "
                + "threshold \(Self.number(s.threshold)), \(s.windowsOverThreshold) windows over\(percent), "
                + "max score \(Self.number(s.scores.count > 0 ? s.scores.maximum : nil)), \(s.alarmsRaised) alarm(s) raised, "
                + "alarm active at end: \(s.alarmActiveAtEnd ? "yes" : "no")")
            print("input: \(s.skippedValues) bad value(s) skipped, \(s.badWindows) bad window(s) skipped, "
                + "\(s.trailingSamples) trailing sample(s) after the last full window"
                + (s.note.map { "; \($0)" } ?? ""))
            if let e = s.inputError { print("input ended with an error: \(e)") }
            print("exit status \(s.exitStatus) (\(meaning))")
        }
        flushStdout()
        if let e = s.inputError { printError("anomaly-monitor: warning: the input ended with an error; the stream was monitored up to it: \(e)") }
    }
}
