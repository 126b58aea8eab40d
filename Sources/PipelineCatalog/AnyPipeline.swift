import Foundation
import GestureRecognition
import KeywordSpotting
import MotorAnomaly
import TinyFormats
import TinyPipeline
import WildlifeSounds

/// Any of the four pipeline files, loaded by its `"format"`: what `tinyml export --target image`,
/// the board reports and the device checks need without knowing which pipeline they hold — its
/// name, labels, input rate and sample format, model, the engine configuration (with a board's
/// overrides) and the device image.
public enum AnyPipeline {
    case keywordSpotting(KWSPipeline)
    case anomaly(AnomalyPipeline)
    case gesture(GesturePipeline)
    case wildlife(WildlifePipeline)

    /// Loads `path` (a pipeline.json or a directory holding one), dispatching on its `format`.
    public init(path: String) throws {
        // The file is read twice: once here for its format, then strictly by its pipeline type.
        var file = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            file = file.appendingPathComponent("pipeline.json")
        }
        let format: String
        do {
            format = try JSONReader(contentsOf: file.path).string("format")
        } catch {
            throw PipelineCatalogError.json(error)
        }
        switch format {
        case KWSPipeline.format: self = .keywordSpotting(try KWSPipeline(path: file.path))
        case AnomalyPipeline.format: self = .anomaly(try AnomalyPipeline(path: file.path))
        case GesturePipeline.format: self = .gesture(try GesturePipeline(path: file.path))
        case WildlifePipeline.format: self = .wildlife(try WildlifePipeline(path: file.path))
        default:
            throw PipelineCatalogError.unknownFormat(file: file.path, format: format, known: Self.formats)
        }
    }

    public static let formats = [KWSPipeline.format, AnomalyPipeline.format, GesturePipeline.format, WildlifePipeline.format]

    /// `kws`, `anomaly`, `gesture` or `wildlife`.
    public var kind: String {
        switch self {
        case .keywordSpotting: return "kws"
        case .anomaly: return "anomaly"
        case .gesture: return "gesture"
        case .wildlife: return "wildlife"
        }
    }

    public var name: String {
        switch self {
        case .keywordSpotting(let p): return p.name
        case .anomaly(let p): return p.name
        case .gesture(let p): return p.name
        case .wildlife(let p): return p.name
        }
    }

    /// The pipeline file.
    public var url: URL {
        switch self {
        case .keywordSpotting(let p): return p.url
        case .anomaly(let p): return p.url
        case .gesture(let p): return p.url
        case .wildlife(let p): return p.url
        }
    }

    /// Class labels in model output order (for anomaly: the alarm states, `normal` and `alarm`).
    public var labels: [String] {
        switch self {
        case .keywordSpotting(let p): return p.labels
        case .anomaly: return ["normal", "alarm"]
        case .gesture(let p): return p.labels
        case .wildlife(let p): return p.labels
        }
    }

    /// Input frames per second (the model rate for gestures).
    public var sampleRate: Int {
        switch self {
        case .keywordSpotting(let p): return p.features.sampleRate
        case .anomaly(let p): return p.features.sampleRate
        case .gesture(let p): return p.spec.sampleRate
        case .wildlife(let p): return p.features.sampleRate
        }
    }

    /// How a device's raw samples reach the engine: 16-bit audio (as a WAV file reads on the host),
    /// float32 sensor values in the units the pipeline learns or was trained in (g).
    public var sampleFormat: SampleFormat {
        switch self {
        case .keywordSpotting, .wildlife: return SampleFormat(encoding: .s16le, scale: 1.0 / 32768)
        case .anomaly, .gesture: return SampleFormat(encoding: .f32le, scale: 1)
        }
    }

    /// The int8 model file, or nil when the pipeline runs none (the Gaussian anomaly scorer).
    public var modelPath: String? {
        switch self {
        case .keywordSpotting(let p): return p.modelPath
        case .anomaly(let p): return p.scorer == .autoencoder ? p.modelPath : nil
        case .gesture(let p): return p.modelURL.path
        case .wildlife(let p): return p.modelPath
        }
    }

    /// The pipeline's own stride: seconds between model windows (KWS, gestures) or feature frames.
    public var strideSamples: Int { (try? configuration().hopSamples) ?? 0 }

    /// Settings a board may override, by kind (`overrides` of a deployment config).
    public var overridableKeys: [String] {
        switch self {
        case .keywordSpotting: return ["strideSeconds", "threshold", "averageSeconds", "suppressionSeconds", "minimumCount"]
        case .anomaly: return ["learningSeconds"]
        case .gesture, .wildlife: return []
        }
    }

    /// The pipeline with a board's overrides applied (unknown keys and bad values are errors).
    public func applying(_ overrides: [String: Double]) throws -> AnyPipeline {
        if let bad = overrides.keys.sorted().first(where: { !overridableKeys.contains($0) }) {
            throw PipelineCatalogError.unknownOverride(key: bad, kind: kind, allowed: overridableKeys)
        }
        switch self {
        case .keywordSpotting(var p):
            var count: Int?
            if let m = overrides["minimumCount"] {
                guard m == m.rounded(), m >= 1, m < 1e6 else { throw PipelineCatalogError.badOverride(key: "minimumCount", value: m, expected: "a whole number ≥ 1") }
                count = Int(m)
            }
            try p.override(strideSeconds: overrides["strideSeconds"], threshold: overrides["threshold"],
                           averageSeconds: overrides["averageSeconds"], suppressionSeconds: overrides["suppressionSeconds"],
                           minimumCount: count)
            return .keywordSpotting(p)
        case .anomaly(var p):
            if let s = overrides["learningSeconds"] {
                guard s > 0, s.isFinite else { throw PipelineCatalogError.badOverride(key: "learningSeconds", value: s, expected: "a positive number") }
                p.learning.seconds = s
            }
            return .anomaly(p)
        case .gesture, .wildlife:
            return self
        }
    }

    /// The decision path the device runs and `tinyml`'s image holds: for anomaly, as
    /// `anomaly-monitor stream` starts without options (the trained autoencoder threshold, or
    /// learning for `learning.seconds`).
    public func configuration() throws -> PipelineConfiguration {
        switch self {
        case .keywordSpotting(let p): return .keywordSpotting(p.engineConfiguration)
        case .anomaly(let p):
            let (calibration, _) = try AnomalyMonitor.calibration(p, start: AnomalyMonitor.defaultStart(p), modelID: nil)
            return .anomaly(try p.engineConfiguration(calibration: calibration))
        case .gesture(let p): return .gesture(p.engineConfiguration())
        case .wildlife(let p): return .wildlife(try p.engineConfiguration())
        }
    }

    /// The device image: configuration, labels, input and the model (`PipelineImage`), read back
    /// and checked before it is returned.
    public func image() throws -> [UInt8] {
        var model: [UInt8] = []
        if let path = modelPath {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineCatalogError.unreadableModel(path: path)
            }
            model = [UInt8](data)
        }
        let bytes = PipelineImage.encode(name: name, labels: labels, sampleRate: sampleRate, format: sampleFormat,
                                         configuration: try configuration(), model: model)
        try bytes.withUnsafeBytes { raw in _ = try PipelineImage(bytes: raw) }
        return bytes
    }
}

/// A pipeline file the catalog cannot use, as a case; `description` is one line.
public enum PipelineCatalogError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is unreadable, not JSON, or has no string `"format"`.
    case json(JSONError)
    /// A `"format"` none of the four pipelines has.
    case unknownFormat(file: String, format: String, known: [String])
    /// A board override the pipeline kind does not take.
    case unknownOverride(key: String, kind: String, allowed: [String])
    /// An override value out of its range.
    case badOverride(key: String, value: Double, expected: String)
    /// The model the pipeline names cannot be read.
    case unreadableModel(path: String)

    public var description: String {
        switch self {
        case .json(let e): return e.description
        case .unknownFormat(let file, let format, let known):
            return "'\(file)': unknown pipeline format '\(format)' (expected \(known.joined(separator: ", ")))"
        case .unknownOverride(let key, let kind, let allowed):
            return "override '\(key)' does not apply to a \(kind) pipeline (it takes: \(allowed.isEmpty ? "none" : allowed.joined(separator: ", ")))"
        case .badOverride(let key, let value, let expected): return "override \(key) must be \(expected) (got \(value))"
        case .unreadableModel(let path): return "cannot read the pipeline's model '\(path)'"
        }
    }
}
