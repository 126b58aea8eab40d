/// Streaming gesture recognition at the model's sample rate: a sliding window over the last
/// `windowLength` samples, one inference every `hop` samples, `PredictionSmoother` on top.
///
/// Contract:
/// - `push` takes one sample of `axisCount` values, already in the front end's units and at the
///   model's rate (`GestureFrontEnd` does units and resampling).
/// - The window is primed with the first sample repeated, as if the device had been held still
///   before the stream started (the training windows are padded the same way), so the first
///   inference runs after `hop` samples rather than after a whole window.
/// - Inference runs when the number of samples pushed is a multiple of `hop`; its window ends at
///   that sample (time = samples / rate).
/// - `finish` extends the stream by holding the last sample for `history × hop` samples, so a
///   gesture that ends the recording is still seen by `history` complete windows; events found
///   there are reported at the end of the real input.
///
/// All buffers are allocated in `init`; `push` allocates only when it returns an event.
public final class GestureRecognizer {
    public let classifier: GestureClassifier
    public let labels: [String]
    public let sampleRate: Double
    public let hop: Int
    private(set) public var smoother: PredictionSmoother

    /// Samples pushed so far (model rate), not counting `finish`'s padding.
    public private(set) var sampleCount = 0
    private var ring: [Float]
    private var head = 0
    private var window: [Float]
    private var probabilities: [Float]
    private var last: [Float]
    private var pushed = 0

    public init(classifier: GestureClassifier, labels: [String], negativeClass: Int?, sampleRate: Double, hop: Int,
                smoothing: SmoothingConfiguration) throws(GestureError) {
        guard labels.count == classifier.classCount else {
            throw GestureError("\(labels.count) labels for a model with \(classifier.classCount) outputs")
        }
        guard hop >= 1 else { throw GestureError("hop must be ≥ 1 sample (got \(hop))") }
        guard sampleRate > 0 else { throw GestureError("sample rate must be positive (got \(sampleRate))") }
        self.classifier = classifier
        self.labels = labels
        self.sampleRate = sampleRate
        self.hop = hop
        smoother = try PredictionSmoother(configuration: smoothing, classCount: labels.count, negativeClass: negativeClass)
        let size = classifier.windowLength * classifier.axisCount
        ring = [Float](repeating: 0, count: size)
        window = [Float](repeating: 0, count: size)
        probabilities = [Float](repeating: 0, count: labels.count)
        last = [Float](repeating: 0, count: classifier.axisCount)
    }

    public var axisCount: Int { classifier.axisCount }
    public var windowLength: Int { classifier.windowLength }

    /// Adds one sample (`axisCount` values); returns the gesture it completes, if any.
    public func push(_ sample: UnsafeBufferPointer<Float>) -> GestureDetection? {
        precondition(sample.count == axisCount, "GestureRecognizer.push: \(sample.count) values, expected \(axisCount)")
        sampleCount += 1
        return append(sample, reportedAt: sampleCount)
    }

    /// Array convenience for `push(_:)`.
    public func push(_ sample: [Float]) -> GestureDetection? {
        sample.withUnsafeBufferPointer { push($0) }
    }

    /// Ends the stream (see the type's contract); returns the events the padding completes.
    public func finish() -> [GestureDetection] {
        guard pushed > 0 else { return [] }
        var events: [GestureDetection] = []
        let hold = last
        for _ in 0 ..< smoother.configuration.history * hop {
            if let e = hold.withUnsafeBufferPointer({ append($0, reportedAt: sampleCount) }) { events.append(e) }
        }
        return events
    }

    private func append(_ sample: UnsafeBufferPointer<Float>, reportedAt index: Int) -> GestureDetection? {
        let a = axisCount
        if pushed == 0 {
            for t in 0 ..< windowLength { for k in 0 ..< a { ring[t * a + k] = sample[k] } }
        }
        for k in 0 ..< a {
            ring[head * a + k] = sample[k]
            last[k] = sample[k]
        }
        head = (head + 1) % windowLength
        pushed += 1
        guard pushed % hop == 0 else { return nil }
        // Oldest sample first: the ring's head is the oldest slot.
        let split = head * a
        let size = ring.count
        for i in 0 ..< size - split { window[i] = ring[split + i] }
        for i in 0 ..< split { window[size - split + i] = ring[i] }
        probabilities.withUnsafeMutableBufferPointer { classifier.classify(window, into: $0) }
        guard let hit = probabilities.withUnsafeBufferPointer({ smoother.update($0) }) else { return nil }
        return GestureDetection(label: labels[hit.classIndex], classIndex: hit.classIndex,
                                time: Double(index) / sampleRate, sampleIndex: index, confidence: hit.confidence)
    }
}
