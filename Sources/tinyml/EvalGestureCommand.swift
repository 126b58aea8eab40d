import ArgumentParser
import Foundation
import GestureRecognition
import TinyCLI
import TinyIO

/// `tinyml eval gesture --manifest FILE [--split S] [--pipeline P] [--json] [--report F.svg]`:
/// per-file accuracy of the gesture pipeline (each CSV classified whole by the int8 model through
/// the Swift core), per-class recall and precision, and the confusion matrix.
struct EvalGestureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gesture",
        abstract: "Accuracy of the accelerometer gesture pipeline on a manifest's files.")

    @Option(help: "Dataset manifest (MANIFEST.csv or its directory).") var manifest: String
    @Option(help: "Only rows of this split (default: every row).") var split: String?
    @Option(help: "The pipeline.json.") var pipeline = "Pipelines/gesture/pipeline.json"
    @Flag(help: "Print one JSON object instead of text.") var json = false
    @Option(help: "Also write the confusion matrix as an SVG picture to this file.") var report: String?

    func run() throws {
        withToolErrors("tinyml eval gesture") {
            let p = try GesturePipeline(path: pipeline)
            let classifier = try GestureFileClassifier(pipeline: p)
            let m = try Manifest(path: manifest)
            let entries = m.entries(split: split)
            guard !entries.isEmpty else {
                throw ToolError("\(manifest): no rows" + (split.map { " with split '\($0)' (splits: \(m.splits.joined(separator: ", ")))" } ?? ""))
            }
            let bar = ProgressBar(total: entries.count, label: "eval gesture")
            let result = try GestureEvaluation(classifier: classifier, entries: entries, progress: { bar.advance() })
            bar.finish()
            let cm = result.matrix
            if json {
                print(JSONValue.object([
                    ("pipeline", .string(p.name)), ("manifest", .string(manifest)), ("split", split.map(JSONValue.string) ?? .null),
                    ("n", .int(cm.total)), ("accuracy", .number(cm.accuracy)),
                    ("labels", .array(cm.labels.map(JSONValue.string))),
                    ("per_class", .array(cm.labels.indices.map { i in
                        .object([("label", .string(cm.labels[i])), ("n", .int(cm.support(i))),
                                 ("recall", cm.recall(i).map(JSONValue.number) ?? .null),
                                 ("precision", cm.precision(i).map(JSONValue.number) ?? .null)])
                    })),
                    ("confusion", .array(cm.counts.map { .array($0.map(JSONValue.int)) })),
                ]).text)
            } else {
                print("\(p.name): accuracy \(String(format: "%.2f", 100 * cm.accuracy)) % (\(cm.correct)/\(cm.total))"
                    + (split.map { " on split \($0)" } ?? ""))
                let width = max(8, (cm.labels.map(\.count).max() ?? 0) + 1)
                for i in cm.labels.indices {
                    let recall = cm.recall(i).map { String(format: "%6.2f %%", 100 * $0) } ?? "     -  "
                    print("  \(cm.labels[i].padding(toLength: width, withPad: " ", startingAt: 0)) n \(String(cm.support(i)).leftPad(4))  recall \(recall)")
                }
                print("confusion (rows: truth, columns: prediction):")
                print("  " + String(repeating: " ", count: width) + cm.labels.map { String($0.prefix(width - 1)).leftPad(width) }.joined())
                for i in cm.labels.indices {
                    print("  " + cm.labels[i].padding(toLength: width, withPad: " ", startingAt: 0)
                        + cm.counts[i].map { String($0).leftPad(width) }.joined())
                }
            }
            if let report {
                let svg = ConfusionMatrixSVG.render(cm, title: "\(p.name): accuracy \(String(format: "%.2f", 100 * cm.accuracy)) % (n = \(cm.total))")
                do {
                    try svg.write(toFile: report, atomically: true, encoding: .utf8)
                } catch {
                    throw ToolError("cannot write report '\(report)': \(error.localizedDescription)")
                }
                printError("tinyml eval gesture: confusion matrix → \(report)")
            }
        }
    }
}
