/// Units and gains of a motion stream, the first stage of every motion pipeline on host and
/// device: each input frame (`channelCount` values in the sensor's units) becomes
///
///     y[c] = x[c] · gains[c]              for every channel,
///     y[a] = y[a] · unit.gPerUnit         then for the accelerometer channels,
///
/// with the unit fixed up front or detected from the stream: under detection the first
/// `detectionFrames` frames are held back, `AccelerationUnit.detect` names the unit from their
/// median |a|, and they are released in order; `finish` decides on fewer frames if the stream ends
/// sooner. No allocation after `init`.
public final class SensorConditioner {
    public let channelCount: Int
    public let accelerometerChannels: [Int]
    public let gains: [Float]
    public let detectionFrames: Int
    /// The unit in force (nil while it is still being detected).
    public private(set) var unit: AccelerationUnit?
    /// The median |a| the last detection saw (in the stream's own unit), for messages.
    public private(set) var detectedMedian: Float = 0
    private let fixedUnit: AccelerationUnit?
    private let held: UnsafeMutablePointer<Float>
    private let scratch: UnsafeMutablePointer<Float>
    private let frame: UnsafeMutablePointer<Float>
    private var heldCount = 0

    /// `unit` nil: detect it from the first `detectionFrames` frames (≥ 1).
    public init(channelCount: Int, accelerometerChannels: [Int], gains: [Float], unit: AccelerationUnit?,
                detectionFrames: Int) throws(DSPError) {
        guard channelCount >= 1, gains.count == channelCount else {
            throw DSPError("sensor conditioning: \(gains.count) gains for \(channelCount) channels")
        }
        for a in accelerometerChannels where a < 0 || a >= channelCount {
            throw DSPError("sensor conditioning: accelerometer channel \(a) is outside 0..<\(channelCount)")
        }
        guard unit != nil || detectionFrames >= 1 else { throw DSPError("sensor conditioning: unit detection needs at least 1 frame") }
        self.channelCount = channelCount
        self.accelerometerChannels = accelerometerChannels
        self.gains = gains
        self.detectionFrames = unit == nil ? detectionFrames : 0
        fixedUnit = unit
        self.unit = unit
        let holding = max(1, self.detectionFrames)
        held = .allocate(capacity: holding * channelCount)
        held.initialize(repeating: 0, count: holding * channelCount)
        scratch = .allocate(capacity: holding)
        scratch.initialize(repeating: 0, count: holding)
        frame = .allocate(capacity: channelCount)
        frame.initialize(repeating: 0, count: channelCount)
    }

    deinit {
        held.deallocate()
        scratch.deallocate()
        frame.deallocate()
    }

    /// Accepts one input frame; calls `emit` with each conditioned frame it releases (none while
    /// the unit is being detected, then all held frames at once).
    public func push(_ input: UnsafeBufferPointer<Float>, emit: (UnsafeBufferPointer<Float>) -> Void) throws(DSPError) {
        precondition(input.count == channelCount, "SensorConditioner.push: wrong channel count")
        guard let unit else {
            for c in 0 ..< channelCount { held[heldCount * channelCount + c] = input[c] }
            heldCount += 1
            if heldCount == detectionFrames { try release(emit: emit) }
            return
        }
        convert(input.baseAddress!, unit: unit, emit: emit)
    }

    /// Ends the stream: decides the unit on the frames held (if still undecided) and releases them.
    public func finish(emit: (UnsafeBufferPointer<Float>) -> Void) throws(DSPError) {
        if unit == nil, heldCount > 0 { try release(emit: emit) }
    }

    /// Starts a new stream (a detected unit is forgotten).
    public func reset() {
        unit = fixedUnit
        heldCount = 0
    }

    private func release(emit: (UnsafeBufferPointer<Float>) -> Void) throws(DSPError) {
        let n = heldCount
        let median = AccelerationUnit.medianMagnitude(UnsafeBufferPointer(start: held, count: n * channelCount), stride: channelCount,
                                                      frameCount: n, axes: accelerometerChannels,
                                                      scratch: UnsafeMutableBufferPointer(start: scratch, count: n))
        detectedMedian = median
        guard let detected = AccelerationUnit.detect(medianMagnitude: median) else {
            throw DSPError("cannot tell the accelerometer unit: the median |a| of the first \(n) samples is \(median), "
                + "expected ≈1 (g), ≈1000 (milli-g) or ≈9.8 (m/s2); give the unit explicitly")
        }
        unit = detected
        for t in 0 ..< n { convert(held + t * channelCount, unit: detected, emit: emit) }
        heldCount = 0
    }

    private func convert(_ input: UnsafePointer<Float>, unit: AccelerationUnit, emit: (UnsafeBufferPointer<Float>) -> Void) {
        for c in 0 ..< channelCount { frame[c] = input[c] * gains[c] }
        for c in accelerometerChannels { frame[c] *= unit.gPerUnit }
        emit(UnsafeBufferPointer(start: frame, count: channelCount))
    }
}
