/// Scores each feature frame against a `GaussianBaseline` learned on the device (mean squared
/// z-score, see `GaussianBaseline`). Learning updates the baseline and refreshes its scoring
/// constants at once (O(D) per frame), so test-then-learn calibration sees the latest statistics.
public final class BaselineScorer {
    public private(set) var baseline: GaussianBaseline

    public init(baseline: GaussianBaseline) { self.baseline = baseline }

    public var frameLength: Int { baseline.dimension }

    public func score(_ frame: UnsafeBufferPointer<Float>) throws(PipelineError) -> Double? {
        if baseline.count < 2 {
            throw PipelineError("the baseline has learned \(baseline.count) window(s); it needs at least 2 to score")
        }
        return baseline.score(frame)
    }

    public func learn(_ frame: UnsafeBufferPointer<Float>) {
        baseline.learn(frame)
        baseline.refresh()
    }
}
