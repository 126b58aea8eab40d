import TinyDSP

/// One pipeline's decision path, whichever of the four it is: what `PipelineEngine` runs and a
/// `PipelineImage` stores.
public enum PipelineConfiguration: Sendable, Equatable {
    case keywordSpotting(KeywordSpottingConfiguration)
    case anomaly(AnomalyConfiguration)
    case gesture(GestureConfiguration)
    case wildlife(WildlifeConfiguration)

    /// The pipeline kind's name (`kws`, `anomaly`, `gesture`, `wildlife`).
    public var kindName: StaticString {
        switch self {
        case .keywordSpotting: return "kws"
        case .anomaly: return "anomaly"
        case .gesture: return "gesture"
        case .wildlife: return "wildlife"
        }
    }

    /// Classes the model scores (0 for an anomaly pipeline, which has none).
    public var classCount: Int {
        switch self {
        case .keywordSpotting(let c): return c.keywords.count
        case .anomaly: return 0
        case .gesture(let c): return c.classCount
        case .wildlife(let c): return c.classCount
        }
    }

    /// Values per input frame: the gesture channels, else 1 (mono audio or one vibration axis).
    public var channelCount: Int {
        if case .gesture(let c) = self { return c.channelCount }
        return 1
    }

    /// Whether the pipeline runs an int8 model (all but the Gaussian anomaly scorer).
    public var needsModel: Bool {
        if case .anomaly(let c) = self, case .gaussian = c.scorer { return false }
        return true
    }

    /// The front end's FFT size (nil for a gesture pipeline, which has no spectral front end).
    public var fftSize: Int? {
        switch self {
        case .keywordSpotting(let c): return c.frontEnd.fftSize
        case .anomaly(let c): return c.frontEnd.fftSize
        case .gesture: return nil
        case .wildlife(let c): return c.frontEnd.fftSize
        }
    }

    /// Input samples per hop (one inference's new samples for KWS and gestures, one frame for the
    /// others): the unit in which a device measures its real-time budget.
    public var hopSamples: Int {
        switch self {
        case .keywordSpotting(let c): return c.strideSamples
        case .anomaly(let c): return c.frontEnd.hop
        case .gesture(let c): return c.hop
        case .wildlife(let c): return c.frontEnd.hop
        }
    }

    /// Checks the configuration.
    public func validate() throws(PipelineError) {
        switch self {
        case .keywordSpotting(let c): try c.validate()
        case .anomaly(let c): try c.validate()
        case .gesture(let c): try c.validate()
        case .wildlife(let c): try c.validate()
        }
    }
}
