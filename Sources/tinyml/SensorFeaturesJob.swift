import Foundation
import TinyCLI
import TinyFeatures
import TinyIO

/// `tinyml features` for motion pipelines: SPEC is a sensor-window spec JSON
/// (`"format": "tinyml-sensor-window-spec"`) or a pipeline.json holding one under `"features"`
/// (whose `"labels"` then order `y` unless `--labels` is given, and whose `"inputRate"` is the rate
/// of CSV rows without `sample_rate_hz`; otherwise the spec's rate). Needs `--manifest`.
///
/// `.npz` members, as the audio path plus one: `x` `(N, windowLength, channels)` int8 (the spec's
/// quantisation) or float32 with `--float`; `y` int64; `labels`, `files` unicode; `starts` int64
/// (0: one window per recording); `lengths` int64, model-rate frames of each recording before
/// `HoldFit`; `spec` the spec JSON.
struct SensorFeaturesJob {
    let spec: SensorWindowSpec
    let pipelineLabels: [String]?
    let inputRate: Int

    /// The job for the JSON file at `path`, or nil when it holds no sensor-window spec.
    static func load(_ path: String) throws -> SensorFeaturesJob? {
        guard let data = FileManager.default.contents(atPath: path),
              let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        if SensorWindowSpec.declares(root) {
            let spec = try SensorWindowSpec(jsonObject: root, source: path)
            return SensorFeaturesJob(spec: spec, pipelineLabels: nil, inputRate: spec.sampleRate)
        }
        guard let features = root["features"], SensorWindowSpec.declares(features) else { return nil }
        let spec = try SensorWindowSpec(jsonObject: features, source: path, keyPath: "features")
        return SensorFeaturesJob(spec: spec, pipelineLabels: root["labels"] as? [String],
                                 inputRate: root["inputRate"] as? Int ?? spec.sampleRate)
    }

    func run(_ command: FeaturesCommand) throws {
        guard let manifestPath = command.manifest, command.files.isEmpty else {
            throw ToolError("sensor spec '\(spec.name)': give --manifest (and no files)")
        }
        guard command.windowHop == nil else { throw ToolError("--window-hop is not available for sensor specs (one window per recording)") }
        guard command.writeFloat || spec.quantization != nil else {
            throw ToolError("sensor spec '\(spec.name)' has no quantization; pass --float for float32 features")
        }
        guard command.out.hasSuffix(".npz") else { throw ToolError("--out must end in .npz for sensor specs (got '\(command.out)')") }
        let manifest = try Manifest(path: manifestPath)
        let rows = manifest.entries(split: command.split, label: command.label)
        guard !rows.isEmpty else {
            throw ToolError("no rows in '\(manifestPath)' match" + (command.split.map { " split '\($0)'" } ?? "")
                + (command.label.map { " label '\($0)'" } ?? "") + " (splits: \(manifest.splits.joined(separator: ", ")))")
        }
        let labels = command.labels.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            ?? pipelineLabels ?? manifest.labels
        let progress = ProgressBar(total: rows.count, label: "features")
        let set = try SensorFeatureSet(spec: spec, entries: rows, labels: labels, defaultInputRate: inputRate,
                                       progress: { progress.advance() })
        progress.finish()
        let shape = [set.count] + spec.inputShape
        let x: NpyArray
        if command.writeFloat {
            x = NpyArray(float32: set.x, shape: shape)
        } else {
            let q = spec.quantization!
            x = NpyArray(int8: set.x.map { q.quantize($0) }, shape: shape)
        }
        var archive = NpzArchive()
        archive.add("x", x)
        archive.add("y", NpyArray(int64: set.y, shape: [set.count]))
        archive.add("labels", NpyArray(strings: labels))
        archive.add("files", NpyArray(strings: set.files))
        archive.add("starts", NpyArray(int64: Array(repeating: 0, count: set.count), shape: [set.count]))
        archive.add("lengths", NpyArray(int64: set.lengths, shape: [set.count]))
        let json = try JSONSerialization.data(withJSONObject: spec.jsonObject, options: [.sortedKeys])
        archive.add("spec", NpyArray(strings: [String(decoding: json, as: UTF8.self)], scalar: true))
        try archive.write(to: command.out)
        let type = command.writeFloat ? "float32" : "int8"
        if command.json {
            print(JSONValue.object([
                ("out", .string(command.out)), ("spec", .string(spec.name)), ("files", .int(set.count)),
                ("inputs", .int(set.count)), ("shape", .array(shape.map { .int($0) })), ("dtype", .string(type)),
                ("labels", .array(labels.map { .string($0) })),
            ]).text)
        } else {
            print("\(command.out): \(set.count) inputs from \(set.count) files, x \(shape) \(type), spec \(spec.name)")
        }
    }
}
