import TinyFeatures

/// Streaming keyword spotting: samples in (any chunk sizes, mono at the pipeline's rate), keyword
/// detections out.
///
/// The stream is treated as if silence surrounded it: `P = ⌊(L/2) / S⌋ · S` zeros come first, so
/// window `w` covers stream samples `[w·S − P, w·S − P + L)` (`windowStart(w)`), with
/// `S = strideFrames · hop` and `L` the feature spec's clip (16,000 samples for 1 s); a word at the
/// very start is then seen by several windows, as one in the middle is. Feature frames are computed once by the streaming
/// `FeatureExtractor` and reused by every window that overlaps them; for the MLPerf front end's
/// `x / max(x)` the frames are kept as linear mel energies and each window applies its own peak
/// (a sliding maximum over hop-sized blocks) as a spectral factor before the logarithm — exact,
/// because every stage before the log is linear (`InputNormalization.peak`). Each window is
/// classified (`KeywordClassifier`) and smoothed (`PosteriorSmoother`).
///
/// End of stream (`finish`): zeros follow until the last window whose centre is at or before the
/// end of the audio, `w_last = ⌈(P + N − L/2) / S⌉` for `N` samples, is complete — so a keyword at
/// the very end, or in a clip as short as one window, is seen by as many windows as one in the
/// middle. Detection times are stream seconds (the padding excluded). After `init`, `process`
/// allocates nothing beyond the extractor's sample queue, which stays bounded by the chunk size.
public final class KeywordSpotter {
    public let pipeline: KWSPipeline
    public let classifier: KeywordClassifier
    public let extractor: FeatureExtractor
    private var smoother: PosteriorSmoother
    private var features: [Float]
    private var posteriors: [Float]
    private var samplesIn = 0
    private var zeros: [Float]
    /// Windows classified since `init`/`reset`.
    public private(set) var windows = 0

    public init(pipeline: KWSPipeline, classifier: KeywordClassifier) throws(KWSError) {
        self.pipeline = pipeline
        self.classifier = classifier
        do {
            extractor = try FeatureExtractor(spec: pipeline.features, inputStride: pipeline.strideFrames)
        } catch {
            throw KWSError(error.description)
        }
        let s = pipeline.smoothing
        let stride = pipeline.strideSeconds
        smoother = PosteriorSmoother(keywords: pipeline.keywords, averageCount: s.averageCount(strideSeconds: stride),
                                     threshold: Float(s.threshold),
                                     suppressionWindows: Int((s.suppressionSeconds / stride).rounded(.up)),
                                     minimumCount: s.minimumCount)
        features = [Float](repeating: 0, count: extractor.inputCount)
        posteriors = [Float](repeating: 0, count: classifier.classCount)
        zeros = [Float](repeating: 0, count: pipeline.features.frontEnd.hop)
        let strideSamples = pipeline.strideFrames * pipeline.features.frontEnd.hop
        leadSamples = pipeline.features.clipSamples / 2 / strideSamples * strideSamples
        pushLead()
    }

    /// Zeros before the stream (a whole number of strides, about half a window).
    public let leadSamples: Int

    /// First stream sample of window `w` (negative while the window reaches into the lead).
    public func windowStart(_ w: Int) -> Int { w * strideSamples - leadSamples }

    /// Samples between window starts.
    public var strideSamples: Int { pipeline.strideFrames * pipeline.features.frontEnd.hop }
    /// Samples per window.
    public var windowSamples: Int { pipeline.features.clipSamples }
    /// Samples consumed since `init`/`reset`.
    public var samplesProcessed: Int { samplesIn }

    /// Feeds samples; calls `onDetection` for each detection, in order, and `onWindow` (if given)
    /// with each window's index and posteriors.
    public func process(_ samples: UnsafeBufferPointer<Float>, onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil,
                        onDetection: (Detection) -> Void) {
        samplesIn += samples.count
        extractor.push(samples)
        drain(onWindow: onWindow, onDetection: onDetection)
    }

    public func process(_ samples: [Float], onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil,
                        onDetection: (Detection) -> Void) {
        samples.withUnsafeBufferPointer { process($0, onWindow: onWindow, onDetection: onDetection) }
    }

    /// Ends the stream: trailing zeros until the last window centred on the audio is complete (see
    /// the type's documentation), reporting what that finds.
    public func finish(onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil, onDetection: (Detection) -> Void) {
        guard samplesIn > 0 else { return }
        let end = leadSamples + samplesIn
        let last = max(0, (end - windowSamples / 2 + strideSamples - 1) / strideSamples)
        var missing = last * strideSamples + windowSamples - end
        guard windows <= last, missing > 0 else { return }
        zeros.withUnsafeBufferPointer { z in
            while missing > 0 {
                let n = min(missing, z.count)
                extractor.push(UnsafeBufferPointer(rebasing: z[..<n]))
                missing -= n
                drain(onWindow: onWindow, onDetection: onDetection)
            }
        }
    }

    /// Starts a new stream.
    public func reset() {
        extractor.reset()
        smoother.reset()
        samplesIn = 0
        windows = 0
        pushLead()
    }

    private func pushLead() {
        var lead = leadSamples
        zeros.withUnsafeBufferPointer { z in
            while lead > 0 {
                let n = min(lead, z.count)
                extractor.push(UnsafeBufferPointer(rebasing: z[..<n]))
                lead -= n
            }
        }
    }

    private func drain(onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)?, onDetection: (Detection) -> Void) {
        let rate = Double(pipeline.features.sampleRate)
        while features.withUnsafeMutableBufferPointer({ extractor.popInput(into: $0.baseAddress!) }) {
            features.withUnsafeBufferPointer { f in
                posteriors.withUnsafeMutableBufferPointer { p in classifier.classify(f.baseAddress!, into: p.baseAddress!) }
            }
            let w = windows
            windows += 1
            if let onWindow { posteriors.withUnsafeBufferPointer { onWindow(w, $0) } }
            let fired = posteriors.withUnsafeBufferPointer { smoother.observe($0.baseAddress!) }
            if let f = fired {
                let centre = Double(windowStart(f.peakWindow) + windowSamples / 2) / rate
                onDetection(Detection(classIndex: f.classIndex, label: pipeline.labels[f.classIndex], time: centre,
                                      confidence: Double(f.confidence), window: f.window))
            }
        }
    }
}
