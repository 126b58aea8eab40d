import TinyCore
import TinyDSP

/// One int8 model over TinyCore's interpreter, as every classifying pipeline runs it:
///
///     q = quantizer(x)                      (the pipeline's `Int8Quantizer`, x: `inputCount` floats)
///     model(q) → o                           (int8 output, or float32)
///     p[c] = s_out · (o[c] − z_out)         (dequantised; a float32 output is copied)
///
/// The input is written straight into the input tensor, the output read where the interpreter
/// left it: `classify` allocates nothing. `init` checks that the model fits: one int8 input of
/// `inputCount` values whose scale (to 1e-6 relative) and zero point are the quantizer's, one
/// output of `outputCount` int8 or float32 values.
public final class ClassifierStage {
    public let interpreter: Interpreter
    public let quantizer: Int8Quantizer
    public let inputCount: Int
    public let outputCount: Int
    private let input: UnsafeMutablePointer<Int8>
    private let output: UnsafeMutableRawPointer
    private let outputIsInt8: Bool
    private let outputScale: Float
    private let outputZeroPoint: Int32
    /// Inferences run since `init`.
    public private(set) var inferences = 0

    public init(interpreter: Interpreter, quantizer: Int8Quantizer, inputCount: Int, outputCount: Int) throws(PipelineError) {
        let graph = interpreter.graph
        guard graph.inputs.count == 1, graph.outputs.count == 1 else {
            throw PipelineError("the model has \(graph.inputs.count) inputs and \(graph.outputs.count) outputs; the pipeline needs one of each")
        }
        let i = graph.tensors[graph.inputs[0]], o = graph.tensors[graph.outputs[0]]
        guard i.type == .int8, i.elementCount == inputCount else {
            throw PipelineError("the model input holds \(i.elementCount) values (int8 needed); the pipeline gives \(inputCount)")
        }
        let scaleError = i.scale > quantizer.scale ? i.scale - quantizer.scale : quantizer.scale - i.scale
        guard Int(i.zeroPoint) == quantizer.zeroPoint, scaleError <= 1e-6 * i.scale else {
            throw PipelineError("the model input quantisation (scale \(i.scale), zero point \(i.zeroPoint)) differs from the pipeline's "
                + "(scale \(quantizer.scale), zero point \(quantizer.zeroPoint))")
        }
        guard o.type == .int8 || o.type == .float32, o.elementCount == outputCount else {
            throw PipelineError("the model output holds \(o.elementCount) values; the pipeline has \(outputCount) labels (int8 or float32 scores)")
        }
        self.interpreter = interpreter
        self.quantizer = quantizer
        self.inputCount = inputCount
        self.outputCount = outputCount
        input = interpreter.tensorData(graph.inputs[0]).assumingMemoryBound(to: Int8.self)
        output = interpreter.tensorData(graph.outputs[0])
        outputIsInt8 = o.type == .int8
        outputScale = o.scale
        outputZeroPoint = o.zeroPoint
    }

    /// Quantises `features` (`inputCount` floats), runs the model and writes `outputCount` scores.
    public func classify(_ features: UnsafePointer<Float>, into scores: UnsafeMutablePointer<Float>) {
        quantizer.quantize(features, into: input, count: inputCount)
        interpreter.invoke()
        inferences += 1
        if outputIsInt8 {
            let q = output.assumingMemoryBound(to: Int8.self)
            for c in 0 ..< outputCount { scores[c] = outputScale * Float(Int32(q[c]) - outputZeroPoint) }
        } else {
            let f = output.assumingMemoryBound(to: Float.self)
            for c in 0 ..< outputCount { scores[c] = f[c] }
        }
    }
}
