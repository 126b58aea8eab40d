import ArgumentParser
import Foundation
import GestureRecognition
import TinyCLI
import TinyIO

/// `tinyml eval gesture --manifest FILE [--split S] [--pipeline P] [--json] [--report F.svg]`:
/// per-file accuracy of the gesture pipeline (each CSV classified whole by the int8 model through
/// the Swift core): per-class precision/recall/F1 and the confusion matrix (TinyCLI's shared
/// `ConfusionMatrix`) as text, one JSON object with `--json`, an HTML (or `.svg`) heat map with `--report`.
struct EvalGestureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gesture",
        abstract: "Accuracy of the accelerometer gesture pipeline on a manifest's files.")

    @OptionGroup var output: EvaluationOptions
    @Option(help: "Only rows of this split (default: every row).") var split: String?
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/gesture).") var pipeline: String?

    func run() throws {
        withToolErrors("tinyml eval gesture") {
            try output.checkOutputs(inputs: [pipeline])
            let p = try GesturePipeline(path: try BundledPipeline.path(pipeline, name: "gesture"))
            let classifier = try GestureFileClassifier(pipeline: p)
            let m = try Manifest(path: output.manifest)
            let entries = m.entries(split: split)
            guard !entries.isEmpty else {
                throw ToolError("\(output.manifest): no rows" + (split.map { " with split '\($0)' (splits: \(m.splits.joined(separator: ", ")))" } ?? ""))
            }
            let bar = ProgressBar(total: entries.count, label: "eval gesture")
            let e = try GestureEvaluation(classifier: classifier, entries: entries, progress: { bar.advance() })
            bar.finish()
            let matrix = ConfusionMatrix(labels: e.labels, truth: e.truth, predicted: e.predicted)
            let header = "pipeline \(p.name), \(split.map { "split \($0)" } ?? "every split"): \(entries.count) files"
            try output.emit(matrix, header: header,
                            fields: [("pipeline", .string(p.name)), ("manifest", .string(output.manifest)),
                                     ("split", split.map(JSONValue.string) ?? .null)],
                            title: "Gestures: \(p.name)" + (split.map { ", \($0)" } ?? ""))
        }
    }
}
