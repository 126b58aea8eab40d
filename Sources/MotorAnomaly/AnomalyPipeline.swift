import TinyIO
import Foundation
import TinyFormats
import TinyFeatures

/// A motor-anomaly pipeline: `Pipelines/anomaly/pipeline.json` (or any file of this schema).
///
/// ```json
/// {"format": "tinyml-anomaly-pipeline", "version": 1,
///  "name": "cwru-vibration", "description": "…",
///  "features": { a FeatureSpec (TinyFeatures, "tinyml-feature-spec") },
///  "scorer": "gaussian" | "autoencoder",
///  "gaussian": {"varianceFloor": 1e-4},
///  "autoencoder": {"model": "motor_ae_int8.tflite", "contextFrames": 1, "threshold": 0.3},
///  "learning": {"seconds": 3, "calibrationFraction": 0.5, "k": 4},
///  "alarm": {"raiseAfter": 3, "clearAfter": 5},
///  "statusEverySeconds": 10}
/// ```
/// - `scorer` picks how windows are scored: `gaussian` learns "normal" on the device
///   (`GaussianBaseline`); `autoencoder` runs the int8 model (`AutoencoderScorer`; `model` is
///   relative to the pipeline file; `threshold` is optional: the training script's calibrated
///   threshold, used when the monitor is not asked to learn). Only the chosen scorer's section is
///   required.
/// - One feature frame of the spec is one scorer frame (`framesPerInput × rowWidth` values);
///   `contextFrames` consecutive frames (sliding by one) form an autoencoder input.
/// - `learning.seconds` is the default learning period; `calibrationFraction` and `k` set the
///   threshold rule (`AnomalyDetector`, `ThresholdCalibration`); `alarm` the hysteresis.
/// Unknown keys are errors, so a typo cannot silently fall back to a default.
public struct AnomalyPipeline: Sendable {
    public static let format = "tinyml-anomaly-pipeline"
    public static let currentVersion = 1

    public enum ScorerKind: String, Sendable, CaseIterable, Codable { case gaussian, autoencoder }

    public struct Gaussian: Codable, Sendable, Equatable { public var varianceFloor: Double }
    public struct Autoencoder: Codable, Sendable, Equatable {
        public var model: String
        public var contextFrames: Int
        public var threshold: Double?
    }
    public struct Learning: Codable, Sendable, Equatable {
        public var seconds: Double
        public var calibrationFraction: Double
        public var k: Double
    }
    public struct Alarm: Codable, Sendable, Equatable {
        public var raiseAfter: Int
        public var clearAfter: Int
    }

    /// The keys of `pipeline.json` other than `features` (decoded with `JSONDecoder`).
    struct Settings: Decodable {
        var name: String
        var description: String?
        var scorer: ScorerKind
        var gaussian: Gaussian?
        var autoencoder: Autoencoder?
        var learning: Learning
        var alarm: Alarm
        var statusEverySeconds: Double
    }


    /// The pipeline file.
    public let url: URL
    public let name: String
    public let description: String
    public let features: FeatureSpec
    /// `SHA256.identity` of the feature spec's canonical JSON without its name and description:
    /// two specs that compute the same numbers share it.
    public let featureSpecID: String
    public var scorer: ScorerKind
    public let gaussian: Gaussian?
    public let autoencoder: Autoencoder?
    /// The autoencoder model's path, resolved against the pipeline's directory.
    public let modelPath: String?
    public var learning: Learning
    public let alarm: Alarm
    public let statusEverySeconds: Double

    /// Loads `path`: a pipeline.json, or a directory holding one.
    public init(path: String) throws(AnomalyError) { try self.init(.path(path)) }

    /// Reads pipeline JSON text; `url` is the file it came from (messages name it, the model is resolved against it).
    public init(jsonData data: Data, url: URL) throws(AnomalyError) { try self.init(.data(data, url: url)) }

    private init(_ source: PipelineDocument<FeatureSpec, Settings>.Source) throws(AnomalyError) {
        let document: PipelineDocument<FeatureSpec, Settings>
        do {
            document = try PipelineDocument(source, format: Self.format, versions: 1 ... Self.currentVersion)
        } catch {
            throw AnomalyError(error.description)
        }
        let settings = document.settings
        url = document.url
        name = settings.name
        description = settings.description ?? ""
        features = document.features
        featureSpecID = Self.identity(of: features)
        scorer = settings.scorer
        gaussian = settings.gaussian
        autoencoder = settings.autoencoder
        modelPath = settings.autoencoder.map { document.resolve($0.model) }
        learning = settings.learning
        alarm = settings.alarm
        statusEverySeconds = settings.statusEverySeconds
        try validate()
    }

    /// Values in one scorer frame (one feature-extractor input).
    public var frameLength: Int { features.inputShape.reduce(1, *) }


    /// The identity of a spec (see `featureSpecID`).
    public static func identity(of spec: FeatureSpec) -> String {
        var object = spec.jsonObject
        object["name"] = nil
        object["description"] = nil
        let bytes = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return SHA256.identity([UInt8](bytes))
    }

    private func validate() throws(AnomalyError) {
        func fail(_ key: String, _ problem: String) -> AnomalyError { AnomalyError("pipeline '\(url.path)': \(key): \(problem)") }
        switch scorer {
        case .gaussian:
            guard let g = gaussian else { throw fail("gaussian", "missing (the scorer is gaussian)") }
            guard g.varianceFloor > 0, g.varianceFloor.isFinite else { throw fail("gaussian.varianceFloor", "must be positive") }
        case .autoencoder:
            guard let a = autoencoder else { throw fail("autoencoder", "missing (the scorer is autoencoder)") }
            guard a.contextFrames >= 1 else { throw fail("autoencoder.contextFrames", "must be at least 1") }
            if let t = a.threshold, !t.isFinite { throw fail("autoencoder.threshold", "must be finite") }
        }
        guard learning.seconds > 0, learning.seconds.isFinite else { throw fail("learning.seconds", "must be positive") }
        guard learning.calibrationFraction > 0, learning.calibrationFraction <= 1 else {
            throw fail("learning.calibrationFraction", "must be in (0, 1]")
        }
        guard learning.k >= 0, learning.k.isFinite else { throw fail("learning.k", "must be finite and ≥ 0") }
        guard alarm.raiseAfter >= 1, alarm.clearAfter >= 1 else { throw fail("alarm", "raiseAfter and clearAfter must be ≥ 1") }
        guard statusEverySeconds > 0 else { throw fail("statusEverySeconds", "must be positive") }
    }
}

extension AnomalyPipeline {
    /// The only source rate the monitor takes: its feature spec's (it never resamples a sensor).
    public var inputRates: InputRates { InputRates(pipeline: "anomaly", frontEnd: features.frontEnd, resamples: false) }
}
