import TinyDSP

/// Everything the keyword-spotting engine needs, in the form a device stores it: the front end,
/// the model input's quantisation, which classes are keywords, and the streaming and smoothing
/// rules already turned into whole windows (the host derives them from the pipeline file's
/// seconds, so the device does no rounding of its own).
///
/// A window is `frontEnd.windowSamples` samples (the clip, 1 s); consecutive windows start
/// `strideFrames` hops apart. `PosteriorSmoother` documents `averageCount`, `threshold`,
/// `suppressionWindows` and `minimumCount`.
public struct KeywordSpottingConfiguration: Sendable, Equatable {
    public var frontEnd: FrontEndConfiguration
    public var quantization: Int8Quantizer
    /// `keywords[c]`: class `c` may be reported (false for `_silence_`, `_unknown_`).
    public var keywords: [Bool]
    public var strideFrames: Int
    public var averageCount: Int
    public var threshold: Float
    public var suppressionWindows: Int
    public var minimumCount: Int

    public init(frontEnd: FrontEndConfiguration, quantization: Int8Quantizer, keywords: [Bool], strideFrames: Int,
                averageCount: Int, threshold: Float, suppressionWindows: Int, minimumCount: Int) {
        self.frontEnd = frontEnd
        self.quantization = quantization
        self.keywords = keywords
        self.strideFrames = strideFrames
        self.averageCount = averageCount
        self.threshold = threshold
        self.suppressionWindows = suppressionWindows
        self.minimumCount = minimumCount
    }

    /// Samples per window.
    public var windowSamples: Int { frontEnd.windowSamples }
    /// Samples between window starts.
    public var strideSamples: Int { strideFrames * frontEnd.hop }
    /// Zeros pushed before the stream: a whole number of strides, about half a window.
    public var leadSamples: Int { windowSamples / 2 / strideSamples * strideSamples }

    /// Checks every field; the error names it.
    public func validate() throws(PipelineError) {
        do { try frontEnd.validate() } catch { throw PipelineError("front end: \(error.description)") }
        guard keywords.contains(true) else { throw PipelineError("no class is a keyword: nothing could be reported") }
        guard strideFrames >= 1 else { throw PipelineError("the stride must be at least one hop (got \(strideFrames))") }
        guard averageCount >= 1, minimumCount >= 1, suppressionWindows >= 0 else {
            throw PipelineError("smoothing needs averageCount ≥ 1, minimumCount ≥ 1, suppression ≥ 0 windows "
                + "(got \(averageCount), \(minimumCount), \(suppressionWindows))")
        }
        guard threshold > 0, threshold <= 1 else { throw PipelineError("the smoothing threshold must lie in (0, 1] (got \(threshold))") }
    }
}
