import TinyIO
import Foundation
import TinyDSP
import TinyFeatures
import TinyPipeline

/// The wildlife-sound pipeline: `Pipelines/wildlife/pipeline.json` (or any file of this schema).
///
/// ```json
/// {"format": "tinyml-wildlife-pipeline", "version": 1, "name": "…", "description": "…",
///  "features": { a FeatureSpec: log-mel (or log-spectrum) frames, framesPerInput = window },
///  "labels": ["cat", …], "model": "wildlife_cnn_int8.tflite",
///  "detector": { EventDetectorConfiguration }, "aggregation": { AggregationConfiguration }}
/// ```
/// The feature spec must be frame-local (no peak normalisation, no top-dB clamp, no DCT, no
/// stacking): the pipeline computes each log-mel frame once, feeds it to the always-on detector and
/// keeps it in a ring, and a classifier window is `framesPerInput` consecutive frames — exactly the
/// numbers `tinyml features` writes for training. `features.quantization` is the model input's
/// (the training script copies it from the converted model; `WindowClassifier` checks it).
public struct WildlifePipeline: Sendable {
    public static let format = "tinyml-wildlife-pipeline"
    public static let currentVersion = 1

    struct Settings: Decodable {
        var name: String
        var description: String?
        var labels: [String]
        var model: String
        var detector: EventDetectorConfiguration
        var aggregation: AggregationConfiguration
    }


    /// The pipeline file.
    public let url: URL
    public let name: String
    public let description: String
    /// The classifier's feature spec (`framesPerInput` frames per window).
    public let features: FeatureSpec
    /// The same front end cut to one frame per input: what the detector and the frame ring consume.
    public let frameSpec: FeatureSpec
    public let labels: [String]
    /// The int8 model, resolved against the pipeline file's directory.
    public let modelPath: String
    public var detector: EventDetectorConfiguration
    public var aggregation: AggregationConfiguration

    /// Loads `path`: a pipeline.json or a directory holding one.
    public init(path: String) throws(WildlifeError) {
        let document: PipelineDocument<FeatureSpec, Settings>
        do {
            document = try PipelineDocument(.path(path), format: Self.format, versions: 1 ... Self.currentVersion)
        } catch {
            throw WildlifeError(error.description)
        }
        let settings = document.settings
        url = document.url
        name = settings.name
        description = settings.description ?? ""
        features = document.features
        labels = settings.labels
        modelPath = document.resolve(settings.model)
        detector = settings.detector
        aggregation = settings.aggregation
        var frontEnd = features.frontEnd
        frontEnd.framesPerInput = 1
        frontEnd.clipSamples = nil
        do {
            frameSpec = try FeatureSpec(name: features.name + "-frames", summary: features.summary, frontEnd: frontEnd,
                                        quantization: nil)
        } catch {
            throw WildlifeError(error.description)
        }
        try validate()
    }

    /// Frames per classifier window.
    public var windowFrames: Int { features.frontEnd.framesPerInput }
    /// Values per frame (mel bands).
    public var bands: Int { features.frontEnd.coefficientCount }
    /// Seconds between frames.
    public var hopSeconds: Double { Double(features.frontEnd.hop) / Double(features.sampleRate) }

    /// A streaming extractor of `frameSpec`: one log-band frame per input.
    public func frameExtractor() throws(WildlifeError) -> FeatureExtractor {
        do {
            return try FeatureExtractor(spec: frameSpec, inputStride: 1)
        } catch {
            throw WildlifeError(error.description)
        }
    }

    /// Decibels per unit of the features' logarithm (ln: 10/ln 10; log₁₀: 10; dB: 1; amplitude dB: ½).
    public var decibelsPerUnit: Double {
        switch features.frontEnd.log?.base {
        case .natural?, nil: return 10 / log(10.0)
        case .ten?: return 10
        case .decibels?: return 1
        case .amplitudeDecibels?: return 0.5
        }
    }

    /// The decision path as the engine (host and device) runs it: the frame front end, the
    /// classifier window, the detector's parameters derived from its seconds.
    public func engineConfiguration() throws(WildlifeError) -> WildlifeConfiguration {
        guard let q = features.quantization else {
            throw WildlifeError.pipeline(path: url.path, key: "features.quantization", problem: "missing (the model input is int8)")
        }
        return WildlifeConfiguration(frontEnd: frameSpec.frontEnd, quantization: q, classCount: labels.count,
                              windowFrames: windowFrames,
                              detector: detector.parameters(hopSeconds: hopSeconds, decibelsPerUnit: decibelsPerUnit),
                              prerollFrames: aggregation.prerollFrames, eventHopFrames: aggregation.eventHopFrames,
                              topK: aggregation.topK)
    }

    private func validate() throws(WildlifeError) {
        func fail(_ key: String, _ problem: String) -> WildlifeError { .pipeline(path: url.path, key: key, problem: problem) }
        let f = features.frontEnd
        guard f.log != nil else { throw fail("features.log", "the detector needs log band energies (a log stage)") }
        guard f.cepstrum == nil else { throw fail("features.dct", "must be null: detector and classifier share log-band frames") }
        guard f.stack == 1 else { throw fail("features.stack", "must be 1: a window is consecutive frames") }
        guard !f.finishesPerWindow else {
            throw fail("features", "must be frame-local (no peak normalisation, no topDb): frames are computed once for detector and classifier")
        }
        if case .statistics = f.features { throw fail("features.features", "must be mel or spectrum bands") }
        guard !labels.isEmpty else { throw fail("labels", "must not be empty") }
        guard Set(labels).count == labels.count else { throw fail("labels", "must be distinct") }
        let d = detector
        for (key, v) in [("floorRiseSeconds", d.floorRiseSeconds), ("floorRiseInEventSeconds", d.floorRiseInEventSeconds),
                         ("floorFallSeconds", d.floorFallSeconds), ("hangoverSeconds", d.hangoverSeconds),
                         ("maximumEventSeconds", d.maximumEventSeconds)] where !(v > 0 && v.isFinite) {
            throw fail("detector.\(key)", "must be positive (got \(v))")
        }
        guard d.minimumEventSeconds >= 0, d.minimumEventSeconds < d.maximumEventSeconds else {
            throw fail("detector.minimumEventSeconds", "must lie in [0, maximumEventSeconds)")
        }
        guard d.floorMinimumDecibels.isFinite else { throw fail("detector.floorMinimumDecibels", "must be finite") }
        guard (1 ... bands).contains(d.loudestBands) else { throw fail("detector.loudestBands", "must lie in 1…\(bands)") }
        guard d.offsetDecibels > 0, d.offsetDecibels <= d.onsetDecibels, d.onsetDecibels.isFinite else {
            throw fail("detector", "need 0 < offsetDecibels ≤ onsetDecibels (got \(d.offsetDecibels), \(d.onsetDecibels))")
        }
        guard d.fluxDecibels > 0, d.fluxDecibels.isFinite else { throw fail("detector.fluxDecibels", "must be positive") }
        let a = aggregation
        guard (0 ..< windowFrames).contains(a.prerollFrames) else {
            throw fail("aggregation.prerollFrames", "must lie in 0…\(windowFrames - 1)")
        }
        guard a.eventHopFrames >= 1, a.clipHopFrames >= 1 else { throw fail("aggregation", "hops must be at least 1 frame") }
        guard (1 ... labels.count).contains(a.topK) else { throw fail("aggregation.topK", "must lie in 1…\(labels.count)") }
    }
}

extension WildlifePipeline {
    /// The source rates the pipeline accepts (see `InputRates`): 16,000–192,000 Hz for its
    /// 50–8000 Hz mel bands.
    public var inputRates: InputRates { InputRates(pipeline: "wildlife", frontEnd: features.frontEnd) }
}
