import Foundation
import TinyCLI
import TinyFeatures
import TinyFormats
import TinyIO

/// `tinyml features` for motion pipelines: SPEC is a sensor-window spec JSON
/// (`"format": "tinyml-sensor-window-spec"`) or a pipeline.json holding one under `"features"`
/// (whose `"labels"` then order `y` unless `--labels` is given, and whose `"inputRate"` is the rate
/// of CSV rows without `sample_rate_hz`; otherwise the spec's rate). Needs `--manifest`.
///
/// The `.npz` members are `TrainingArchiveWriter`'s with `lengths`: `x` is `(N, windowLength,
/// channels)`, int8 or float32 with `--float`; `starts` are 0 (one window per recording). Written
/// as it goes to a temporary file beside OUT (`AtomicOutputFile`), like the audio path.
struct SensorFeaturesJob {
    let spec: SensorWindowSpec
    let pipelineLabels: [String]?
    let inputRate: Int

    /// The job for the JSON file at `path`, or nil when it holds no sensor-window spec.
    static func load(_ path: String) throws -> SensorFeaturesJob? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let file = try SpecFile(path: path, specFormat: SensorWindowSpec.format)
            guard SensorWindowSpec.declares(file.spec) else { return nil }
            let spec = try SensorWindowSpec(json: file.spec)
            try file.spec.finish()
            guard file.isPipeline else { return SensorFeaturesJob(spec: spec, pipelineLabels: nil, inputRate: spec.sampleRate) }
            return SensorFeaturesJob(spec: spec, pipelineLabels: file.root.has("labels") ? try file.root.strings("labels") : nil,
                                     inputRate: try file.root.optionalInteger("inputRate", minimum: 1) ?? spec.sampleRate)
        } catch {
            throw FeatureSpecError.json(error)
        }
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
        let json = try JSONSerialization.data(withJSONObject: spec.jsonObject, options: [.sortedKeys])
        try command.writeArchive(specName: spec.name, inputShape: spec.inputShape, quantization: spec.quantization, labels: labels,
                                 specJSON: String(decoding: json, as: UTF8.self), recordsLengths: true,
                                 files: rows.count) { archive, progress in
            try SensorFeatureSet.forEachWindow(spec: spec, entries: rows, labels: labels,
                                               defaultInputRate: inputRate) { window, label, file, frames in
                try archive.append(window, label: label, file: file, starts: [0], length: frames)
                progress.advance()
            }
        }
    }
}
