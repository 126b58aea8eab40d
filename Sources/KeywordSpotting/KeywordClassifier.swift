import TinyDSP
import TinyFeatures
import TinyPipeline
import TinyRuntime

/// One int8 model run per feature window: float features → the pipeline's int8 input quantisation
/// (`FeatureSpec.quantization`, the same rounding `tinyml features` uses for training) → the model
/// → dequantised posteriors `scale · (q − zeroPoint)`, in the pipeline's label order
/// (TinyPipeline's `ClassifierStage`, which the engine and the firmware run too).
///
/// `init` checks that the model fits the pipeline: one input of `framesPerInput × rowWidth` int8
/// values whose scale/zero point equal `modelInput`, one output of one value per label. Owns one
/// `Session` (not thread-safe; one classifier per thread, sharing the `Model`). `classify`
/// allocates nothing.
public final class KeywordClassifier {
    public let model: Model
    public let session: Session
    public let classCount: Int
    private let stage: ClassifierStage

    public init(model: Model, pipeline: KWSPipeline) throws(KWSError) {
        let source = model.path ?? "model"
        guard let q = pipeline.features.quantization else { throw KWSError.pipeline(path: pipeline.name, problem: "has no feature quantization") }
        guard model.inputs.count == 1, model.outputs.count == 1 else {
            throw KWSError.model(source: source, problem: "a KWS model has one input and one output (this one has \(model.inputs.count) and \(model.outputs.count))")
        }
        let i = model.inputs[0], o = model.outputs[0]
        let values = pipeline.features.inputShape.reduce(1, *)
        guard i.type == .int8, i.elementCount == values else {
            throw KWSError.model(source: source, problem: "input \(i.shape) \(i.type.name) does not take the pipeline's \(pipeline.features.inputShape) int8 features")
        }
        guard Int(i.zeroPoint) == pipeline.modelInput.zeroPoint, abs(i.scale - pipeline.modelInput.scale) <= 1e-6 * i.scale else {
            throw KWSError.model(source: source, problem: "input quantization (scale \(i.scale), zero point \(i.zeroPoint)) differs from the pipeline's modelInput "
                + "(scale \(pipeline.modelInput.scale), zero point \(pipeline.modelInput.zeroPoint))")
        }
        guard o.type == .int8, o.elementCount == pipeline.labels.count else {
            throw KWSError.model(source: source, problem: "output \(o.shape) \(o.type.name) does not give int8 scores for the pipeline's \(pipeline.labels.count) labels")
        }
        self.model = model
        session = Session(model: model)
        classCount = o.elementCount
        do {
            stage = try ClassifierStage(interpreter: session.interpreter, quantizer: q, inputCount: values, outputCount: classCount)
        } catch {
            throw KWSError.model(source: source, problem: "\(error.description)")
        }
    }

    /// Loads the model file at `path` (or the pipeline's model) and checks it.
    public convenience init(pipeline: KWSPipeline, modelPath: String? = nil) throws(KWSError) {
        let model: Model
        do {
            model = try Model(contentsOf: modelPath ?? pipeline.modelPath)
        } catch {
            throw KWSError(error.description)
        }
        try self.init(model: model, pipeline: pipeline)
    }

    /// Float values per input.
    public var inputCount: Int { stage.inputCount }

    /// Quantises `features` (`inputCount` floats), runs the model and writes `classCount`
    /// posteriors to `posteriors`.
    public func classify(_ features: UnsafePointer<Float>, into posteriors: UnsafeMutablePointer<Float>) {
        stage.classify(features, into: posteriors)
    }

    /// The class with the highest posterior for one input (first on ties).
    public func predict(_ features: [Float]) -> (classIndex: Int, posteriors: [Float]) {
        var p = [Float](repeating: 0, count: classCount)
        features.withUnsafeBufferPointer { f in p.withUnsafeMutableBufferPointer { classify(f.baseAddress!, into: $0.baseAddress!) } }
        var best = 0
        for c in 1 ..< classCount where p[c] > p[best] { best = c }
        return (best, p)
    }
}
