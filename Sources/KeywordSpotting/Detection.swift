/// A detected keyword.
public struct Detection: Sendable, Equatable {
    /// Index into the pipeline's labels.
    public var classIndex: Int
    public var label: String
    /// Seconds from the start of the stream to the centre of the 1 s window (among those averaged
    /// when the detection fired) whose own posterior for the keyword was highest (`sample / rate`).
    public var time: Double
    /// The averaged posterior of the keyword when the detection fired (0…1).
    public var confidence: Double
    /// Index of the window at which the detection fired (windows are `stride` apart).
    public var window: Int
    /// `time` as a stream sample index: what a device reports, exactly.
    public var sample: Int
    /// The bit pattern of the engine's `Float` confidence (device and host compare it exactly).
    public var confidenceBits: UInt32

    public init(classIndex: Int, label: String, time: Double, confidence: Double, window: Int, sample: Int = 0,
                confidenceBits: UInt32? = nil) {
        self.classIndex = classIndex
        self.label = label
        self.time = time
        self.confidence = confidence
        self.window = window
        self.sample = sample
        self.confidenceBits = confidenceBits ?? Float(confidence).bitPattern
    }
}
