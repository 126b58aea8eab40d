import TinyPipeline
import Foundation

/// A saved "normal" baseline: what `anomaly-monitor stream --save-baseline FILE` learned, loaded
/// again with `--baseline FILE` to monitor without a learning period. JSON, versioned:
///
/// ```json
/// {"format": "tinyml-anomaly-baseline", "version": 1,
///  "feature_spec_id": "sha256:…", "frame_length": 48, "scorer": "gaussian",
///  "model_id": null, "count": 70, "variance_floor": 0.0001, "mean": […], "m2": […],
///  "threshold": {"rule": "mean+k*sigma", "k": 4, "value": 2.08, "calibration_windows": 35,
///                "score_mean": 1.09, "score_sigma": 0.25, "score_max": 1.84}}
/// ```
/// - `feature_spec_id` is the `SHA256.identity` of the pipeline's feature spec: a baseline learned
///   with other features (bands, window, rate) is refused, never silently misapplied.
/// - `scorer` is `gaussian` (then `count`, `variance_floor`, `mean`, `m2` hold `FeatureMoments`;
///   the variance of dimension d is m2[d] / (count − 1)) or `autoencoder` (then `model_id` is the
///   model's `SHA256.identity` and only the threshold is stored).
/// - Doubles are written in shortest round-trip form, so save → load is exact.
/// Readers refuse other formats and versions newer than `currentVersion`.
public struct BaselineFile: Codable, Sendable, Equatable {
    public static let format = "tinyml-anomaly-baseline"
    public static let currentVersion = 1

    public struct Threshold: Codable, Sendable, Equatable {
        public var rule: String
        public var k: Double
        public var value: Double
        public var calibrationWindows: Int
        public var scoreMean: Double
        public var scoreSigma: Double
        public var scoreMax: Double

        enum CodingKeys: String, CodingKey {
            case rule, k, value
            case calibrationWindows = "calibration_windows"
            case scoreMean = "score_mean", scoreSigma = "score_sigma", scoreMax = "score_max"
        }

        /// The threshold of a finished `ThresholdCalibration` (nil if it saw too few scores).
        public init?(_ calibration: ThresholdCalibration) {
            guard let value = calibration.threshold else { return nil }
            rule = "mean+k*sigma"
            k = calibration.k
            self.value = value
            calibrationWindows = calibration.scores.count
            scoreMean = calibration.scores.mean
            scoreSigma = calibration.scores.standardDeviation
            scoreMax = calibration.scores.maximum
        }
    }

    public var format: String
    public var version: Int
    public var featureSpecID: String
    public var frameLength: Int
    public var scorer: String
    public var modelID: String?
    public var count: Int?
    public var varianceFloor: Double?
    public var mean: [Double]?
    public var m2: [Double]?
    public var threshold: Threshold

    enum CodingKeys: String, CodingKey {
        case format, version, scorer, count, mean, m2, threshold
        case featureSpecID = "feature_spec_id", frameLength = "frame_length", modelID = "model_id"
        case varianceFloor = "variance_floor"
    }

    /// A Gaussian baseline and its calibrated threshold.
    public init(featureSpecID: String, baseline: GaussianBaseline, threshold: Threshold) {
        format = Self.format
        version = Self.currentVersion
        self.featureSpecID = featureSpecID
        frameLength = baseline.dimension
        scorer = "gaussian"
        count = baseline.count
        varianceFloor = baseline.varianceFloor
        mean = baseline.moments.mean
        m2 = baseline.moments.m2
        self.threshold = threshold
    }

    /// A pre-trained model's threshold, calibrated on this machine.
    public init(featureSpecID: String, frameLength: Int, modelID: String, threshold: Threshold) {
        format = Self.format
        version = Self.currentVersion
        self.featureSpecID = featureSpecID
        self.frameLength = frameLength
        scorer = "autoencoder"
        self.modelID = modelID
        self.threshold = threshold
    }

    /// Reads and validates a baseline file (format, version, internal consistency).
    public static func load(_ path: String) throws(AnomalyError) -> BaselineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnomalyError("cannot read baseline file '\(path)'")
        }
        let file: BaselineFile
        do {
            file = try JSONDecoder().decode(BaselineFile.self, from: data)
        } catch {
            throw AnomalyError("'\(path)' is not a baseline file (\(Self.jsonProblem(error)))")
        }
        try file.validate(path: path)
        return file
    }

    /// Writes the file as pretty-printed JSON with sorted keys.
    public func save(_ path: String) throws(AnomalyError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(self).write(to: URL(fileURLWithPath: path))
        } catch {
            throw AnomalyError("cannot write baseline file '\(path)': \(error.localizedDescription)")
        }
    }

    func validate(path: String) throws(AnomalyError) {
        guard format == Self.format else {
            throw AnomalyError("'\(path)' has format '\(format)', not '\(Self.format)'")
        }
        guard version >= 1, version <= Self.currentVersion else {
            throw AnomalyError("'\(path)' is baseline format version \(version); this tool reads versions 1 to \(Self.currentVersion)")
        }
        guard frameLength > 0, threshold.value.isFinite else {
            throw AnomalyError("'\(path)': frame length and threshold must be positive and finite")
        }
        switch scorer {
        case "gaussian":
            guard let count, let mean, let m2, let varianceFloor, count >= 2, varianceFloor > 0,
                  mean.count == frameLength, m2.count == frameLength,
                  mean.allSatisfy(\.isFinite), m2.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw AnomalyError("'\(path)': a gaussian baseline needs count ≥ 2, a positive variance_floor, "
                    + "and \(frameLength) finite mean and non-negative m2 values")
            }
        case "autoencoder":
            guard modelID != nil else { throw AnomalyError("'\(path)': an autoencoder baseline needs model_id") }
        default:
            throw AnomalyError("'\(path)': unknown scorer '\(scorer)' (expected gaussian or autoencoder)")
        }
    }

    /// The learned Gaussian baseline (gaussian files only; `load` validated the fields).
    public var gaussianBaseline: GaussianBaseline? {
        guard scorer == "gaussian", let count, let mean, let m2, let varianceFloor else { return nil }
        return GaussianBaseline(moments: FeatureMoments(count: count, mean: mean, m2: m2), varianceFloor: varianceFloor)
    }

    /// A one-line reason from a JSON decoding error.
    static func jsonProblem(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: return "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let c)?, .valueNotFound(_, let c)?, .dataCorrupted(let c)?:
            let path = c.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "invalid JSON" : "bad value at '\(path)'"
        default: return "invalid JSON"
        }
    }
}

extension BaselineFile {
    /// Refuses a baseline learned with other features, another frame length, another scorer kind
    /// or another model than the pipeline in use.
    public func requireCompatible(featureSpecID: String, frameLength: Int, scorer: String, modelID: String?,
                                  path: String) throws(AnomalyError) {
        guard self.featureSpecID == featureSpecID else {
            throw AnomalyError("baseline '\(path)' was learned with feature spec \(self.featureSpecID), but this pipeline's "
                + "feature spec is \(featureSpecID); learn a new baseline with --learn")
        }
        guard self.frameLength == frameLength else {
            throw AnomalyError("baseline '\(path)' has \(self.frameLength) features per frame; this pipeline makes \(frameLength)")
        }
        guard self.scorer == scorer else {
            throw AnomalyError("baseline '\(path)' is for the \(self.scorer) scorer; this pipeline uses \(scorer)")
        }
        guard self.modelID == modelID else {
            throw AnomalyError("baseline '\(path)' was calibrated for model \(self.modelID ?? "none"), not \(modelID ?? "none")")
        }
    }
}
