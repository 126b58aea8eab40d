import Foundation
import TinyDSP
import TinyFeatures
import TinyRuntime

/// A gesture pipeline as data: `Pipelines/<name>/pipeline.json` names the front end (a
/// `SensorWindowSpec` under `"features"`), the labels, the model, the streaming hop and the smoothing.
/// The same code serves any such file (3-axis magic wand at 25 Hz, 6-axis spells at 119 Hz, …).
///
/// Schema (version 1; every key required, unknown keys are errors):
/// ```
/// {
///   "format": "tinyml-gesture-pipeline", "version": 1, "name": "gesture",
///   "features": { …SensorWindowSpec… },
///   "labels": ["negative", "ring", "slope", "wing"],    (model output order)
///   "negativeLabel": "negative" | null,                  (the class that never fires)
///   "model": "model.tflite",                             (relative to the pipeline.json)
///   "inputRate": 25,                                     (Hz of recordings that state none)
///   "minimumSeconds": 1.0,                               (shorter recordings are refused)
///   "hop": 4,                                            (model-rate samples between inferences)
///   "smoothing": {"history": 5, "threshold": 0.8, "rearm": 0.5, "suppressionSeconds": 1.0}
/// }
/// ```
/// `suppressionSeconds` becomes ⌈seconds · sampleRate / hop⌉ inferences.
public struct GesturePipeline: Sendable {
    public static let format = "tinyml-gesture-pipeline"

    public let url: URL
    public let name: String
    public let spec: SensorWindowSpec
    public let labels: [String]
    public let negativeClass: Int?
    public let modelURL: URL
    public let inputRate: Int
    public let minimumSeconds: Double
    public let hop: Int
    public let smoothing: SmoothingConfiguration

    /// Reads and checks `path` (the model is loaded by `makeClassifier`).
    public init(path: String) throws(GestureError) {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GestureError("cannot read pipeline file '\(path)'")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw GestureError("\(path): not a JSON object")
        }
        let file: PipelineFile
        do {
            file = try JSONDecoder().decode(PipelineFile.self, from: data)
        } catch let error as DecodingError {
            throw GestureError("\(path): \(PipelineFile.describe(error))")
        } catch {
            throw GestureError("\(path): \(error.localizedDescription)")
        }
        if let unknown = Set(root.keys).subtracting(PipelineFile.keys).sorted().first {
            throw GestureError("\(path): \(unknown): unknown key")
        }
        if let smoothing = root["smoothing"] as? [String: Any],
           let unknown = Set(smoothing.keys).subtracting(PipelineFile.Smoothing.keys).sorted().first {
            throw GestureError("\(path): smoothing.\(unknown): unknown key")
        }
        guard file.format == Self.format else { throw GestureError("\(path): format: expected '\(Self.format)'") }
        guard file.version == 1 else { throw GestureError("\(path): version: this build reads version 1") }
        do {
            spec = try SensorWindowSpec(jsonObject: root["features"] ?? NSNull(), source: path, keyPath: "features")
        } catch {
            throw GestureError(error.description)
        }
        guard spec.quantization != nil else { throw GestureError("\(path): features.quantization: the model input needs one") }
        guard !file.labels.isEmpty, Set(file.labels).count == file.labels.count else {
            throw GestureError("\(path): labels: expected distinct names")
        }
        if let negative = file.negativeLabel {
            guard let index = file.labels.firstIndex(of: negative) else {
                throw GestureError("\(path): negativeLabel: '\(negative)' is not one of the labels")
            }
            negativeClass = index
        } else {
            negativeClass = nil
        }
        guard file.inputRate > 0 else { throw GestureError("\(path): inputRate: must be positive") }
        guard file.minimumSeconds >= 0 else { throw GestureError("\(path): minimumSeconds: must be ≥ 0") }
        guard file.hop >= 1 else { throw GestureError("\(path): hop: must be ≥ 1") }
        let s = file.smoothing
        do {
            smoothing = try SmoothingConfiguration(
                history: s.history, threshold: s.threshold, rearm: s.rearm,
                suppressionInferences: Int((s.suppressionSeconds * Double(spec.sampleRate) / Double(file.hop)).rounded(.up)))
        } catch {
            throw GestureError("\(path): \(error.description)")
        }
        self.url = url
        name = file.name
        labels = file.labels
        modelURL = URL(fileURLWithPath: file.model, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        inputRate = file.inputRate
        minimumSeconds = file.minimumSeconds
        hop = file.hop
    }

    /// Frames at the model rate a recording needs (`minimumSeconds`, rounded up).
    public var minimumFrames: Int { Int((minimumSeconds * Double(spec.sampleRate)).rounded(.up)) }

    /// Loads the model and checks it against the labels, window and quantisation.
    public func makeClassifier() throws(GestureError) -> GestureClassifier {
        let model: Model
        do {
            model = try Model(contentsOf: modelURL.path)
        } catch {
            throw GestureError(error.description)
        }
        return try GestureClassifier(model: model, quantizer: spec.quantization!, windowLength: spec.windowLength,
                                     axisCount: spec.channelCount, classCount: labels.count)
    }

    /// A streaming recogniser over a new classifier.
    public func makeRecognizer() throws(GestureError) -> GestureRecognizer {
        try GestureRecognizer(classifier: try makeClassifier(), labels: labels, negativeClass: negativeClass,
                              sampleRate: Double(spec.sampleRate), hop: hop, smoothing: smoothing)
    }
}

/// The pipeline.json keys other than `features` (which `SensorWindowSpec` reads strictly).
private struct PipelineFile: Decodable {
    static let keys: Set<String> = ["format", "version", "name", "features", "labels", "negativeLabel", "model",
                                    "inputRate", "minimumSeconds", "hop", "smoothing"]
    let format: String
    let version: Int
    let name: String
    let labels: [String]
    let negativeLabel: String?
    let model: String
    let inputRate: Int
    let minimumSeconds: Double
    let hop: Int
    let smoothing: Smoothing

    struct Smoothing: Decodable {
        static let keys: Set<String> = ["history", "threshold", "rearm", "suppressionSeconds"]
        let history: Int
        let threshold: Float
        let rearm: Float
        let suppressionSeconds: Double
    }

    /// One line naming the key path and the problem.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .keyNotFound(let key, let c): return "\(path(c.codingPath + [key])): missing"
        case .typeMismatch(let type, let c): return "\(path(c.codingPath)): expected \(type)"
        case .valueNotFound(let type, let c): return "\(path(c.codingPath)): expected \(type), found null"
        case .dataCorrupted(let c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
