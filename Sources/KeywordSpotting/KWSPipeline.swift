import Foundation
import TinyFeatures
import TinyPipeline

/// A keyword-spotting pipeline: `Pipelines/kws/pipeline.json` (or any file of this schema).
///
/// ```json
/// {"format": "tinyml-kws-pipeline", "version": 1,
///  "name": "kws-dscnn", "description": "…",
///  "features": { a FeatureSpec ("tinyml-feature-spec"), with its int8 "quantization" },
///  "labels": ["down", "go", …, "_silence_", "_unknown_"],      (the model's output order)
///  "backgroundLabels": ["_silence_", "_unknown_"],               (never reported)
///  "model": "kws_dscnn_int8.tflite",                            (relative to the pipeline file)
///  "modelInput": {"scale": 0.5847029, "zeroPoint": 83},
///  "streaming": {"strideSeconds": 0.2},
///  "smoothing": {"averageSeconds": 0.6, "threshold": 0.6, "suppressionSeconds": 1.0, "minimumCount": 2}}
/// ```
/// Checks when loading: unknown keys are errors; labels are unique and include every background
/// label; `modelInput` equals the feature spec's quantisation (the features are quantised once, for
/// this model); the stride is a positive whole number of feature hops; `smoothing` is in range
/// (`Smoothing.validate`). `KeywordClassifier` checks the model against the labels and `modelInput`.
public struct KWSPipeline: Sendable {
    public static let format = "tinyml-kws-pipeline"
    public static let currentVersion = 1

    public struct ModelInput: Codable, Sendable, Equatable {
        public var scale: Float
        public var zeroPoint: Int
    }

    public struct Streaming: Codable, Sendable, Equatable {
        public var strideSeconds: Double
    }

    struct Settings: Decodable {
        var name: String
        var description: String?
        var labels: [String]
        var backgroundLabels: [String]
        var model: String
        var modelInput: ModelInput
        var streaming: Streaming
        var smoothing: Smoothing
    }


    /// The pipeline file.
    public let url: URL
    public let name: String
    public let description: String
    public let features: FeatureSpec
    public let labels: [String]
    public let backgroundLabels: [String]
    /// The model's path, resolved against the pipeline file's directory (or as given, if absolute).
    public var modelPath: String
    public let modelInput: ModelInput
    /// Feature hops between consecutive streamed windows.
    public var strideFrames: Int
    public var smoothing: Smoothing

    /// Loads `path`: a pipeline.json, or a directory holding one.
    public init(path: String) throws(KWSError) { try self.init(.path(path)) }

    /// Reads pipeline JSON text; `url` is the file it came from (messages name it, the model is resolved against it).
    public init(jsonData data: Data, url: URL) throws(KWSError) { try self.init(.data(data, url: url)) }

    private init(_ source: PipelineDocument<FeatureSpec, Settings>.Source) throws(KWSError) {
        let document: PipelineDocument<FeatureSpec, Settings>
        do {
            document = try PipelineDocument(source, format: Self.format, versions: 1 ... Self.currentVersion)
        } catch {
            throw KWSError(error.description)
        }
        let settings = document.settings
        func fail(_ problem: String) -> KWSError { .pipeline(path: document.url.path, problem: problem) }
        features = document.features
        guard let q = features.quantization else { throw fail("features: the spec needs a quantization (the model input is int8)") }
        let m = settings.modelInput
        guard q.zeroPoint == m.zeroPoint, abs(q.scale - m.scale) <= 1e-6 * m.scale else {
            throw fail("modelInput (scale \(m.scale), zero point \(m.zeroPoint)) differs from the feature quantization (scale \(q.scale), zero point \(q.zeroPoint))")
        }
        guard !settings.labels.isEmpty, Set(settings.labels).count == settings.labels.count else {
            throw fail("labels must be a non-empty list of distinct names")
        }
        if let missing = settings.backgroundLabels.first(where: { !settings.labels.contains($0) }) {
            throw fail("background label '\(missing)' is not one of the labels")
        }
        guard settings.labels.contains(where: { !settings.backgroundLabels.contains($0) }) else {
            throw fail("every label is a background label: nothing could be reported")
        }
        let hopSeconds = Double(features.frontEnd.hop) / Double(features.sampleRate)
        let stride = try Self.strideFrames(seconds: settings.streaming.strideSeconds, hopSeconds: hopSeconds)
        do {
            try settings.smoothing.validate()
        } catch {
            throw fail(error.description)
        }
        url = document.url
        name = settings.name
        description = settings.description ?? ""
        labels = settings.labels
        backgroundLabels = settings.backgroundLabels
        modelInput = m
        strideFrames = stride
        smoothing = settings.smoothing
        modelPath = document.resolve(settings.model)
    }

    /// Seconds between streamed windows.
    public var strideSeconds: Double { Double(strideFrames * features.frontEnd.hop) / Double(features.sampleRate) }

    /// `keywords[c]`: class `c` is not a background label.
    public var keywords: [Bool] { labels.map { !backgroundLabels.contains($0) } }

    /// The decision path as the engine (host and device) runs it: the smoothing's seconds turned
    /// into windows of this stride — average `max(1, round(average / stride))` windows,
    /// suppression `⌈suppression / stride⌉` windows.
    public var engineConfiguration: KeywordSpottingConfiguration {
        let stride = strideSeconds
        return KeywordSpottingConfiguration(
            frontEnd: features.frontEnd, quantization: features.quantization!, keywords: keywords, strideFrames: strideFrames,
            averageCount: smoothing.averageCount(strideSeconds: stride), threshold: Float(smoothing.threshold),
            suppressionWindows: Int((smoothing.suppressionSeconds / stride).rounded(.up)), minimumCount: smoothing.minimumCount)
    }

    /// Replaces the given streaming and smoothing settings (nil: keep the file's) and checks them.
    public mutating func override(strideSeconds: Double? = nil, threshold: Double? = nil, averageSeconds: Double? = nil,
                                  suppressionSeconds: Double? = nil, minimumCount: Int? = nil) throws(KWSError) {
        if let strideSeconds {
            strideFrames = try Self.strideFrames(seconds: strideSeconds, hopSeconds: Double(features.frontEnd.hop) / Double(features.sampleRate))
        }
        if let threshold { smoothing.threshold = threshold }
        if let averageSeconds { smoothing.averageSeconds = averageSeconds }
        if let suppressionSeconds { smoothing.suppressionSeconds = suppressionSeconds }
        if let minimumCount { smoothing.minimumCount = minimumCount }
        try smoothing.validate()
    }

    static func strideFrames(seconds: Double, hopSeconds: Double) throws(KWSError) -> Int {
        let frames = (seconds / hopSeconds).rounded()
        guard seconds.isFinite, frames >= 1, abs(frames * hopSeconds - seconds) < 1e-6 else {
            throw KWSError("stride \(seconds) s is not a positive multiple of the feature hop (\(hopSeconds) s)")
        }
        return Int(frames)
    }
}
