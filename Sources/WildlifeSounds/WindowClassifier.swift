import TinyDSP
import TinyRuntime

/// The int8 log-mel CNN over one window: `windowFrames × bands` log-mel values (row-major, frame by
/// frame) → quantised with the model input's scale and zero point (`features.quantization`, checked
/// against the model) → one inference → the int8 softmax dequantised to probabilities
/// `scale · (q − zeroPoint)`. Allocation-free per call; counts its inferences.
public final class WindowClassifier {
    public let model: Model
    public let session: Session
    public let labels: [String]
    public let windowFrames: Int
    public let bands: Int
    private let quantizer: Int8Quantizer
    private let outputScale: Float
    private let outputZeroPoint: Int32
    private var quantized: [Int8]
    /// Inferences run since `init`.
    public private(set) var inferences = 0

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
            throw WildlifeError("\(name): expected one input and one output (has \(model.inputs.count) and \(model.outputs.count))")
        }
        let input = model.inputs[0], output = model.outputs[0]
        guard input.type == .int8, output.type == .int8 else {
            throw WildlifeError("\(name): expected a full-integer model (int8 input and output; has \(input.type.name) and \(output.type.name))")
        }
        guard input.elementCount == p.windowFrames * p.bands, input.shape.count >= 3,
              input.shape[1] == p.windowFrames, input.shape[2] == p.bands else {
            throw WildlifeError("\(name): input \(input.shape) does not hold \(p.windowFrames) frames × \(p.bands) bands")
        }
        guard output.elementCount == p.labels.count else {
            throw WildlifeError("\(name): \(output.elementCount) outputs for \(p.labels.count) labels")
        }
        guard let q = p.features.quantization else {
            throw WildlifeError("pipeline '\(p.url.path)': features.quantization is missing (the model input is int8 scale \(input.scale) zero point \(input.zeroPoint))")
        }
        guard q.scale == input.scale, q.zeroPoint == Int(input.zeroPoint) else {
            throw WildlifeError("pipeline '\(p.url.path)': features.quantization (scale \(q.scale), zero point \(q.zeroPoint)) differs from the model input's (scale \(input.scale), zero point \(input.zeroPoint))")
        }
        self.model = model
        session = Session(model: model)
        labels = p.labels
        windowFrames = p.windowFrames
        bands = p.bands
        quantizer = q
        outputScale = output.scale
        outputZeroPoint = output.zeroPoint
        quantized = [Int8](repeating: 0, count: input.elementCount)
    }

    /// Classifies one window (`windowFrames × bands` floats) into `probabilities` (`labels.count`).
    public func classify(_ window: UnsafePointer<Float>, into probabilities: UnsafeMutablePointer<Float>) {
        let n = quantized.count
        quantized.withUnsafeMutableBufferPointer { q in
            quantizer.quantize(window, into: q.baseAddress!, count: n)
            try! session.setInput(int8: UnsafeBufferPointer(q))
        }
        session.invoke()
        inferences += 1
        let scale = outputScale, zero = outputZeroPoint
        try! session.withOutputInt8 { out in
            for i in 0 ..< out.count { probabilities[i] = scale * Float(Int32(out[i]) - zero) }
        }
    }
}
