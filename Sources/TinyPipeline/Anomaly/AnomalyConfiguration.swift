import TinyDSP

/// Everything the anomaly engine needs, in the form a device stores it: the front end (one
/// feature frame per window), the scorer, how the threshold is obtained (learned on the device
/// over whole windows, or given) and the alarm hysteresis.
public struct AnomalyConfiguration: Sendable, Equatable {
    public enum Scorer: Sendable, Equatable {
        /// A Gaussian per feature learned on the device (`GaussianBaseline`).
        case gaussian(varianceFloor: Double)
        /// The pipeline's int8 autoencoder over `contextFrames` consecutive frames.
        case autoencoder(contextFrames: Int)
    }

    public var frontEnd: FrontEndConfiguration
    public var scorer: Scorer
    public var calibration: AnomalyDetector.Calibration
    public var raiseAfter: Int
    public var clearAfter: Int

    public init(frontEnd: FrontEndConfiguration, scorer: Scorer, calibration: AnomalyDetector.Calibration,
                raiseAfter: Int, clearAfter: Int) {
        self.frontEnd = frontEnd
        self.scorer = scorer
        self.calibration = calibration
        self.raiseAfter = raiseAfter
        self.clearAfter = clearAfter
    }

    /// Values in one scorer frame (one front-end input).
    public var frameLength: Int { frontEnd.framesPerInput * frontEnd.rowWidth }
    /// Samples per window.
    public var windowSamples: Int { frontEnd.windowSamples }

    /// Checks every field; the error names it.
    public func validate() throws(PipelineError) {
        do { try frontEnd.validate() } catch { throw PipelineError("front end: \(error.description)") }
        switch scorer {
        case .gaussian(let floor):
            guard floor > 0, floor.isFinite else { throw PipelineError("the variance floor must be positive (got \(floor))") }
        case .autoencoder(let context):
            guard context >= 1 else { throw PipelineError("the autoencoder needs at least one context frame (got \(context))") }
        }
        guard raiseAfter >= 1, clearAfter >= 1 else {
            throw PipelineError("alarm raiseAfter and clearAfter must be ≥ 1 (got \(raiseAfter), \(clearAfter))")
        }
    }
}
