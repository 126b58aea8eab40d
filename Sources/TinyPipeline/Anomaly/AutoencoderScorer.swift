import TinyCore

/// Scores feature frames by the reconstruction error of a pre-trained int8 autoencoder (one int8
/// input and one int8 output of the same length), run on TinyCore's interpreter:
///
///     x   = the last C frames, oldest first, flattened frame-major (C · F values)
///     q   = clamp(round(x / s_in) + z_in, −128, 127)          (TFLite QUANTIZE)
///     x̂   = s_out · (model(q) − z_out)                        (dequantised output)
///     score = (1/(C·F)) Σ_i (x[i] − x̂[i])²                   (mean squared error against the float input)
///
/// This is the MLPerf Tiny anomaly-detection (ad01) recipe: with C = 5 log-mel frames of 128 bins
/// it reproduces the benchmark's reconstruction errors. With C = 1 each frame is scored alone.
/// Frames slide one at a time, so after the first C − 1 frames every frame yields a score.
/// `score` allocates nothing (ring, window and the tensors are set up in `init`).
public final class AutoencoderScorer {
    public let interpreter: Interpreter
    public let frameLength: Int
    public let contextFrames: Int

    private let inputScale: Float, inputZeroPoint: Int32
    private let outputScale: Double, outputZeroPoint: Int32
    private let input: UnsafeMutablePointer<Int8>
    private let output: UnsafePointer<Int8>
    private let history: UnsafeMutablePointer<Float>
    private let window: UnsafeMutablePointer<Float>
    private var seen = 0

    /// - Throws: `PipelineError` when the model is not a single int8 input/output autoencoder of
    ///   `contextFrames · frameLength` values.
    public init(interpreter: Interpreter, frameLength: Int, contextFrames: Int) throws(PipelineError) {
        guard frameLength > 0, contextFrames > 0 else {
            throw PipelineError("autoencoder: frame length and context frames must be positive")
        }
        let graph = interpreter.graph
        guard graph.inputs.count == 1, graph.outputs.count == 1 else {
            throw PipelineError("autoencoder model must have one input and one output (it has \(graph.inputs.count) and \(graph.outputs.count))")
        }
        let i = graph.tensors[graph.inputs[0]], o = graph.tensors[graph.outputs[0]]
        let n = frameLength * contextFrames
        guard i.type == .int8, o.type == .int8 else {
            throw PipelineError("autoencoder model must have int8 input and output")
        }
        guard i.elementCount == n, o.elementCount == n else {
            throw PipelineError("autoencoder model takes \(i.elementCount) values and returns \(o.elementCount); "
                + "the pipeline gives \(contextFrames) frame(s) × \(frameLength) = \(n)")
        }
        self.interpreter = interpreter
        self.frameLength = frameLength
        self.contextFrames = contextFrames
        inputScale = i.scale
        inputZeroPoint = i.zeroPoint
        outputScale = Double(o.scale)
        outputZeroPoint = o.zeroPoint
        input = interpreter.tensorData(graph.inputs[0]).assumingMemoryBound(to: Int8.self)
        output = UnsafePointer(interpreter.tensorData(graph.outputs[0]).assumingMemoryBound(to: Int8.self))
        history = EngineSetup.zeroed(n)
        window = EngineSetup.zeroed(n)
    }

    deinit {
        history.deallocate()
        window.deallocate()
    }

    public func score(_ frame: UnsafeBufferPointer<Float>) -> Double? {
        precondition(frame.count == frameLength, "AutoencoderScorer: wrong frame length")
        // Ring of C frames: slot `seen % C` holds the newest.
        let slot = seen % contextFrames
        for i in 0 ..< frameLength { history[slot * frameLength + i] = frame[i] }
        seen += 1
        if seen < contextFrames { return nil }
        for c in 0 ..< contextFrames {
            let from = ((seen + c) % contextFrames) * frameLength
            for i in 0 ..< frameLength { window[c * frameLength + i] = history[from + i] }
        }
        let n = frameLength * contextFrames
        for i in 0 ..< n { input[i] = QuantizeFloat.quantize(window[i], scale: inputScale, zeroPoint: inputZeroPoint) }
        interpreter.invoke()
        var sum = 0.0
        for i in 0 ..< n {
            let reconstructed = outputScale * Double(Int32(output[i]) - outputZeroPoint)
            let d = Double(window[i]) - reconstructed
            sum += d * d
        }
        return sum / Double(n)
    }

    public func resetContext() { seen = 0 }
}
