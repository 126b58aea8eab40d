import TinyDSP
import TinyIO

/// The streaming half of a `SensorWindowSpec`: input frames (the selected CSV columns, at the
/// input rate, in the sensor's units) → frames at the model rate in the spec's units, pushed to a
/// callback. The model window (sliding or `HoldFit`) is the caller's.
///
/// Order of operations per frame: unit (accelerometer channels × `gPerUnit`), gains, resampling.
/// - Units. A fixed unit (spec or `unitOverride`) applies from the first frame. Under `.detect(n)`
///   the first n frames are held back, `AccelerationUnit.detect` names the unit from their median
///   |a|, and they are released; `finish` decides on fewer frames if the input ends sooner. No
///   window of gravity → `SensorInputError`.
/// - Resampling (input rate ≠ `spec.sampleRate`): one `PolyphaseResampler` per channel
///   (`scipy.signal.resample_poly`'s filter) with edge padding instead of zeros at both ends, as
///   `resample_poly(x, up, down, padtype='edge')` up to the filter's ≈1e-3 per-phase DC ripple:
///   each channel's first value is subtracted before filtering and added back after, and `finish`
///   holds the last value long enough to flush the filter. It emits ⌈N·up/down⌉ frames for N
///   input frames. Equal rates pass frames through untouched.
///
/// Allocation-free after `init`.
public final class SensorFrontEnd {
    public let spec: SensorWindowSpec
    public let inputRate: Int
    /// The source's name for messages.
    public let sourceName: String
    /// Units and gains (TinyDSP, the stage the device runs too).
    public let conditioner: SensorConditioner
    /// The accelerometer unit in force (nil while it is still being detected).
    public var unit: AccelerationUnit? { conditioner.unit }
    /// Input frames accepted so far.
    public private(set) var inputFrames = 0

    private let channels: Int
    private var resamplers: [PolyphaseResampler]
    private let flushFrames: Int
    private var frame: [Float]
    /// Each channel's first converted value (the edge the resampler pads with), once known.
    private var offsets: [Float]
    private var haveOffsets = false
    private var last: [Float]
    private var outputs: [[Float]]
    private var emitted = 0

    /// `unitOverride` replaces the spec's unit policy (a user who knows the sensor's unit).
    public init(spec: SensorWindowSpec, inputRate: Int, sourceName: String,
                unitOverride: AccelerationUnit? = nil) throws(SensorInputError) {
        do {
            try AudioLimits.checkSampleRate(inputRate)
        } catch {
            throw SensorInputError.source(sourceName, problem: error.description)
        }
        self.spec = spec
        self.inputRate = inputRate
        self.sourceName = sourceName
        channels = spec.channelCount
        do {
            conditioner = try spec.conditioner(unitOverride: unitOverride)
        } catch {
            throw SensorInputError.source(sourceName, problem: error.description)
        }
        frame = [Float](repeating: 0, count: channels)
        offsets = [Float](repeating: 0, count: channels)
        last = [Float](repeating: 0, count: channels)
        if inputRate == spec.sampleRate {
            resamplers = []
            flushFrames = 0
            outputs = []
        } else {
            do {
                let r = try PolyphaseResampler(inputRate: inputRate, outputRate: spec.sampleRate, chunkSize: 1)
                resamplers = Array(repeating: r, count: channels)
                flushFrames = r.halfLength / r.up + 2
                outputs = Array(repeating: [Float](repeating: 0, count: r.maxOutputCount(forInputCount: flushFrames) + 1),
                                count: channels)
            } catch {
                throw SensorInputError.source(sourceName, problem: error.description)
            }
        }
    }

    /// Accepts one input frame (`spec.channelCount` values); calls `emit` with each model-rate frame it completes.
    public func push(_ input: UnsafeBufferPointer<Float>, emit: (UnsafeBufferPointer<Float>) -> Void) throws(SensorInputError) {
        precondition(input.count == channels, "SensorFrontEnd.push: \(input.count) values, expected \(channels)")
        inputFrames += 1
        do {
            try conditioner.push(input) { resample($0, emit: emit) }
        } catch {
            throw SensorInputError.source(sourceName, problem: error.description)
        }
    }

    /// Array convenience for `push(_:emit:)`.
    public func push(_ input: [Float], emit: (UnsafeBufferPointer<Float>) -> Void) throws(SensorInputError) {
        try input.withUnsafeBufferPointer { p throws(SensorInputError) in try push(p, emit: emit) }
    }

    /// Ends the input: decides the unit on the frames held (if still undecided), flushes the resampler.
    public func finish(emit: (UnsafeBufferPointer<Float>) -> Void) throws(SensorInputError) {
        do {
            try conditioner.finish { resample($0, emit: emit) }
        } catch {
            throw SensorInputError.source(sourceName, problem: error.description)
        }
        guard !resamplers.isEmpty, inputFrames > 0 else { return }
        let total = resamplers[0].totalOutputCount(forInputCount: inputFrames)
        for _ in 0 ..< flushFrames {
            for c in 0 ..< channels { frame[c] = last[c] }
            resampleFrame(limit: total, emit: emit)
        }
    }

    /// A conditioned frame: resampled, or straight out at equal rates.
    private func resample(_ conditioned: UnsafeBufferPointer<Float>, emit: (UnsafeBufferPointer<Float>) -> Void) {
        if resamplers.isEmpty {
            emitted += 1
            emit(conditioned)
            return
        }
        for c in 0 ..< channels { frame[c] = conditioned[c] }
        if !haveOffsets {
            for c in 0 ..< channels { offsets[c] = frame[c] }
            haveOffsets = true
        }
        for c in 0 ..< channels { last[c] = frame[c] }
        resampleFrame(limit: Int.max, emit: emit)
    }

    /// Feeds `frame` (minus the offsets) to every channel's resampler and emits completed frames
    /// up to output index `limit`.
    private func resampleFrame(limit: Int, emit: (UnsafeBufferPointer<Float>) -> Void) {
        var produced = 0
        for c in 0 ..< channels {
            var x = frame[c] - offsets[c]
            produced = withUnsafePointer(to: &x) { p in
                outputs[c].withUnsafeMutableBufferPointer { o in
                    resamplers[c].process(UnsafeBufferPointer(start: p, count: 1), into: o)
                }
            }
        }
        for k in 0 ..< produced where emitted < limit {
            for c in 0 ..< channels { frame[c] = outputs[c][k] + offsets[c] }
            emitted += 1
            frame.withUnsafeBufferPointer { emit($0) }
        }
    }
}

extension SensorWindowSpec {
    /// The spec's units-and-gains stage (`unitOverride` replaces its unit policy).
    public func conditioner(unitOverride: AccelerationUnit? = nil) throws(DSPError) -> SensorConditioner {
        var fixed: AccelerationUnit?
        var detection = 0
        if let unitOverride {
            fixed = unitOverride
        } else {
            switch unit {
            case .fixed(let u): fixed = u
            case .detect(let n): detection = n
            }
        }
        return try SensorConditioner(channelCount: channelCount, accelerometerChannels: accelerometerChannels, gains: gains,
                                     unit: fixed, detectionFrames: detection)
    }
}
