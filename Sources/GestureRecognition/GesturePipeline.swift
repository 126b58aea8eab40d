import Foundation
import TinyDSP
import TinyFeatures
import TinyPipeline
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
    public let smoothing: GestureSmoothing

    /// Reads and checks `path`, a pipeline.json or a directory holding one (the model is loaded by
    /// `makeClassifier`).
    public init(path: String) throws(GestureError) {
        let document: PipelineDocument<SensorWindowSpec, PipelineFile>
        do {
            document = try PipelineDocument(.path(path), format: Self.format, versions: 1 ... 1)
        } catch {
            throw GestureError(error.description)
        }
        let file = document.settings
        func fail(_ key: String, _ problem: String) -> GestureError { GestureError.pipeline(path: document.url.path, problem: "\(key): \(problem)") }
        spec = document.features
        guard spec.quantization != nil else { throw fail("features.quantization", "the model input needs one") }
        guard !file.labels.isEmpty, Set(file.labels).count == file.labels.count else { throw fail("labels", "expected distinct names") }
        if let negative = file.negativeLabel {
            guard let index = file.labels.firstIndex(of: negative) else {
                throw fail("negativeLabel", "'\(negative)' is not one of the labels")
            }
            negativeClass = index
        } else {
            negativeClass = nil
        }
        guard file.inputRate > 0 else { throw fail("inputRate", "must be positive") }
        guard file.minimumSeconds >= 0 else { throw fail("minimumSeconds", "must be ≥ 0") }
        guard file.hop >= 1 else { throw fail("hop", "must be ≥ 1") }
        let s = file.smoothing
        do {
            smoothing = try GestureSmoothing(
                history: s.history, threshold: s.threshold, rearm: s.rearm,
                suppressionInferences: Int((s.suppressionSeconds * Double(spec.sampleRate) / Double(file.hop)).rounded(.up)))
        } catch {
            throw .pipeline(path: document.url.path, problem: error.description)
        }
        url = document.url
        name = file.name
        labels = file.labels
        modelURL = URL(fileURLWithPath: document.resolve(file.model))
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

    /// The decision path as the engine (host and device) runs it. `unit` replaces the spec's unit
    /// policy; `conditioned`: the frames arrive already in the spec's units (a host that resampled
    /// them), so the engine's conditioning is the identity (unit g, gains 1).
    public func engineConfiguration(unit: AccelerationUnit? = nil, conditioned: Bool = false) -> GestureConfiguration {
        var fixed = unit
        var detection = 0
        if conditioned {
            fixed = .g
        } else if fixed == nil {
            switch spec.unit {
            case .fixed(let u): fixed = u
            case .detect(let n): detection = n
            }
        }
        return GestureConfiguration(channelCount: spec.channelCount, accelerometerChannels: spec.accelerometerChannels, unit: fixed,
                                    detectionFrames: detection,
                                    gains: conditioned ? [Float](repeating: 1, count: spec.channelCount) : spec.gains,
                                    windowLength: spec.windowLength, quantization: spec.quantization!, classCount: labels.count,
                                    negativeClass: negativeClass, hop: hop, smoothing: smoothing)
    }
}

/// The pipeline.json keys other than `features` (which `SensorWindowSpec` reads strictly).
private struct PipelineFile: Decodable {
    let name: String
    let labels: [String]
    let negativeLabel: String?
    let model: String
    let inputRate: Int
    let minimumSeconds: Double
    let hop: Int
    let smoothing: Smoothing

    struct Smoothing: Decodable {
        let history: Int
        let threshold: Float
        let rearm: Float
        let suppressionSeconds: Double
    }
}
