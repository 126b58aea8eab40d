import ArgumentParser
import Foundation
import KeywordSpotting
import TinyCLI
import TinyIO
import TinyRuntime

/// `tinyml eval kws --manifest FILE [--split NAME] [--pipeline P] [--model M] [--json] [--report out.html]`:
/// clip accuracy of a keyword-spotting pipeline (`ClipEvaluation`): per-class precision/recall/F1
/// and the confusion matrix as text, one JSON object with `--json` (`accuracy`, `n`, per class,
/// confusion), and an HTML (or `.svg`) heat map with `--report`.
struct EvalKWSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kws",
        abstract: "Clip accuracy, per-class precision/recall and confusion matrix of a keyword-spotting pipeline.")

    @Option(help: "Dataset manifest (MANIFEST.csv or its directory).") var manifest: String
    @Option(help: "Only this split (default: every split except 'noise').") var split: String?
    @Option(help: "Pipeline file or directory.") var pipeline = "Pipelines/kws"
    @Option(help: "A .tflite model to use instead of the pipeline's.") var model: String?
    @Option(help: "Worker threads (default: the processor count).") var workers: Int?
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Write the confusion matrix to this HTML (or .svg) file.") var report: String?

    func run() throws {
        withToolErrors("tinyml eval kws") {
            let p = try KWSPipeline(path: pipeline)
            let modelPath = model ?? p.modelPath
            let m = try Model(contentsOf: modelPath)
            let rows = ClipEvaluation.rows(of: try Manifest(path: manifest), split: split)
            guard !rows.isEmpty else { throw ToolError("no clips in \(manifest)" + (split.map { " for split '\($0)'" } ?? "")) }
            if let workers, workers < 1 { throw ToolError("--workers must be at least 1 (got \(workers))") }
            let bar = ProgressBar(total: rows.count, label: "eval kws")
            let e = try ClipEvaluation.run(rows: rows, pipeline: p, model: m,
                                           workers: workers ?? ProcessInfo.processInfo.activeProcessorCount) { _, _ in
                bar.advance()
            }
            bar.finish()
            let matrix = ConfusionMatrix(labels: e.labels, truth: e.truth, predicted: e.predicted)
            let header = "pipeline \(p.name), model \(modelPath), \(split.map { "split \($0)" } ?? "all splits except noise"): \(e.count) clips"
            if json {
                var fields: [(String, JSONValue)] = [("pipeline", .string(p.name)), ("model", .string(modelPath)),
                                                     ("split", split.map { .string($0) } ?? .null)]
                if case .object(let metrics) = matrix.json { fields += metrics }
                print(JSONValue.object(fields).text)
            } else {
                print(header)
                matrix.lines().forEach { print($0) }
            }
            if let report {
                let title = "Keyword spotting: \(p.name)"
                let text = report.hasSuffix(".svg") ? matrix.svg(title: title) : matrix.htmlReport(title: title, summary: [header])
                do {
                    try text.write(toFile: report, atomically: true, encoding: .utf8)
                } catch {
                    throw ToolError("cannot write report '\(report)': \(error.localizedDescription)")
                }
            }
        }
    }
}
