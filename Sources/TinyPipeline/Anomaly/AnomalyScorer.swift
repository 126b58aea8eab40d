/// Turns a stream of feature frames into anomaly scores (higher = less like normal): a Gaussian
/// "normal" learned on the device (`BaselineScorer`) or a pre-trained int8 autoencoder's
/// reconstruction error (`AutoencoderScorer`). An enum rather than a protocol existential, so the
/// firmware (Embedded Swift) runs the same dispatch as the host.
public enum AnomalyScorer {
    case gaussian(BaselineScorer)
    case autoencoder(AutoencoderScorer)

    /// Values in one feature frame.
    public var frameLength: Int {
        switch self {
        case .gaussian(let s): return s.frameLength
        case .autoencoder(let s): return s.frameLength
        }
    }

    /// Frames needed before the first score (1 when each frame is scored on its own).
    public var contextFrames: Int {
        switch self {
        case .gaussian: return 1
        case .autoencoder(let s): return s.contextFrames
        }
    }

    /// Whether `learn(_:)` fits anything (a pre-trained model does not; only its threshold is
    /// calibrated from the learning period).
    public var learnsNormal: Bool {
        switch self {
        case .gaussian: return true
        case .autoencoder: return false
        }
    }

    /// Scores the newest frame (with its context); nil while fewer than `contextFrames` frames were
    /// seen. Allocates nothing.
    public func score(_ frame: UnsafeBufferPointer<Float>) throws(PipelineError) -> Double? {
        switch self {
        case .gaussian(let s): return try s.score(frame)
        case .autoencoder(let s): return s.score(frame)
        }
    }

    /// Adds a normal frame to what the scorer has learned (nothing for the autoencoder).
    public func learn(_ frame: UnsafeBufferPointer<Float>) {
        if case .gaussian(let s) = self { s.learn(frame) }
    }

    /// Starts a new signal: forgets the context frames (not what was learned).
    public func resetContext() {
        if case .autoencoder(let s) = self { s.resetContext() }
    }
}
