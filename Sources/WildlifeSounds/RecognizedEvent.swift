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

    public init(startFrame: Int, endFrame: Int, startSeconds: Double, endSeconds: Double, windows: Int, top: [LabelScore]) {
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
