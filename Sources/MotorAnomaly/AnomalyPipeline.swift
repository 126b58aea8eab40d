import Foundation
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
    struct Settings: Codable {
        var format: String
        var version: Int
        var name: String
        var description: String?
        var scorer: ScorerKind
        var gaussian: Gaussian?
        var autoencoder: Autoencoder?
        var learning: Learning
        var alarm: Alarm
        var statusEverySeconds: Double
    }

    static let allowedKeys: [String: Set<String>] = [
        "": ["format", "version", "name", "description", "features", "scorer", "gaussian", "autoencoder",
             "learning", "alarm", "statusEverySeconds"],
        "gaussian": ["varianceFloor"],
        "autoencoder": ["model", "contextFrames", "threshold"],
        "learning": ["seconds", "calibrationFraction", "k"],
        "alarm": ["raiseAfter", "clearAfter"],
    ]

    /// The pipeline file.
    public let url: URL
    public let name: String
    public let description: String
    public let features: FeatureSpec
    /// `ContentIdentity` of the feature spec's canonical JSON without its name and description:
    /// two specs that compute the same numbers share it.
    public let featureSpecID: String
    public var scorer: ScorerKind
    public let gaussian: Gaussian?
    public let autoencoder: Autoencoder?
    public let learning: Learning
    public let alarm: Alarm
    public let statusEverySeconds: Double

    /// Loads `path`: a pipeline.json, or a directory holding one.
    public init(path: String) throws(AnomalyError) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let file = exists && isDirectory.boolValue ? URL(fileURLWithPath: path).appendingPathComponent("pipeline.json")
            : URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw AnomalyError("cannot read pipeline '\(file.path)'" + (exists ? "" : ": no such file or directory"))
        }
        try self.init(jsonData: data, url: file)
    }

    public init(jsonData data: Data, url: URL) throws(AnomalyError) {
        let source = url.path
        let root: [String: Any]
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw AnomalyError("pipeline '\(source)': expected a JSON object")
            }
            root = object
        } catch let e as AnomalyError {
            throw e
        } catch {
            throw AnomalyError("pipeline '\(source)': not valid JSON")
        }
        try Self.checkKeys(root, source: source)
        let settings: Settings
        do {
            var rest = root
            rest["features"] = nil
            settings = try JSONDecoder().decode(Settings.self, from: JSONSerialization.data(withJSONObject: rest))
        } catch {
            throw AnomalyError("pipeline '\(source)': \(BaselineFile.jsonProblem(error))")
        }
        guard settings.format == Self.format else {
            throw AnomalyError("pipeline '\(source)': format is '\(settings.format)', expected '\(Self.format)'")
        }
        guard (1 ... Self.currentVersion).contains(settings.version) else {
            throw AnomalyError("pipeline '\(source)': version \(settings.version) is not one this build reads (1…\(Self.currentVersion))")
        }
        guard let featureObject = root["features"] else { throw AnomalyError("pipeline '\(source)': missing key 'features'") }
        do {
            features = try FeatureSpec(jsonObject: featureObject, source: source, keyPath: "features")
        } catch {
            throw AnomalyError(error.description)
        }
        self.url = url.standardizedFileURL
        name = settings.name
        description = settings.description ?? ""
        featureSpecID = Self.identity(of: features)
        scorer = settings.scorer
        gaussian = settings.gaussian
        autoencoder = settings.autoencoder
        learning = settings.learning
        alarm = settings.alarm
        statusEverySeconds = settings.statusEverySeconds
        try validate(source: source)
    }

    /// Values in one scorer frame (one feature-extractor input).
    public var frameLength: Int { features.inputShape.reduce(1, *) }

    /// The autoencoder model's path, resolved against the pipeline's directory.
    public var modelPath: String? {
        autoencoder.map { $0.model.hasPrefix("/") ? $0.model : url.deletingLastPathComponent().appendingPathComponent($0.model).path }
    }

    /// The identity of a spec (see `featureSpecID`).
    public static func identity(of spec: FeatureSpec) -> String {
        var object = spec.jsonObject
        object["name"] = nil
        object["description"] = nil
        let bytes = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return ContentIdentity.fnv1a64(bytes)
    }

    private func validate(source: String) throws(AnomalyError) {
        func fail(_ key: String, _ problem: String) -> AnomalyError { AnomalyError("pipeline '\(source)': \(key): \(problem)") }
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

    private static func checkKeys(_ root: [String: Any], source: String) throws(AnomalyError) {
        for (section, allowed) in allowedKeys {
            let object = section.isEmpty ? root : root[section] as? [String: Any]
            guard let object else { continue }
            if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
                let path = section.isEmpty ? unknown : "\(section).\(unknown)"
                throw AnomalyError("pipeline '\(source)': unknown key '\(path)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }
}
