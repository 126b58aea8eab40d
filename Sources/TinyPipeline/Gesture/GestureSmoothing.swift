/// How per-inference class probabilities become gesture events (`PredictionSmoother`), as in TFLM's
/// magic-wand example: average the last predictions, compare with a threshold, then stay quiet for a
/// while.
///
/// - `history`: predictions averaged (N ≥ 1). No decision is made until N predictions exist.
/// - `threshold`: a gesture fires when its averaged probability is ≥ this (0 < threshold ≤ 1).
/// - `rearm`: after an event, no further event fires until every gesture's averaged probability has
///   fallen below this (0 ≤ rearm ≤ threshold), so one gesture passing through the sliding window
///   gives one event however long it stays visible. `rearm = threshold` disables the hysteresis.
/// - `suppressionInferences`: at least this many inferences separate two events (≥ 0).
public struct GestureSmoothing: Sendable, Equatable {
    public var history: Int
    public var threshold: Float
    public var rearm: Float
    public var suppressionInferences: Int

    public init(history: Int, threshold: Float, rearm: Float, suppressionInferences: Int) throws(PipelineError) {
        guard history >= 1 else { throw PipelineError("smoothing history must be ≥ 1 (got \(history))") }
        guard threshold > 0, threshold <= 1 else {
            throw PipelineError("smoothing threshold must be in (0, 1] (got \(threshold))")
        }
        guard rearm >= 0, rearm <= threshold else {
            throw PipelineError("smoothing rearm level must be in [0, threshold] (got \(rearm), threshold \(threshold))")
        }
        guard suppressionInferences >= 0 else {
            throw PipelineError("smoothing suppression must be ≥ 0 inferences (got \(suppressionInferences))")
        }
        self.history = history
        self.threshold = threshold
        self.rearm = rearm
        self.suppressionInferences = suppressionInferences
    }
}
