import TinyCore
import TinyRuntime

/// Scores feature frames by the reconstruction error of a pre-trained int8 autoencoder
/// (`.tflite`, one int8 input and one int8 output of the same length):
///
///     x   = the last C frames, oldest first, flattened frame-major (C · F values)
///     q   = clamp(round(x / s_in) + z_in, −128, 127)          (TFLite QUANTIZE)
///     x̂   = s_out · (model(q) − z_out)                        (dequantised output)
///     score = (1/(C·F)) Σ_i (x[i] − x̂[i])²                   (mean squared error against the float input)
///
/// This is the MLPerf Tiny anomaly-detection (ad01) recipe: with C = 5 log-mel frames of 128 bins
/// it reproduces the benchmark's reconstruction errors. With C = 1 each frame is scored alone.
/// Frames slide one at a time, so after the first C − 1 frames every frame yields a score.
/// `score` allocates nothing (ring buffer, input and output buffers are made in `init`).
public final class AutoencoderScorer: AnomalyScorer {
    public let session: Session
    public let frameLength: Int
    public let contextFrames: Int
    public var learnsNormal: Bool { false }

    private let inputScale: Float, inputZeroPoint: Int32
    private let outputScale: Double, outputZeroPoint: Int32
    private var history: [Float]
    private var window: [Float]
    private var quantized: [Int8]
    private var seen = 0

    /// - Throws: `AnomalyError` when the model is not a single int8 input/output autoencoder of
    ///   `contextFrames · frameLength` values.
    public init(model: Model, frameLength: Int, contextFrames: Int) throws(AnomalyError) {
        guard frameLength > 0, contextFrames > 0 else {
            throw AnomalyError("autoencoder: frame length and context frames must be positive")
        }
        guard model.inputs.count == 1, model.outputs.count == 1 else {
            throw AnomalyError("autoencoder model must have one input and one output (it has \(model.inputs.count) and \(model.outputs.count))")
        }
        let input = model.inputs[0], output = model.outputs[0]
        let n = frameLength * contextFrames
        guard input.type == .int8, output.type == .int8 else {
            throw AnomalyError("autoencoder model must have int8 input and output (it has \(input.type.name) and \(output.type.name))")
        }
        guard input.elementCount == n, output.elementCount == n else {
            throw AnomalyError("autoencoder model takes \(input.elementCount) values and returns \(output.elementCount); "
                + "the pipeline gives \(contextFrames) frame(s) × \(frameLength) = \(n)")
        }
        session = Session(model: model)
        self.frameLength = frameLength
        self.contextFrames = contextFrames
        inputScale = input.scale
        inputZeroPoint = input.zeroPoint
        outputScale = Double(output.scale)
        outputZeroPoint = output.zeroPoint
        history = [Float](repeating: 0, count: n)
        window = [Float](repeating: 0, count: n)
        quantized = [Int8](repeating: 0, count: n)
    }

    public func score(_ frame: UnsafeBufferPointer<Float>) throws(AnomalyError) -> Double? {
        precondition(frame.count == frameLength, "AutoencoderScorer: \(frame.count) values for frame length \(frameLength)")
        // Ring of C frames: slot `seen % C` holds the newest.
        let slot = seen % contextFrames
        for i in 0 ..< frameLength { history[slot * frameLength + i] = frame[i] }
        seen += 1
        if seen < contextFrames { return nil }
        for c in 0 ..< contextFrames {
            let from = ((seen + c) % contextFrames) * frameLength
            for i in 0 ..< frameLength { window[c * frameLength + i] = history[from + i] }
        }
        for i in 0 ..< window.count {
            quantized[i] = QuantizeFloat.quantize(window[i], scale: inputScale, zeroPoint: inputZeroPoint)
        }
        do {
            try session.setInput(int8: quantized)
            session.invoke()
            return try session.withOutputInt8 { out in
                var sum = 0.0
                for i in 0 ..< out.count {
                    let reconstructed = outputScale * Double(Int32(out[i]) - outputZeroPoint)
                    let d = Double(window[i]) - reconstructed
                    sum += d * d
                }
                return sum / Double(out.count)
            }
        } catch {
            throw AnomalyError("autoencoder: \(error.description)")
        }
    }

    public func learn(_ frame: UnsafeBufferPointer<Float>) {}

    public func resetContext() { seen = 0 }
}
