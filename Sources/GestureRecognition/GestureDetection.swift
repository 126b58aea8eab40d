/// One recognised gesture in a stream.
///
/// `time` is the end of the model window whose smoothed prediction fired, in seconds from the
/// first sample of the stream (at the model's sample rate: sample index / rate); the gesture itself
/// happened within the preceding window (`SensorWindowSpec.windowSeconds`). `confidence` is the
/// averaged probability that crossed the threshold (`PredictionSmoother`).
public struct GestureDetection: Sendable, Equatable {
    public let label: String
    public let classIndex: Int
    public let time: Double
    /// Model-rate sample index of the window end (exclusive).
    public let sampleIndex: Int
    public let confidence: Float

    public init(label: String, classIndex: Int, time: Double, sampleIndex: Int, confidence: Float) {
        self.label = label
        self.classIndex = classIndex
        self.time = time
        self.sampleIndex = sampleIndex
        self.confidence = confidence
    }
}
