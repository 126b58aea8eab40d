import ArgumentParser
import Foundation
import TinyCLI
import TinyIO
import WildlifeSounds

/// `tinyml eval wildlife --manifest FILE [--split val] [--json] [--report FILE]`: clip-level
/// accuracy of the wildlife pipeline through the Swift int8 core — every clip's windows classified
/// and averaged (`ClipClassifier`) — with top-3, per-class recall/precision and the confusion
/// matrix. `--json` prints one object (`accuracy`, `top3`, `n`, `per_class`, `confusion`);
/// `--report` writes the confusion matrix as HTML (or `.svg`).
struct EvalWildlifeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wildlife",
        abstract: "Clip-level accuracy, top-3 and confusion matrix of the wildlife-sound pipeline on a manifest.")

    @Option(help: "Dataset manifest (MANIFEST.csv or its directory).") var manifest: String
    @Option(help: "Manifest split to evaluate ('all' for every row).") var split = "val"
    @Option(help: "Pipeline file or directory.") var pipeline = "Pipelines/wildlife"
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Write the confusion matrix to this HTML (or .svg) file.") var report: String?

    func run() throws {
        withToolErrors("tinyml eval wildlife") {
            let p = try WildlifePipeline(path: pipeline)
            let classifier = try WindowClassifier(pipeline: p)
            let m = try Manifest(path: manifest)
            var bar: ProgressBar?
            let e = try WildlifeEvaluation.run(manifest: m, split: split == "all" ? nil : split, pipeline: p,
                                               classifier: classifier) { _, total in
                if bar == nil { bar = ProgressBar(total: total, label: "eval wildlife") }
                bar!.advance()
            }
            bar?.finish()
            var matrix = ConfusionMatrix(labels: e.labels, ranks: 3)
            for clip in e.clips { matrix.add(truth: clip.truth, ranked: clip.ranked) }
            let lines = Self.humanLines(matrix, pipeline: p, split: split, inferences: classifier.inferences)
            if json {
                print(Self.jsonObject(matrix, pipeline: p, split: split).text)
            } else {
                lines.forEach { print($0) }
            }
            if let report {
                let svg = SVGConfusionMatrix(title: "Wildlife sounds, \(split): top-1 \(Self.percent(matrix.accuracy))", matrix: matrix).svg
                let text = report.hasSuffix(".svg") ? svg
                    : SVGLinePlot.htmlPage(title: "Wildlife evaluation: \(p.name)", lines: lines, figures: [svg])
                do {
                    try text.write(toFile: report, atomically: true, encoding: .utf8)
                } catch {
                    throw ToolError("cannot write report '\(report)': \(error.localizedDescription)")
                }
            }
        }
    }

    static func percent(_ v: Double) -> String { v.isNaN ? "n/a" : String(format: "%.1f %%", 100 * v) }

    static func humanLines(_ m: ConfusionMatrix, pipeline p: WildlifePipeline, split: String, inferences: Int) -> [String] {
        var lines = [
            "pipeline \(p.name), model \(URL(fileURLWithPath: p.modelPath).lastPathComponent) (int8, Swift core)",
            "\(split): \(m.n) clips, \(inferences) windows; top-1 \(percent(m.accuracy)), top-3 \(percent(m.topKAccuracy(3)))",
            "per class (recall / precision / clips):",
        ]
        for (c, label) in m.labels.enumerated() {
            lines.append("  \(label.padding(toLength: 16, withPad: " ", startingAt: 0)) \(percent(m.recall(c)).leftPad(8)) / "
                + "\(percent(m.precision(c)).leftPad(8)) / \(m.examples(of: c))")
        }
        lines.append("confusion matrix:")
        return lines + m.textRows.map { "  " + $0 }
    }

    static func jsonObject(_ m: ConfusionMatrix, pipeline p: WildlifePipeline, split: String) -> JSONValue {
        .object([
            ("pipeline", .string(p.name)), ("split", .string(split)), ("n", .int(m.n)),
            ("accuracy", .number(m.accuracy)), ("top3", .number(m.topKAccuracy(3))),
            ("labels", .array(m.labels.map { .string($0) })),
            ("per_class", .array(m.labels.indices.map { c in
                .object([("label", .string(m.labels[c])), ("n", .int(m.examples(of: c))),
                         ("recall", .number(m.recall(c))), ("precision", .number(m.precision(c)))])
            })),
            ("confusion", .array(m.counts.map { .array($0.map { .int($0) }) })),
        ])
    }
}
