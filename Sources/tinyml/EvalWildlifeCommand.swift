import ArgumentParser
import Foundation
import TinyCLI
import TinyIO
import WildlifeSounds

/// `tinyml eval wildlife --manifest FILE [--split val] [--json] [--report FILE]`: clip-level
/// accuracy of the wildlife pipeline through the Swift int8 core — every clip's windows classified
/// and averaged (`ClipClassifier`) — with top-3, per-class precision/recall/F1 and the confusion
/// matrix (TinyCLI's shared `ConfusionMatrix`). `--json` prints one object (`accuracy`, `top3`, `n`,
/// `per_class`, `confusion`, …); `--report` writes the confusion matrix as HTML (or `.svg`).
struct EvalWildlifeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wildlife",
        abstract: "Clip-level accuracy, top-3 and confusion matrix of the wildlife-sound pipeline on a manifest.")

    @OptionGroup var output: EvaluationOptions
    @Option(help: "Manifest split to evaluate ('all' for every row).") var split = "val"
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/wildlife).") var pipeline: String?

    func run() throws {
        withToolErrors("tinyml eval wildlife") {
            try output.checkOutputs(inputs: [pipeline])
            let p = try WildlifePipeline(path: try BundledPipeline.path(pipeline, name: "wildlife"))
            let classifier = try WindowClassifier(pipeline: p)
            var bar: ProgressBar?
            let e = try WildlifeEvaluation.run(manifest: Manifest(path: output.manifest), split: split == "all" ? nil : split,
                                               pipeline: p, classifier: classifier) { _, total in
                if bar == nil { bar = ProgressBar(total: total, label: "eval wildlife") }
                bar!.advance()
            }
            bar?.finish()
            let matrix = ConfusionMatrix(labels: e.labels, truth: e.clips.map(\.truth), predicted: e.clips.map { $0.ranked[0] })
            let top3 = e.topKAccuracy(3)
            let header = "pipeline \(p.name), model \(URL(fileURLWithPath: p.modelPath).lastPathComponent) (int8, Swift core), "
                + "split \(split): \(e.n) clips, \(classifier.inferences) windows; top-3 \(String(format: "%.2f %%", 100 * top3))"
            try output.emit(matrix, header: header,
                            fields: [("pipeline", .string(p.name)), ("split", .string(split)), ("top3", .number(top3)),
                                     ("windows", .int(classifier.inferences))],
                            title: "Wildlife sounds: \(p.name), \(split)")
        }
    }
}
