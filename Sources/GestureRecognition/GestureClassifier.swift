import TinyDSP
import TinyPipeline
import TinyRuntime

/// One int8 model applied to one window of motion samples: window (time-major, axes interleaved,
/// in the front end's units) → quantised input → inference → class probabilities.
///
/// The model must have one int8 input of `windowLength × axisCount` values (shape `[1, T, 1, A]`,
/// `[1, T, A]` or `[1, T·A]`) and one int8 or float32 output of `classCount` probabilities.
/// The window is quantised by the pipeline's `Int8Quantizer` (`clamp(round(x / scale) + zeroPoint)`
/// with the spec's rounding rule), whose scale and zero point must be the model input's (checked
/// here, so a retrained model with a stale pipeline.json fails loudly). An int8 output is
/// dequantised as `scale · (q − zeroPoint)` (TinyPipeline's `ClassifierStage`, which the engine and
/// the firmware run). `classify` allocates nothing.
public final class GestureClassifier {
    public let model: Model
    public let session: Session
    public let windowLength: Int
    public let axisCount: Int
    public let classCount: Int
    public let quantizer: Int8Quantizer
    private let stage: ClassifierStage

    public init(model: Model, quantizer: Int8Quantizer, windowLength: Int, axisCount: Int, classCount: Int) throws(GestureError) {
        let name = model.path ?? "model"
        guard model.inputs.count == 1, model.outputs.count == 1 else {
            throw GestureError.model(name: name, problem: "expected 1 input and 1 output, found \(model.inputs.count) and \(model.outputs.count)")
        }
        let input = model.inputs[0]
        guard input.type == .int8 else { throw GestureError.model(name: name, problem: "input is \(input.type.name); expected int8") }
        guard input.elementCount == windowLength * axisCount else {
            throw GestureError.model(name: name, problem: "input \(input.shape) holds \(input.elementCount) values; the pipeline needs "
                + "\(windowLength) samples × \(axisCount) axes = \(windowLength * axisCount)")
        }
        guard abs(input.scale - quantizer.scale) <= 1e-6 * input.scale, Int(input.zeroPoint) == quantizer.zeroPoint else {
            throw GestureError.model(name: name, problem: "input quantisation (scale \(input.scale), zero point \(input.zeroPoint)) differs from "
                + "the pipeline's (scale \(quantizer.scale), zero point \(quantizer.zeroPoint)); update pipeline.json")
        }
        let output = model.outputs[0]
        guard output.type == .int8 || output.type == .float32 else {
            throw GestureError.model(name: name, problem: "output is \(output.type.name); expected int8 or float32")
        }
        guard output.elementCount == classCount else {
            throw GestureError.model(name: name, problem: "output holds \(output.elementCount) values; the pipeline has \(classCount) labels")
        }
        self.model = model
        session = Session(model: model)
        self.windowLength = windowLength
        self.axisCount = axisCount
        self.classCount = classCount
        self.quantizer = quantizer
        do {
            stage = try ClassifierStage(interpreter: session.interpreter, quantizer: quantizer, inputCount: windowLength * axisCount,
                                        outputCount: classCount)
        } catch {
            throw GestureError.model(name: name, problem: "\(error.description)")
        }
    }

    /// Runs the model on `window` (`windowLength × axisCount` values) and writes `classCount`
    /// probabilities into `probabilities`.
    public func classify(_ window: [Float], into probabilities: UnsafeMutableBufferPointer<Float>) {
        precondition(window.count == windowLength * axisCount && probabilities.count == classCount,
                     "GestureClassifier.classify: wrong buffer sizes")
        window.withUnsafeBufferPointer { stage.classify($0.baseAddress!, into: probabilities.baseAddress!) }
    }

    /// Allocating convenience for tools and tests.
    public func classify(_ window: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: classCount)
        out.withUnsafeMutableBufferPointer { classify(window, into: $0) }
        return out
    }
}
