/// How classifier windows are placed and combined (`pipeline.json` → `"aggregation"`), in frames
/// of the feature spec (one hop each).
///
/// An event whose first frame is `s` is classified over windows starting at
/// `max(0, s − prerollFrames) + k·eventHopFrames`, `k = 0, 1, …`; window 0 always runs, a later one
/// only while at least half of it lies within the event. A whole clip (`tinyml eval`) is classified
/// over windows every `clipHopFrames` frames plus one ending at its last frame. Either way the
/// windows' softmax probabilities are averaged, and the `topK` largest are reported.
public struct AggregationConfiguration: Codable, Sendable, Equatable {
    public var prerollFrames: Int
    public var eventHopFrames: Int
    public var clipHopFrames: Int
    public var topK: Int

    public init(prerollFrames: Int, eventHopFrames: Int, clipHopFrames: Int, topK: Int) {
        self.prerollFrames = prerollFrames
        self.eventHopFrames = eventHopFrames
        self.clipHopFrames = clipHopFrames
        self.topK = topK
    }
}
