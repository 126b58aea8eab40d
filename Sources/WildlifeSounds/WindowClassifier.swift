import TinyDSP
import TinyPipeline
import TinyRuntime

/// The int8 log-mel CNN over one window: `windowFrames × bands` log-mel values (row-major, frame by
/// frame) → quantised with the model input's scale and zero point (`features.quantization`, checked
/// against the model) → one inference → the int8 softmax dequantised to probabilities
/// `scale · (q − zeroPoint)` (TinyPipeline's `ClassifierStage`, which the engine and the firmware
/// run). Allocation-free per call; counts its inferences.
public final class WindowClassifier {
    public let model: Model
    public let session: Session
    public let labels: [String]
    public let windowFrames: Int
    public let bands: Int
    private let stage: ClassifierStage
    /// Inferences run since `init`.
    public var inferences: Int { stage.inferences }

    /// Loads `pipeline.modelPath` and checks it against the pipeline (input shape and
    /// quantisation, int8 output with one score per label).
    public convenience init(pipeline p: WildlifePipeline) throws(WildlifeError) {
        let model: Model
        do {
            model = try Model(contentsOf: p.modelPath)
        } catch {
            throw WildlifeError(error.description)
        }
        try self.init(model: model, pipeline: p)
    }

    public init(model: Model, pipeline p: WildlifePipeline) throws(WildlifeError) {
        let name = model.path ?? "model"
        guard model.inputs.count == 1, model.outputs.count == 1 else {
            throw WildlifeError.model(name: name, problem: "expected one input and one output (has \(model.inputs.count) and \(model.outputs.count))")
        }
        let input = model.inputs[0], output = model.outputs[0]
        guard input.type == .int8, output.type == .int8 else {
            throw WildlifeError.model(name: name, problem: "expected a full-integer model (int8 input and output; has \(input.type.name) and \(output.type.name))")
        }
        guard input.elementCount == p.windowFrames * p.bands, input.shape.count >= 3,
              input.shape[1] == p.windowFrames, input.shape[2] == p.bands else {
            throw WildlifeError.model(name: name, problem: "input \(input.shape) does not hold \(p.windowFrames) frames × \(p.bands) bands")
        }
        guard output.elementCount == p.labels.count else {
            throw WildlifeError.model(name: name, problem: "\(output.elementCount) outputs for \(p.labels.count) labels")
        }
        guard let q = p.features.quantization else {
            throw WildlifeError.pipeline(path: p.url.path, key: "features.quantization",
                                         problem: "missing (the model input is int8 scale \(input.scale) zero point \(input.zeroPoint))")
        }
        guard q.scale == input.scale, q.zeroPoint == Int(input.zeroPoint) else {
            throw WildlifeError("pipeline '\(p.url.path)': features.quantization (scale \(q.scale), zero point \(q.zeroPoint)) differs from the model input's (scale \(input.scale), zero point \(input.zeroPoint))")
        }
        self.model = model
        session = Session(model: model)
        labels = p.labels
        windowFrames = p.windowFrames
        bands = p.bands
        do {
            stage = try ClassifierStage(interpreter: session.interpreter, quantizer: q, inputCount: input.elementCount,
                                        outputCount: p.labels.count)
        } catch {
            throw WildlifeError.model(name: name, problem: "\(error.description)")
        }
    }

    /// Classifies one window (`windowFrames × bands` floats) into `probabilities` (`labels.count`).
    public func classify(_ window: UnsafePointer<Float>, into probabilities: UnsafeMutablePointer<Float>) {
        stage.classify(window, into: probabilities)
    }
}
