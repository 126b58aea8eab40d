/// One detected and classified event: where it is in the recording and what it sounded like.
public struct RecognizedEvent: Sendable, Equatable {
    /// First and last frame (inclusive) the detector marked loud.
    public var startFrame: Int
    public var endFrame: Int
    /// The same in seconds: each frame stands for one hop around its centre
    /// (`start = (s·hop + L/2 − hop/2) / rate`, `end = (e·hop + L/2 + hop/2) / rate`, clamped to the recording).
    public var startSeconds: Double
    public var endSeconds: Double
    /// Classifier windows averaged.
    public var windows: Int
    /// The best labels with their mean probabilities, best first.
    public var top: [LabelScore]
    /// The event's end and start as stream sample indices (`WildlifeEngine`): what a device
    /// reports, exactly.
    public var sample: Int
    public var startSample: Int
    /// The bit pattern of the best label's mean probability (device and host compare it exactly).
    public var confidenceBits: UInt32

    public init(startFrame: Int, endFrame: Int, startSeconds: Double, endSeconds: Double, windows: Int, top: [LabelScore],
                sample: Int = 0, startSample: Int = 0, confidenceBits: UInt32 = 0) {
        self.sample = sample
        self.startSample = startSample
        self.confidenceBits = confidenceBits
        self.startFrame = startFrame
        self.endFrame = endFrame
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.windows = windows
        self.top = top
    }
}

/// A label and its (mean) probability.
public struct LabelScore: Sendable, Equatable {
    public var label: String
    public var score: Float
    public init(label: String, score: Float) {
        self.label = label
        self.score = score
    }
}
