import TinyPipeline
import TinyFeatures

/// Whole-clip classification (what `tinyml eval wildlife` measures and the training script selects
/// on): the clip's log-mel frames, windows of `windowFrames` every `clipHopFrames` frames plus one
/// ending at the last frame (`windowStarts`), every window classified, probabilities averaged. No
/// detector: a clip is one labelled sound. A clip shorter than one window is zero-padded first.
public final class ClipClassifier {
    public let pipeline: WildlifePipeline
    public let classifier: WindowClassifier
    private let extractor: FeatureExtractor
    private var window: [Float]
    private var probabilities: [Float]

    public init(pipeline p: WildlifePipeline, classifier: WindowClassifier) throws(WildlifeError) {
        pipeline = p
        self.classifier = classifier
        extractor = try p.frameExtractor()
        window = [Float](repeating: 0, count: p.windowFrames * p.bands)
        probabilities = [Float](repeating: 0, count: p.labels.count)
    }

    /// First frames of the windows over a clip of `frames` frames (`frames ≥ width`): `0, hop, 2·hop, …`
    /// while a window fits, then `frames − width` if the last one did not end at the last frame.
    public static func windowStarts(frames: Int, width: Int, hop: Int) -> [Int] {
        precondition(frames >= width && width > 0 && hop > 0)
        var starts = Array(stride(from: 0, through: frames - width, by: hop))
        if starts.last != frames - width { starts.append(frames - width) }
        return starts
    }

    /// The clip's mean class probabilities over its windows. Samples must be finite.
    public func classify(_ samples: [Float]) throws(WildlifeError) -> ScoreAccumulator {
        if let i = samples.firstIndex(where: { !$0.isFinite }) {
            throw WildlifeError("sample \(i) is \(samples[i])")
        }
        let span = pipeline.features.frontEnd.spanSamples
        let clip = samples.count < span ? samples + [Float](repeating: 0, count: span - samples.count) : samples
        let frames = extractor.inputs(of: clip).values
        let bands = pipeline.bands, w = pipeline.windowFrames
        var scores = ScoreAccumulator(classes: pipeline.labels.count)
        for start in Self.windowStarts(frames: frames.count / bands, width: w, hop: pipeline.aggregation.clipHopFrames) {
            frames.withUnsafeBufferPointer { f in
                probabilities.withUnsafeMutableBufferPointer { p in
                    classifier.classify(f.baseAddress! + start * bands, into: p.baseAddress!)
                }
            }
            probabilities.withUnsafeBufferPointer { scores.add($0.baseAddress!) }
        }
        return scores
    }
}
