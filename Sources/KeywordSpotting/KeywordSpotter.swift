import TinyDSP
import TinyFeatures
import TinyPipeline

/// Streaming keyword spotting on the host: samples in (any chunk sizes, mono at the pipeline's
/// rate), keyword detections out — TinyPipeline's `KeywordEngine` (the code the firmware runs too)
/// over the pipeline's configuration (`KWSPipeline.engineConfiguration`), with the host's FFT
/// (FFTW, or the device's portable FFT for results equal to a device's bit for bit).
///
/// `KeywordEngine` documents the windows: `P = ⌊(L/2) / S⌋ · S` zeros lead the stream, window `w`
/// covers samples `[w·S − P, w·S − P + L)`, and `finish` completes the last window centred on the
/// audio. Detection times are stream seconds (the padding excluded). After `init`, `process`
/// allocates nothing.
public final class KeywordSpotter {
    public let pipeline: KWSPipeline
    public let classifier: KeywordClassifier
    public let engine: KeywordEngine<FeatureFFT>

    public init(pipeline: KWSPipeline, classifier: KeywordClassifier, fft: FeatureFFT.Backend = .fftw) throws(KWSError) {
        self.pipeline = pipeline
        self.classifier = classifier
        do {
            engine = try KeywordEngine(configuration: pipeline.engineConfiguration, interpreter: classifier.session.interpreter,
                                       fft: try FeatureFFT(fft, size: pipeline.features.frontEnd.fftSize))
        } catch {
            throw KWSError("\(error)")
        }
    }

    /// Zeros before the stream (a whole number of strides, about half a window).
    public var leadSamples: Int { engine.leadSamples }
    /// First stream sample of window `w` (negative while the window reaches into the lead).
    public func windowStart(_ w: Int) -> Int { engine.windowStart(w) }
    /// Samples between window starts.
    public var strideSamples: Int { engine.strideSamples }
    /// Samples per window.
    public var windowSamples: Int { engine.windowSamples }
    /// Samples consumed since `init`/`reset`.
    public var samplesProcessed: Int { engine.samplesProcessed }
    /// Windows classified since `init`/`reset`.
    public var windows: Int { engine.windows }

    /// The host form of an engine detection.
    public func detection(_ e: PipelineEvent) -> Detection {
        Detection(classIndex: e.label, label: pipeline.labels[e.label], time: Double(e.sample) / Double(pipeline.features.sampleRate),
                  confidence: Double(e.confidence), window: e.index, sample: e.sample, confidenceBits: e.confidence.bitPattern)
    }

    /// Feeds samples; calls `onDetection` for each detection, in order, and `onWindow` (if given)
    /// with each window's index and posteriors. A sample that is not finite is an error (it would
    /// poison a whole second of features) and nothing of the chunk is used.
    public func process(_ samples: UnsafeBufferPointer<Float>, onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil,
                        onDetection: (Detection) -> Void) throws(KWSError) {
        engine.reportsWindows = onWindow != nil
        do {
            try engine.push(samples) { handle($0, onWindow, onDetection) }
        } catch {
            throw KWSError(error.description)
        }
    }

    public func process(_ samples: [Float], onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil,
                        onDetection: (Detection) -> Void) throws(KWSError) {
        try samples.withUnsafeBufferPointer { (p) throws(KWSError) in try process(p, onWindow: onWindow, onDetection: onDetection) }
    }

    /// Ends the stream: trailing zeros until the last window centred on the audio is complete,
    /// reporting what that finds.
    public func finish(onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil, onDetection: (Detection) -> Void) {
        engine.reportsWindows = onWindow != nil
        engine.finish { handle($0, onWindow, onDetection) }
    }

    /// Starts a new stream.
    public func reset() { engine.reset() }

    private func handle(_ e: PipelineEvent, _ onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)?,
                        _ onDetection: (Detection) -> Void) {
        switch e.kind {
        case .window: onWindow?(e.index, engine.posteriors)
        case .detection: onDetection(detection(e))
        default: break
        }
    }
}
