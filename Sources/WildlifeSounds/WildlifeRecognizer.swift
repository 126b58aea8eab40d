import Foundation
import TinyFeatures
import TinyPipeline

/// The streaming wildlife pipeline for one recording on the host: samples in (any chunk sizes, at
/// the feature spec's rate), classified events out, in time order — TinyPipeline's
/// `WildlifeEngine` (always-on log-mel front end and event detector gating the int8 classifier:
/// the code the firmware runs) over the pipeline's configuration, with the host's FFT (FFTW, or
/// the device's portable FFT for results equal to a device's bit for bit). `WildlifeEngine`
/// documents where windows go and how events are reported.
public final class WildlifeRecognizer {
    public let pipeline: WildlifePipeline
    public let classifier: WindowClassifier
    public let engine: WildlifeEngine<FeatureFFT>
    private var finished = false

    public init(pipeline p: WildlifePipeline, classifier: WindowClassifier, fft: FeatureFFT.Backend = .fftw) throws(WildlifeError) {
        pipeline = p
        self.classifier = classifier
        do {
            engine = try WildlifeEngine(configuration: try p.engineConfiguration(), interpreter: classifier.session.interpreter,
                                        fft: try FeatureFFT(fft, size: p.features.frontEnd.fftSize))
        } catch let e as WildlifeError {
            throw e
        } catch {
            throw WildlifeError("pipeline '\(p.url.path)': \(error)")
        }
    }

    /// Takes the next samples; returns the events completed by them. A NaN or infinite sample is an
    /// error (nothing of this chunk is used).
    public func push(_ chunk: UnsafeBufferPointer<Float>) throws(WildlifeError) -> [RecognizedEvent] {
        precondition(!finished, "WildlifeRecognizer: push after finish")
        for (i, v) in chunk.enumerated() where !v.isFinite {
            let sample = engine.samplesProcessed + i
            throw WildlifeError("sample \(sample) (\(String(format: "%.3f", Double(sample) / Double(pipeline.features.sampleRate))) s) is \(v)")
        }
        var out: [RecognizedEvent] = []
        do {
            try engine.push(chunk) { out.append(event($0)) }
        } catch {
            throw WildlifeError(error.description)
        }
        return out
    }

    public func push(_ chunk: [Float]) throws(WildlifeError) -> [RecognizedEvent] {
        try chunk.withUnsafeBufferPointer { c throws(WildlifeError) in try push(c) }
    }

    /// Ends the recording: closes an open event, completes pending windows, returns the last events.
    public func finish() -> [RecognizedEvent] {
        guard !finished else { return [] }
        finished = true
        var out: [RecognizedEvent] = []
        engine.finish { out.append(event($0)) }
        return out
    }

    /// The duty-cycle summary so far (final after `finish`).
    public var summary: RecognitionSummary {
        RecognitionSummary(samples: engine.samplesProcessed, seconds: Double(engine.samplesProcessed) / Double(pipeline.features.sampleRate),
                           frames: engine.frames, events: engine.eventsReported, inferences: engine.classifier.inferences,
                           alwaysOnInferences: engine.alwaysOnInferences, classifiedFrames: engine.classifiedFrames)
    }

    /// The host form of the engine's event being reported.
    private func event(_ e: PipelineEvent) -> RecognizedEvent {
        let f = pipeline.features.frontEnd
        let rate = Double(f.sampleRate), hop = Double(f.hop), centre = Double(f.frameLength) / 2
        let frames = engine.lastEvent, scores = engine.lastScores
        let duration = Double(engine.samplesProcessed) / rate
        return RecognizedEvent(
            startFrame: frames.startFrame, endFrame: frames.endFrame,
            startSeconds: max(0, (Double(frames.startFrame) * hop + centre - hop / 2) / rate),
            endSeconds: min(duration, (Double(frames.endFrame) * hop + centre + hop / 2) / rate),
            windows: scores.windows,
            top: scores.top(pipeline.aggregation.topK).map { LabelScore(label: pipeline.labels[$0.index], score: $0.score) },
            sample: e.sample, startSample: e.start, confidenceBits: e.confidence.bitPattern)
    }
}
