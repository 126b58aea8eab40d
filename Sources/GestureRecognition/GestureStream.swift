import TinyDSP
import TinyFeatures
import TinyIO

/// The whole streaming path for one input: rows of the selected columns at the input rate →
/// `SensorFrontEnd` (units, gains, resampling) → `GestureRecognizer` (sliding window, int8 model,
/// smoothing) → events. `gesture-demo` and the streaming tests drive this.
///
/// Events go to `onDetection` as soon as they happen (the front end may hold the first
/// `detectionSamples` rows back while it detects the unit). `finish` flushes the front end and the
/// recogniser and refuses a stream shorter than the pipeline's `minimumSeconds`.
public final class GestureStream {
    public let pipeline: GesturePipeline
    public let frontEnd: SensorFrontEnd
    public let recognizer: GestureRecognizer
    private let onDetection: (GestureDetection) -> Void

    public init(pipeline: GesturePipeline, recognizer: GestureRecognizer, inputRate: Int, sourceName: String,
                unit: AccelerationUnit? = nil, onDetection: @escaping (GestureDetection) -> Void) throws(SensorInputError) {
        self.pipeline = pipeline
        self.recognizer = recognizer
        self.onDetection = onDetection
        frontEnd = try SensorFrontEnd(spec: pipeline.spec, inputRate: inputRate, sourceName: sourceName, unitOverride: unit)
    }

    /// One input row (`spec.channelCount` values).
    public func push(_ row: UnsafeBufferPointer<Float>) throws(SensorInputError) {
        try frontEnd.push(row, emit: forward)
    }

    /// Array convenience.
    public func push(_ row: [Float]) throws(SensorInputError) {
        try frontEnd.push(row, emit: forward)
    }

    /// Every row of `reader` (a file or stdin), then `finish`.
    public func run(_ reader: CSVSensorReader) throws {
        try SensorRecording.checkChannels(reader, spec: pipeline.spec)
        var row = [Float](repeating: 0, count: pipeline.spec.channelCount)
        while try row.withUnsafeMutableBufferPointer({ try reader.readRow(into: $0) }) {
            try push(row)
        }
        try finish()
    }

    /// Ends the input.
    public func finish() throws {
        try frontEnd.finish(emit: forward)
        guard recognizer.sampleCount >= pipeline.minimumFrames else {
            throw GestureError("\(frontEnd.sourceName): \(recognizer.sampleCount) samples at \(pipeline.spec.sampleRate) Hz is "
                + "shorter than the pipeline's minimum of \(pipeline.minimumSeconds) s")
        }
        for event in recognizer.finish() { onDetection(event) }
    }

    private func forward(_ frame: UnsafeBufferPointer<Float>) {
        if let event = recognizer.push(frame) { onDetection(event) }
    }
}
