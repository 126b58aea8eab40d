import TinyDSP
import TinyFeatures
import TinyIO

/// Whole-recording classification (one CSV file = one gesture instance or one stretch of other
/// motion): the pipeline's front end, `HoldFit` to one window, one inference, argmax. This is the
/// per-file view `tinyml eval gesture` scores; the streaming view is `GestureStream` (over TinyPipeline's `GestureEngine`).
public final class GestureFileClassifier {
    public let pipeline: GesturePipeline
    public let classifier: GestureClassifier

    public init(pipeline: GesturePipeline) throws(GestureError) {
        self.pipeline = pipeline
        classifier = try pipeline.makeClassifier()
    }

    /// Reads `path` (at `inputRate`, default the pipeline's; unit from the spec unless `unit`), refusing
    /// recordings shorter than the pipeline's `minimumSeconds`. Errors name the file and the problem.
    public func read(path: String, inputRate: Int? = nil, unit: AccelerationUnit? = nil) throws -> SensorRecording {
        let recording = try SensorRecording(path: path, spec: pipeline.spec, inputRate: inputRate ?? pipeline.inputRate,
                                            unitOverride: unit)
        guard recording.frameCount >= pipeline.minimumFrames else {
            throw GestureError.tooShort(source: path, samples: recording.frameCount, rate: pipeline.spec.sampleRate,
                                        minimumSeconds: pipeline.minimumSeconds, minimumFrames: pipeline.minimumFrames)
        }
        return recording
    }

    /// Class probabilities of one recording.
    public func probabilities(of recording: SensorRecording) -> [Float] {
        classifier.classify(recording.window(length: pipeline.spec.windowLength))
    }

    /// The most probable class of the file at `path` (ties: the lower index) and its probability.
    public func classify(path: String, inputRate: Int? = nil, unit: AccelerationUnit? = nil) throws
        -> (classIndex: Int, probability: Float) {
        let p = probabilities(of: try read(path: path, inputRate: inputRate, unit: unit))
        var best = 0
        for c in p.indices where p[c] > p[best] { best = c }
        return (best, p[best])
    }
}
