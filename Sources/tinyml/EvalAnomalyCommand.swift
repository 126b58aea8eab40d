import ArgumentParser
import Foundation
import MotorAnomaly
import TinyCLI
import TinyIO

/// `tinyml eval anomaly --manifest FILE`: fits the anomaly pipeline on the manifest's `train`
/// normal data, scores every window of the `val` normal and `test` files, and prints ROC AUC
/// (overall, per fault type, per load), the window-level detection rate and the false-alarm rate on
/// `val` normal at the calibrated threshold, and the second-machine transfer check
/// (`AnomalyEvaluation`). `--json` prints one object; `--report` writes the ROC curves as HTML/SVG.
struct EvalAnomalyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomaly",
        abstract: "ROC AUC, detection and false-alarm rates of the motor-anomaly pipeline on a manifest.")

    @OptionGroup var output: EvaluationOptions
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/anomaly).") var pipeline: String?
    @Option(help: "Override the pipeline's scorer: gaussian or autoencoder.") var scorer: String?

    func run() throws {
        withToolErrors("tinyml eval anomaly") {
            try output.checkOutputs(inputs: [pipeline])
            var p = try AnomalyPipeline(path: try BundledPipeline.path(pipeline, name: "anomaly"))
            if let scorer {
                guard let kind = AnomalyPipeline.ScorerKind(rawValue: scorer) else {
                    throw ToolError("--scorer must be gaussian or autoencoder (got '\(scorer)')")
                }
                p.scorer = kind
            }
            let m = try Manifest(path: output.manifest)
            var bar: ProgressBar?
            let e = try AnomalyEvaluation.run(manifest: m, pipeline: p) { done, total in
                if bar == nil { bar = ProgressBar(total: total, label: "eval anomaly") }
                bar!.advance()
            }
            bar?.finish()
            if output.json {
                print(Self.jsonObject(e, pipeline: p).text)
            } else {
                Self.humanLines(e, pipeline: p).forEach { print($0) }
            }
            try output.writeReport(svg: { Self.rocFigures(e)[0] }, html: {
                SVGLinePlot.htmlPage(title: "Motor anomaly evaluation: \(p.name)", lines: Self.humanLines(e, pipeline: p),
                                     figures: Self.rocFigures(e))
            })
        }
    }

    static func percent(_ v: Double) -> String { v.isNaN ? "n/a" : String(format: "%.1f %%", 100 * v) }
    static func auc(_ v: Double) -> String { v.isNaN ? "n/a" : String(format: "%.4f", v) }

    static func humanLines(_ e: AnomalyEvaluation, pipeline p: AnomalyPipeline) -> [String] {
        var lines = [
            "pipeline \(p.name) (scorer \(p.scorer.rawValue), features \(p.features.name) \(p.featureSpecID))",
            "machine \(e.machine): learned on \(e.trainWindows) train normal windows; threshold \(String(format: "%.4g", e.threshold)) "
                + "(\(e.thresholdRule))",
            "AUC \(auc(e.overall.auc)) over \(e.overall.negatives) val normal and \(e.overall.positives) anomalous windows; "
                + "detection \(percent(e.overall.detectionRate)), false alarms on val normal \(percent(e.overall.falseAlarmRate))",
        ]
        for (title, groups) in [("fault type", e.byFaultType), ("load (hp)", e.byLoad)] {
            for g in groups {
                lines.append("  \(title) \(g.name): AUC \(auc(g.auc)), detection \(percent(g.detectionRate)) of \(g.positives) windows")
            }
        }
        for t in e.transfer {
            lines.append("second machine \(t.machine) (transfer check, never fitted on): \(e.machine) baseline flags "
                + "\(percent(t.transferFalseAlarmRate)) of its \(t.windows) val normal windows (median score \(String(format: "%.4g", t.transferMedianScore))); "
                + "a baseline learned on its own \(t.ownTrainWindows) train windows (threshold \(String(format: "%.4g", t.ownThreshold))) "
                + "flags \(percent(t.ownFalseAlarmRate))")
        }
        return lines
    }

    static func metrics(_ g: DetectionMetrics) -> JSONValue {
        .object([("name", .string(g.name)), ("auc", .number(g.auc)), ("n_anomalous", .int(g.positives)),
                 ("detection_rate", .number(g.detectionRate))])
    }

    static func jsonObject(_ e: AnomalyEvaluation, pipeline p: AnomalyPipeline) -> JSONValue {
        .object([
            ("pipeline", .string(p.name)), ("scorer", .string(p.scorer.rawValue)), ("feature_spec_id", .string(p.featureSpecID)),
            ("machine", .string(e.machine)), ("auc", .number(e.overall.auc)),
            ("n", .int(e.overall.negatives + e.overall.positives)),
            ("n_normal", .int(e.overall.negatives)), ("n_anomalous", .int(e.overall.positives)),
            ("threshold", .number(e.threshold)), ("threshold_rule", .string(e.thresholdRule)),
            ("train_windows", .int(e.trainWindows)),
            ("detection_rate", .number(e.overall.detectionRate)), ("false_alarm_rate", .number(e.overall.falseAlarmRate)),
            ("by_fault_type", .array(e.byFaultType.map(metrics))), ("by_load", .array(e.byLoad.map(metrics))),
            ("transfer", .array(e.transfer.map { t in
                .object([("machine", .string(t.machine)), ("windows", .int(t.windows)),
                         ("false_alarm_rate", .number(t.transferFalseAlarmRate)), ("median_score", .number(t.transferMedianScore)),
                         ("own_train_windows", .int(t.ownTrainWindows)), ("own_threshold", .number(t.ownThreshold)),
                         ("own_false_alarm_rate", .number(t.ownFalseAlarmRate))])
            })),
        ])
    }

    /// ROC points without the interior of vertical and horizontal runs (same curve, fewer points).
    static func corners(_ roc: ROCCurve) -> [(x: Double, y: Double)] {
        let p = roc.points.map { (x: $0.falsePositiveRate, y: $0.truePositiveRate) }
        return p.enumerated().filter { i, q in
            i == 0 || i == p.count - 1 || !((p[i - 1].x == q.x && p[i + 1].x == q.x) || (p[i - 1].y == q.y && p[i + 1].y == q.y))
        }.map(\.element)
    }

    /// ROC curves as SVG: all anomalies, per fault type, per load.
    static func rocFigures(_ e: AnomalyEvaluation) -> [String] {
        var figures: [String] = []
        for (title, groups) in [("all anomalies", [e.overall]), ("per fault type", e.byFaultType), ("per load (hp)", e.byLoad)] {
            var plot = SVGLinePlot(title: "ROC, \(title) (machine \(e.machine))", xLabel: "false-positive rate (val normal windows)",
                                   yLabel: "true-positive rate (anomalous windows)")
            plot.series = groups.enumerated().map { i, g in
                SVGLinePlot.Series(name: "\(g.name) AUC \(auc(g.auc))", points: corners(g.roc), color: SVGLinePlot.color(i))
            }
            plot.series.append(SVGLinePlot.Series(name: "chance", points: [(0, 0), (1, 1)], color: "#999", dashed: true))
            figures.append(plot.svg)
        }
        return figures
    }
}
