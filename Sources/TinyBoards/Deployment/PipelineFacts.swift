import Foundation
import TinyFormats
import PipelineCatalog

/// What a pipeline file says about its input stream and model, with a board's overrides applied:
/// the one home of these facts for every board config beside it (`Pipelines/<p>/pipeline.json`;
/// a deployment config names the pipeline and holds only what differs on its board).
///
/// - `model`: the int8 model the pipeline names (an anomaly pipeline's autoencoder even when its
///   scorer is the Gaussian one; `modelInImage` then says the device image carries none).
/// - `windowSamples`: samples one model input covers (KWS clip, anomaly frame, gesture window,
///   wildlife classifier window of `windowFrames` frames).
/// - `strideSamples`: new samples between two model runs (KWS and gesture stride, anomaly frame
///   hop, wildlife event hop of `eventHopFrames` frames).
/// - `hopSamples`: the unit of the device's real-time budget (`PipelineConfiguration.hopSamples`:
///   one inference stride for KWS and gestures, one front-end frame for anomaly and wildlife).
public struct PipelineFacts: Sendable, Equatable {
    public let file: String
    public let kind: String
    /// Absolute path of the model file, or nil when the pipeline names none.
    public let model: String?
    public let modelInImage: Bool
    public let sampleRateHz: Double
    public let windowSamples: Int
    public let strideSamples: Int
    public let hopSamples: Int
    /// The keys a board's `overrides` may set.
    public let overridableKeys: [String]

    public init(file: String, kind: String, model: String?, modelInImage: Bool, sampleRateHz: Double,
                windowSamples: Int, strideSamples: Int, hopSamples: Int, overridableKeys: [String]) {
        self.file = file
        self.kind = kind
        self.model = model
        self.modelInImage = modelInImage
        self.sampleRateHz = sampleRateHz
        self.windowSamples = windowSamples
        self.strideSamples = strideSamples
        self.hopSamples = hopSamples
        self.overridableKeys = overridableKeys
    }

    /// Loads `path` (a pipeline.json) and applies `overrides`: an override the pipeline does not
    /// take or a bad value throws one line naming `configFile` and its key `overrides`; a bad
    /// pipeline file one line naming `displayName`.
    public init(pipelineAt path: String, displayName: String, overrides: [String: Double],
                configFile: String) throws(ConfigError) {
        do {
            let base = try AnyPipeline(path: path)
            let pipeline: AnyPipeline
            do { pipeline = try base.applying(overrides) } catch let error as PipelineCatalogError {
                throw ConfigError.json(.invalid(file: configFile, key: "overrides", problem: error.description))
            }
            let configuration = try pipeline.configuration()
            let window: Int, stride: Int
            switch configuration {
            case .keywordSpotting(let c): (window, stride) = (c.windowSamples, c.strideSamples)
            case .anomaly(let c): (window, stride) = (c.windowSamples, c.frontEnd.hop)
            case .gesture(let c): (window, stride) = (c.windowLength, c.hop)
            case .wildlife(let c):
                (window, stride) = ((c.windowFrames - 1) * c.frontEnd.hop + c.frontEnd.frameLength, c.eventHopFrames * c.frontEnd.hop)
            }
            var model = pipeline.modelPath
            if model == nil, case .anomaly(let p) = pipeline { model = p.modelPath }
            self.init(file: displayName, kind: pipeline.kind, model: model.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                      modelInImage: pipeline.modelPath != nil, sampleRateHz: Double(pipeline.sampleRate), windowSamples: window,
                      strideSamples: stride, hopSamples: configuration.hopSamples, overridableKeys: base.overridableKeys)
        } catch let error as ConfigError {
            throw error
        } catch let error as PipelineCatalogError {
            throw ConfigError.pipeline(file: displayName, problem: error.description)
        } catch {
            throw ConfigError.pipeline(file: displayName, problem: "\(error)")
        }
    }
}
