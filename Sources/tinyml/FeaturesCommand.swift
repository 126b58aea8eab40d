import ArgumentParser
import Foundation
import TinyCLI
import TinyFeatures
import TinyIO

/// `tinyml features SPEC --manifest F --split S --out F.npz`: the features of every manifest row of
/// one split, written as `.npz` (`x`, `y`, `labels`, `files`, plus `lengths` for sensor specs) for
/// training, so training and inference share one front end. SPEC is a spec JSON or a pipeline.json
/// holding one under `"features"` (its `"labels"` then fix the order of `y`; otherwise the
/// manifest's labels, sorted).
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Extract a split's features from a dataset manifest into an .npz file.")

    @Argument(help: "Feature spec JSON, or a pipeline.json with a \"features\" member.") var spec: String
    @Option(help: "Dataset manifest (MANIFEST.csv or its directory).") var manifest: String
    @Option(help: "Split to extract (rows whose split column equals it).") var split: String
    @Option(help: "Output .npz file.") var out: String
    @Option(help: "Input rate (Hz) of sensor CSV rows whose manifest gives none (default: the pipeline's inputRate, else the spec's rate).")
    var inputRate: Int?

    func run() throws {
        withToolErrors("tinyml features") {
            guard let data = FileManager.default.contents(atPath: spec) else { throw ToolError("cannot read '\(spec)'") }
            guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw ToolError("\(spec): not a JSON object")
            }
            let features = root["features"] ?? root
            let keyPath = root["features"] == nil ? "" : "features"
            let m = try Manifest(path: manifest)
            let entries = m.entries(split: split)
            guard !entries.isEmpty else {
                throw ToolError("\(manifest): no rows with split '\(split)' (splits: \(m.splits.joined(separator: ", ")))")
            }
            let labels = root["labels"] as? [String] ?? m.labels
            guard SensorWindowSpec.declares(features) else {
                throw ToolError("\(spec): only '\(SensorWindowSpec.format)' specs are handled by this build")
            }
            let sensor = try SensorWindowSpec(jsonObject: features, source: spec, keyPath: keyPath)
            let rate = inputRate ?? (root["inputRate"] as? Int) ?? sensor.sampleRate
            let bar = ProgressBar(total: entries.count, label: "features \(split)")
            let set = try SensorFeatureSet(spec: sensor, entries: entries, labels: labels, defaultInputRate: rate,
                                           progress: { bar.advance() })
            bar.finish()
            try SensorFeatureArchive.write(set, to: out)
            printError("tinyml features: \(set.count) rows × \(sensor.inputShape) → \(out)")
        }
    }
}
