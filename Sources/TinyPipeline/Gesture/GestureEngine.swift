import TinyCore
import TinyDSP

/// Streaming gesture recognition, the code host tools and firmware share: motion frames in (at
/// the model's rate, `channelCount` values each, in the sensor's units), gestures out.
///
/// Per frame: `SensorConditioner` (gains, the accelerometer unit, detected from gravity or fixed),
/// then a sliding window over the last `windowLength` conditioned frames, one inference
/// (`ClassifierStage`) every `hop` frames, `PredictionSmoother` on top.
/// - The window is primed with the first frame repeated, as if the device had been held still
///   before the stream started (the training windows are padded the same way), so the first
///   inference runs after `hop` frames rather than after a whole window.
/// - Inference runs when the number of frames is a multiple of `hop`; its window ends at that
///   frame (event `sample` = frames so far, `start` = `sample − windowLength`).
/// - `finish` extends the stream by holding the last frame for `history × hop` frames, so a gesture
///   that ends the recording is still seen by `history` complete windows; events found there are
///   reported at the end of the real input.
/// After `init` nothing is allocated.
public final class GestureEngine {
    public let configuration: GestureConfiguration
    public let conditioner: SensorConditioner
    public let classifier: ClassifierStage
    public private(set) var smoother: PredictionSmoother
    /// Conditioned frames pushed so far (model rate), not counting `finish`'s padding.
    public private(set) var sampleCount = 0
    private let ring: UnsafeMutablePointer<Float>
    private let window: UnsafeMutablePointer<Float>
    private let probabilities: UnsafeMutablePointer<Float>
    private let last: UnsafeMutablePointer<Float>
    private let size: Int
    private var head = 0
    private var pushed = 0
    private var inputFrames = 0

    public init(configuration c: GestureConfiguration, interpreter: Interpreter) throws(PipelineError) {
        try c.validate()
        configuration = c
        do {
            conditioner = try SensorConditioner(channelCount: c.channelCount, accelerometerChannels: c.accelerometerChannels,
                                                gains: c.gains, unit: c.unit, detectionFrames: c.detectionFrames)
        } catch {
            throw PipelineError(error.description)
        }
        size = c.windowLength * c.channelCount
        classifier = try ClassifierStage(interpreter: interpreter, quantizer: c.quantization, inputCount: size, outputCount: c.classCount)
        smoother = try PredictionSmoother(configuration: c.smoothing, classCount: c.classCount, negativeClass: c.negativeClass)
        ring = EngineSetup.zeroed(size)
        window = EngineSetup.zeroed(size)
        probabilities = EngineSetup.zeroed(c.classCount)
        last = EngineSetup.zeroed(c.channelCount)
    }

    deinit {
        ring.deallocate()
        window.deallocate()
        probabilities.deallocate()
        last.deallocate()
    }

    /// Raw input frames pushed so far.
    public var framesProcessed: Int { inputFrames }

    /// Feeds whole frames (`channelCount` values each, interleaved); reports the gestures they
    /// complete. A value that is not finite, or a partial frame, is an error.
    public func push(_ samples: UnsafeBufferPointer<Float>, onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        let channels = configuration.channelCount
        guard samples.count % channels == 0 else {
            throw PipelineError("\(samples.count) values are not whole frames of \(channels) channels")
        }
        for i in 0 ..< samples.count where !samples[i].isFinite {
            throw PipelineError("frame \(inputFrames + i / channels) value \(i % channels) is not finite")
        }
        for f in 0 ..< samples.count / channels {
            inputFrames += 1
            do {
                try conditioner.push(UnsafeBufferPointer(rebasing: samples[f * channels ..< (f + 1) * channels])) { frame in
                    sampleCount += 1
                    append(frame.baseAddress!, reportedAt: sampleCount, onEvent)
                }
            } catch {
                throw PipelineError(error.description)
            }
        }
    }

    /// Releases the frames held while the unit is detected (deciding it on fewer frames): the
    /// first step of `finish`, for hosts that check the stream's length before the padding.
    public func finishConditioning(onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        do {
            try conditioner.finish { frame in
                sampleCount += 1
                append(frame.baseAddress!, reportedAt: sampleCount, onEvent)
            }
        } catch {
            throw PipelineError(error.description)
        }
    }

    /// Ends the stream (see the type's documentation).
    public func finish(onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        try finishConditioning(onEvent: onEvent)
        guard pushed > 0 else { return }
        for _ in 0 ..< configuration.smoothing.history * configuration.hop {
            append(last, reportedAt: sampleCount, onEvent)
        }
    }

    private func append(_ sample: UnsafePointer<Float>, reportedAt index: Int, _ onEvent: (PipelineEvent) -> Void) {
        let a = configuration.channelCount, length = configuration.windowLength
        if pushed == 0 {
            for t in 0 ..< length { for k in 0 ..< a { ring[t * a + k] = sample[k] } }
        }
        for k in 0 ..< a {
            let v = sample[k]
            ring[head * a + k] = v
            last[k] = v
        }
        head = (head + 1) % length
        pushed += 1
        guard pushed % configuration.hop == 0 else { return }
        // Oldest sample first: the ring's head is the oldest slot.
        let split = head * a
        for i in 0 ..< size - split { window[i] = ring[split + i] }
        for i in 0 ..< split { window[size - split + i] = ring[i] }
        classifier.classify(window, into: probabilities)
        guard let hit = smoother.update(UnsafeBufferPointer(start: probabilities, count: configuration.classCount)) else { return }
        onEvent(PipelineEvent(kind: .detection, sample: index, start: index - length, label: hit.classIndex,
                              confidence: hit.confidence, index: classifier.inferences - 1))
    }
}
