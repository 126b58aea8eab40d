/// Turns a stream of per-inference class probabilities into gesture events.
///
/// For inference k with probabilities p_k (one per class, from the model's softmax):
/// - a_k = (1/N) · Σ_{j=k−N+1…k} p_j, the mean of the last N = `history` predictions (no decision
///   before N predictions exist);
/// - c = argmax over the gesture classes (every class except `negativeClass`) of a_k, ties to the
///   lowest index;
/// - an event (c, a_k[c]) fires iff a_k[c] ≥ `threshold`, the smoother is armed, and at least
///   `suppressionInferences` inferences have passed since the previous event;
/// - firing disarms; the smoother re-arms at the first inference whose gesture maxima all fall below
///   `rearm` (max over gestures of a_k < rearm); with `rearm == threshold` it re-arms at once, so
///   only the suppression spaces events (TFLM's behaviour).
///
/// Storage is allocated in `init`; `update` allocates nothing.
public struct PredictionSmoother {
    public let configuration: GestureSmoothing
    public let classCount: Int
    /// The class that never fires (the "no gesture" class), or nil when every class is a gesture.
    public let negativeClass: Int?

    /// The last `history` predictions, `classCount` values each, written round-robin.
    private var ring: [Float]
    private var filled = 0
    private var next = 0
    private var armed = true
    private var sinceEvent: Int

    public init(configuration: GestureSmoothing, classCount: Int, negativeClass: Int?) throws(PipelineError) {
        guard classCount >= 1 else { throw PipelineError("smoother needs at least one class") }
        if let n = negativeClass, !(0 ..< classCount).contains(n) {
            throw PipelineError("negative class \(n) is outside 0..<\(classCount)")
        }
        if classCount == 1 && negativeClass != nil { throw PipelineError("smoother needs at least one gesture class") }
        self.configuration = configuration
        self.classCount = classCount
        self.negativeClass = negativeClass
        ring = [Float](repeating: 0, count: configuration.history * classCount)
        sinceEvent = configuration.suppressionInferences
    }

    /// Adds one prediction (`probabilities.count == classCount`); returns the event it completes, if any.
    public mutating func update(_ probabilities: UnsafeBufferPointer<Float>) -> (classIndex: Int, confidence: Float)? {
        precondition(probabilities.count == classCount, "PredictionSmoother.update: \(probabilities.count) values for \(classCount) classes")
        let history = configuration.history
        let base = next * classCount
        for c in 0 ..< classCount { ring[base + c] = probabilities[c] }
        next = (next + 1) % history
        if filled < history { filled += 1 }
        if sinceEvent < Int.max { sinceEvent += 1 }
        guard filled == history else { return nil }

        // Recomputed from the ring each time (N × classes adds) so no rounding drifts over a long stream.
        var best = -1
        var bestValue: Float = -1
        for c in 0 ..< classCount where c != negativeClass {
            var sum: Float = 0
            for j in 0 ..< history { sum += ring[j * classCount + c] }
            let a = sum / Float(history)
            if a > bestValue { best = c; bestValue = a }
        }
        if !armed && (bestValue < configuration.rearm || configuration.rearm == configuration.threshold) { armed = true }
        guard armed, bestValue >= configuration.threshold, sinceEvent >= configuration.suppressionInferences else {
            return nil
        }
        armed = false
        sinceEvent = 0
        return (best, bestValue)
    }

    /// Forgets all history and re-arms (e.g. between files).
    public mutating func reset() {
        for i in ring.indices { ring[i] = 0 }
        filled = 0
        next = 0
        armed = true
        sinceEvent = configuration.suppressionInferences
    }
}
