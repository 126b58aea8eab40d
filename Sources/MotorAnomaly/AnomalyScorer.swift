/// Turns a stream of feature frames into anomaly scores (higher = less like normal).
///
/// Implementations: `BaselineScorer` (a Gaussian "normal" learned on the device) and
/// `AutoencoderScorer` (a pre-trained int8 autoencoder's reconstruction error). A scorer may need
/// several frames of context before its first score (`score` returns nil until then).
public protocol AnomalyScorer: AnyObject {
    /// Values in one feature frame.
    var frameLength: Int { get }
    /// Frames needed before the first score (1 when each frame is scored on its own).
    var contextFrames: Int { get }
    /// Whether `learn(_:)` fits anything (a pre-trained model does not; only its threshold is
    /// calibrated from the learning period).
    var learnsNormal: Bool { get }
    /// Scores the newest frame (with its context). Returns nil while fewer than `contextFrames`
    /// frames have been seen. Allocates nothing.
    func score(_ frame: UnsafeBufferPointer<Float>) throws(AnomalyError) -> Double?
    /// Adds a normal frame to what the scorer has learned (no-op when `learnsNormal` is false).
    func learn(_ frame: UnsafeBufferPointer<Float>)
    /// Starts a new signal: forgets the context frames (not what was learned).
    func resetContext()
}
