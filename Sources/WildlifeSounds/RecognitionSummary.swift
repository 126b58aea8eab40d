/// How much of a recording the classifier ran on — the gated pipeline's duty cycle.
public struct RecognitionSummary: Sendable, Equatable {
    /// Samples and seconds of the recording.
    public var samples: Int
    public var seconds: Double
    /// Feature frames the always-on front end and detector processed.
    public var frames: Int
    /// Events reported (kept after the minimum-length check).
    public var events: Int
    /// Classifier inferences run.
    public var inferences: Int
    /// Inferences a classifier running all the time would need: one window every
    /// `eventHopFrames` frames over the recording.
    public var alwaysOnInferences: Int
    /// Frames inside at least one classified window (the union, within the recording).
    public var classifiedFrames: Int

    public init(samples: Int, seconds: Double, frames: Int, events: Int, inferences: Int, alwaysOnInferences: Int,
                classifiedFrames: Int) {
        self.samples = samples
        self.seconds = seconds
        self.frames = frames
        self.events = events
        self.inferences = inferences
        self.alwaysOnInferences = alwaysOnInferences
        self.classifiedFrames = classifiedFrames
    }

    /// Fraction of the recording's frames that the classifier saw (0 for an empty recording).
    public var dutyCycle: Double { frames > 0 ? Double(classifiedFrames) / Double(frames) : 0 }

    /// Inferences relative to the always-on classifier.
    public var inferenceFraction: Double {
        alwaysOnInferences > 0 ? Double(inferences) / Double(alwaysOnInferences) : 0
    }
}
