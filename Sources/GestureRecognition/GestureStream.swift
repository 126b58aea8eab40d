import TinyDSP
import TinyFeatures
import TinyIO
import TinyPipeline

/// The whole streaming path for one input: rows of the selected columns at the input rate →
/// TinyPipeline's `GestureEngine` (units and gains, sliding window, int8 model, smoothing: the code
/// the firmware runs) → events. At the model's rate the rows go to the engine as they are; at
/// another rate `SensorFrontEnd` conditions and resamples them first and the engine's conditioning
/// is the identity. `gesture-demo` and the streaming tests drive this.
///
/// Events go to `onDetection` as soon as they happen (the unit detection may hold the first
/// `detectionSamples` rows back). `finish` flushes the front end and the engine and refuses a
/// stream shorter than the pipeline's `minimumSeconds`.
public final class GestureStream {
    public let pipeline: GesturePipeline
    public let classifier: GestureClassifier
    public let engine: GestureEngine
    /// The resampling front end (nil at the model's rate).
    public let frontEnd: SensorFrontEnd?
    public let sourceName: String
    private let onDetection: (GestureDetection) -> Void

    public init(pipeline: GesturePipeline, inputRate: Int, sourceName: String, unit: AccelerationUnit? = nil,
                onDetection: @escaping (GestureDetection) -> Void) throws {
        self.pipeline = pipeline
        self.sourceName = sourceName
        self.onDetection = onDetection
        classifier = try pipeline.makeClassifier()
        let resampled = inputRate != pipeline.spec.sampleRate
        frontEnd = resampled ? try SensorFrontEnd(spec: pipeline.spec, inputRate: inputRate, sourceName: sourceName, unitOverride: unit)
                             : nil
        if !resampled {
            do { try AudioLimits.checkSampleRate(inputRate) } catch { throw SensorInputError.source(sourceName, problem: error.description) }
        }
        do {
            engine = try GestureEngine(configuration: pipeline.engineConfiguration(unit: unit, conditioned: resampled),
                                       interpreter: classifier.session.interpreter)
        } catch {
            throw GestureError.pipeline(path: pipeline.url.path, problem: error.description)
        }
    }

    /// The accelerometer unit in force (nil while it is still being detected).
    public var unit: AccelerationUnit? { frontEnd?.unit ?? engine.conditioner.unit }
    /// Model-rate samples so far.
    public var sampleCount: Int { engine.sampleCount }

    /// One input row (`spec.channelCount` values).
    public func push(_ row: UnsafeBufferPointer<Float>) throws(SensorInputError) {
        if let frontEnd {
            var failure: PipelineError?
            try frontEnd.push(row) { frame in
                if failure == nil { do throws(PipelineError) { try engine.push(frame, onEvent: forward) } catch { failure = error } }
            }
            if let failure { throw SensorInputError.source(sourceName, problem: failure.description) }
        } else {
            do { try engine.push(row, onEvent: forward) } catch { throw SensorInputError.source(sourceName, problem: error.description) }
        }
    }

    /// Array convenience.
    public func push(_ row: [Float]) throws(SensorInputError) {
        try row.withUnsafeBufferPointer { (p) throws(SensorInputError) in try push(p) }
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
        if let frontEnd {
            var failure: PipelineError?
            try frontEnd.finish { frame in
                if failure == nil { do throws(PipelineError) { try engine.push(frame, onEvent: forward) } catch { failure = error } }
            }
            if let failure { throw SensorInputError.source(sourceName, problem: failure.description) }
        }
        do {
            // The engine's own conditioning releases frames it still holds for unit detection.
            try engine.finishConditioning(onEvent: forward)
        } catch {
            throw SensorInputError.source(sourceName, problem: error.description)
        }
        guard engine.sampleCount >= pipeline.minimumFrames else {
            throw GestureError.tooShort(source: sourceName, samples: engine.sampleCount, rate: pipeline.spec.sampleRate,
                                        minimumSeconds: pipeline.minimumSeconds, minimumFrames: pipeline.minimumFrames)
        }
        do { try engine.finish(onEvent: forward) } catch { throw GestureError("\(sourceName): \(error.description)") }
    }

    private func forward(_ event: PipelineEvent) {
        guard event.kind == .detection else { return }
        onDetection(GestureDetection(label: pipeline.labels[event.label], classIndex: event.label,
                                     time: Double(event.sample) / Double(pipeline.spec.sampleRate), sampleIndex: event.sample,
                                     confidence: event.confidence))
    }
}
