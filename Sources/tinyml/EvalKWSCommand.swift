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
///
/// With `--stream`, instead: the split's clips are joined into one stream with silence and noise
/// gaps and run through the streaming spotter (`StreamEvaluation`): hits, misses and false alarms,
/// under the pipeline's smoothing or the `--stride/--threshold/--average/--suppression/--minimum-count`
/// overrides (this is how the pipeline's smoothing was tuned, on `val`).
struct EvalKWSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kws",
        abstract: "Clip accuracy, per-class precision/recall and confusion matrix of a keyword-spotting pipeline.")

    @OptionGroup var output: EvaluationOptions
    @Option(help: "Only this split (default: every split except 'noise').") var split: String?
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/kws).") var pipeline: String?
    @Option(help: "A .tflite model to use instead of the pipeline's.") var model: String?
    @Option(help: "Worker threads (default: the processor count).") var workers: Int?
    @Flag(help: "Streaming evaluation: hits, misses, false alarms on a stream built from the split.") var stream = false
    @Option(help: "With --stream: keyword clips per keyword.") var clipsPerKeyword = 4
    @Option(help: "With --stream: seconds between windows.") var stride: Double?
    @Option(help: "With --stream: smoothing threshold.") var threshold: Double?
    @Option(help: "With --stream: seconds of posteriors averaged.") var average: Double?
    @Option(help: "With --stream: suppression seconds.") var suppression: Double?
    @Option(help: "With --stream: consecutive agreeing windows.") var minimumCount: Int?

    func run() throws {
        withToolErrors("tinyml eval kws") {
            try output.checkOutputs(inputs: [pipeline, model])
            var p = try KWSPipeline(path: try BundledPipeline.path(pipeline, name: "kws"))
            let modelPath = model ?? p.modelPath
            if stream {
                try p.override(strideSeconds: stride, threshold: threshold, averageSeconds: average,
                               suppressionSeconds: suppression, minimumCount: minimumCount)
                return try runStream(p, modelPath: modelPath)
            }
            let m = try Model(contentsOf: modelPath)
            let rows = ClipEvaluation.rows(of: try Manifest(path: output.manifest), split: split)
            guard !rows.isEmpty else { throw ToolError("no clips in \(output.manifest)" + (split.map { " for split '\($0)'" } ?? "")) }
            if let workers, workers < 1 { throw ToolError("--workers must be at least 1 (got \(workers))") }
            let bar = ProgressBar(total: rows.count, label: "eval kws")
            let e = try ClipEvaluation.run(rows: rows, pipeline: p, model: m,
                                           workers: workers ?? ProcessInfo.processInfo.activeProcessorCount) { _, _ in
                bar.advance()
            }
            bar.finish()
            let matrix = ConfusionMatrix(labels: e.labels, truth: e.truth, predicted: e.predicted)
            let header = "pipeline \(p.name), model \(modelPath), \(split.map { "split \($0)" } ?? "all splits except noise"): \(e.count) clips"
            try output.emit(matrix, header: header,
                            fields: [("pipeline", .string(p.name)), ("model", .string(modelPath)), ("split", split.map { .string($0) } ?? .null)],
                            title: "Keyword spotting: \(p.name)")
        }
    }

    func runStream(_ p: KWSPipeline, modelPath: String) throws {
        guard let split else { throw ToolError("--stream needs --split") }
        guard clipsPerKeyword >= 1 else { throw ToolError("--clips-per-keyword must be at least 1") }
        let spotter = try KeywordSpotter(pipeline: p, classifier: KeywordClassifier(pipeline: p, modelPath: modelPath))
        var options = StreamEvaluation.Options()
        options.clipsPerKeyword = clipsPerKeyword
        let e = try StreamEvaluation.run(manifest: Manifest(path: output.manifest), split: split, spotter: spotter, options: options)
        let s = p.smoothing
        if output.json {
            print(JSONValue.object([
                ("pipeline", .string(p.name)), ("model", .string(modelPath)), ("split", .string(split)),
                ("seconds", .number(e.seconds)), ("keywords", .int(e.truth.count)), ("distractors", .int(e.distractors)),
                ("hits", .int(e.hits)), ("misses", .int(e.misses)), ("false_alarms", .int(e.falseAlarms)),
                ("hit_rate", .number(e.hitRate)), ("false_alarms_per_hour", .number(e.falseAlarmsPerHour)),
                ("stride", .number(p.strideSeconds)), ("threshold", .number(s.threshold)), ("average", .number(s.averageSeconds)),
                ("suppression", .number(s.suppressionSeconds)), ("minimum_count", .int(s.minimumCount)),
            ]).text)
        } else {
            print("pipeline \(p.name), model \(modelPath): stream of \(String(format: "%.1f", e.seconds)) s from split \(split), "
                + "\(e.truth.count) keywords and \(e.distractors) distractors")
            print("smoothing: stride \(p.strideSeconds) s, average \(s.averageSeconds) s, threshold \(s.threshold), "
                + "suppression \(s.suppressionSeconds) s, minimum count \(s.minimumCount)")
            print("hits \(e.hits), misses \(e.misses), false alarms \(e.falseAlarms) "
                + String(format: "(hit rate %.1f %%, %.1f false alarms per hour)", 100 * e.hitRate, e.falseAlarmsPerHour))
        }
    }
}
