import Foundation
import TinyFormats

/// A front-end spec that a pipeline file holds under `"features"` (`FeatureSpec` for audio,
/// `SensorWindowSpec` for sensor windows), read strictly from that member.
public protocol PipelineFeatures {
    init(json: JSONReader) throws(JSONError)
}

extension FeatureSpec: PipelineFeatures {}
extension SensorWindowSpec: PipelineFeatures {}

/// A pipeline file (`Pipelines/<name>/pipeline.json`) read strictly: a JSON object with
/// `"format"` and `"version"`, a `"features"` member that is a `Features` spec, and the pipeline's
/// own sections, decoded into `Settings` (every member except `"features"`) through `JSONReader`.
/// Every pipeline (keyword spotting, motor anomaly, gestures, wildlife) reads its file through
/// this one reader.
///
/// Unknown keys are errors — in the root and in every section — and the keys known are exactly
/// those `Features` and `Settings` read, so no list of allowed keys can drift from the code.
/// Errors are `JSONError` cases naming the file and key path (`.missing`, `.wrongType`,
/// `.unknownKey`, `.invalid` for a wrong `format` or a `version` this build does not read, …).
public struct PipelineDocument<Features: PipelineFeatures, Settings: Decodable> {
    /// The pipeline file (a directory given as `.path` resolves to its `pipeline.json`).
    public let url: URL
    /// The `"features"` member.
    public let features: Features
    /// Every other member.
    public let settings: Settings

    /// Where the JSON comes from: a file (`path`: a pipeline.json or a directory holding one), or
    /// text already read (`url` names it in errors and anchors relative paths).
    public enum Source {
        case path(String)
        case data(Data, url: URL)
    }

    /// Loads `source`. `format` must match the file's `"format"`, `"version"` must lie in `versions`.
    public init(_ source: Source, format: String, versions: ClosedRange<Int>) throws(JSONError) {
        let root: JSONReader
        switch source {
        case .data(let data, let from):
            url = from.standardizedFileURL
            root = try JSONReader(data: data, file: url.path)
        case .path(let path):
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            url = (exists && isDirectory.boolValue ? URL(fileURLWithPath: path).appendingPathComponent("pipeline.json")
                : URL(fileURLWithPath: path)).standardizedFileURL
            root = try JSONReader(contentsOf: url.path)
        }
        let found = try root.string("format")
        guard found == format else { throw root.invalid("format", "expected '\(format)' (got '\(found)')") }
        let version = try root.integer("version", minimum: .min)
        guard versions.contains(version) else {
            let range = versions.count == 1 ? "\(versions.lowerBound)" : "\(versions.lowerBound)…\(versions.upperBound)"
            throw root.invalid("version", "version \(version) is not one this build reads (\(range))")
        }
        features = try Features(json: root.object("features"))
        settings = try root.decode(Settings.self)
        try root.finish()
    }

    /// `relative` resolved against the pipeline file's directory (absolute paths unchanged), with
    /// `.` and `..` components removed.
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : url.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL.path
    }
}
