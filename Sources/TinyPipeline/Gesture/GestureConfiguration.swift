import TinyDSP

/// Everything the gesture engine needs, in the form a device stores it: the sensor conditioning
/// (channels, accelerometer channels, unit or its detection, gains), the model window and its
/// int8 quantisation, the classes, the hop between inferences and the smoothing. Samples arrive
/// at the model's rate (a host resamples other rates before the engine).
public struct GestureConfiguration: Sendable, Equatable {
    public var channelCount: Int
    public var accelerometerChannels: [Int]
    /// The unit of the accelerometer channels; nil: detected from the first `detectionFrames`.
    public var unit: AccelerationUnit?
    public var detectionFrames: Int
    public var gains: [Float]
    public var windowLength: Int
    public var quantization: Int8Quantizer
    public var classCount: Int
    /// The class that never fires ("no gesture"), or nil.
    public var negativeClass: Int?
    /// Model-rate samples between inferences.
    public var hop: Int
    public var smoothing: GestureSmoothing

    public init(channelCount: Int, accelerometerChannels: [Int], unit: AccelerationUnit?, detectionFrames: Int, gains: [Float],
                windowLength: Int, quantization: Int8Quantizer, classCount: Int, negativeClass: Int?, hop: Int,
                smoothing: GestureSmoothing) {
        self.channelCount = channelCount
        self.accelerometerChannels = accelerometerChannels
        self.unit = unit
        self.detectionFrames = detectionFrames
        self.gains = gains
        self.windowLength = windowLength
        self.quantization = quantization
        self.classCount = classCount
        self.negativeClass = negativeClass
        self.hop = hop
        self.smoothing = smoothing
    }

    /// Checks every field; the error names it.
    public func validate() throws(PipelineError) {
        guard channelCount >= 1, gains.count == channelCount else {
            throw PipelineError("\(gains.count) gains for \(channelCount) channels")
        }
        guard windowLength >= 1, hop >= 1 else { throw PipelineError("window length and hop must be ≥ 1 (got \(windowLength), \(hop))") }
        guard classCount >= 1 else { throw PipelineError("at least one class is needed") }
        if let n = negativeClass, n < 0 || n >= classCount { throw PipelineError("negative class \(n) is outside 0..<\(classCount)") }
        guard unit != nil || detectionFrames >= 1 else { throw PipelineError("unit detection needs at least 1 frame") }
    }
}
