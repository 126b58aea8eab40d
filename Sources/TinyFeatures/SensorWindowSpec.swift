import TinyDSP
import TinyIO

/// The feature front end of a motion pipeline (accelerometer / IMU gestures), the sensor-window
/// sibling of `FeatureSpec`: which CSV columns, what units, what rate, how long a window, how the
/// model input is quantised. One JSON object (`SensorWindowSpec+JSON.swift`) embedded in the
/// pipeline's `pipeline.json` under `"features"`, read strictly, so `tinyml features` (training) and
/// the streaming recogniser compute the same numbers.
///
/// Per input sample (frame of the selected columns, at the input rate):
/// 1. accelerometer channels × the unit's `gPerUnit` (the unit fixed, or detected per recording
///    from the median |a| of its first `detectionSamples` frames, `AccelerationUnit.detect`);
/// 2. every channel × `gains[c]` (e.g. 1/250 for a gyroscope in °/s, to share the input's int8
///    range with accelerations in g);
/// 3. resampled from the input rate to `sampleRate` (`SensorResampler`; the identity when equal);
/// then a model input is `windowLength` consecutive frames × `channelCount` values, time-major
/// (`[windowLength, channelCount]`), raw (no per-window normalisation: orientation is part of the
/// signal). A whole recording becomes one input with `HoldFit` (centred; held at the ends).
public struct SensorWindowSpec: Sendable, Equatable {
    /// The value of the `"format"` key.
    public static let format = "tinyml-sensor-window-spec"
    /// The newest schema version this build reads and writes.
    public static let currentVersion = 1

    /// How the accelerometer channels' unit is found.
    public enum UnitPolicy: Sendable, Equatable {
        /// The input is always in this unit.
        case fixed(AccelerationUnit)
        /// Detected per recording or stream from its first `samples` frames.
        case detect(samples: Int)
    }

    public var name: String
    public var summary: String
    /// Model rate in Hz.
    public var sampleRate: Int
    /// The CSV columns that become the channels, in order.
    public var columns: CSVOptions.Columns
    /// Channels per frame.
    public var channelCount: Int
    /// Channels (0-based, within a frame) that hold accelerations.
    public var accelerometerChannels: [Int]
    public var unit: UnitPolicy
    /// Per-channel multipliers applied after the unit conversion.
    public var gains: [Float]
    /// Frames per model input.
    public var windowLength: Int
    /// The model input's quantisation (nil: float features only).
    public var quantization: Int8Quantizer?

    public init(name: String, summary: String, sampleRate: Int, columns: CSVOptions.Columns, channelCount: Int,
                accelerometerChannels: [Int], unit: UnitPolicy, gains: [Float], windowLength: Int,
                quantization: Int8Quantizer?) throws(FeatureSpecError) {
        func fail(_ problem: String) -> FeatureSpecError { .invalid(kind: "sensor spec", name: name, problem: problem) }
        guard sampleRate > 0 else { throw fail("sampleRate must be positive (got \(sampleRate))") }
        guard channelCount >= 1 else { throw fail("at least one channel is needed") }
        switch columns {
        case .all: break
        case .names(let n): guard n.count == channelCount else { throw fail("\(n.count) columns for \(channelCount) channels") }
        case .indices(let i): guard i.count == channelCount else { throw fail("\(i.count) columns for \(channelCount) channels") }
        }
        guard !accelerometerChannels.isEmpty, accelerometerChannels.allSatisfy({ (0 ..< channelCount).contains($0) }),
              Set(accelerometerChannels).count == accelerometerChannels.count else {
            throw fail("accelerometer channels must be distinct channels in 0..<\(channelCount) (got \(accelerometerChannels))")
        }
        if case .detect(let n) = unit, n < 1 { throw fail("unit detection needs at least 1 sample (got \(n))") }
        guard gains.count == channelCount, gains.allSatisfy({ $0.isFinite && $0 != 0 }) else {
            throw fail("gains must be \(channelCount) finite non-zero numbers (got \(gains))")
        }
        guard windowLength >= 1 else { throw fail("window length must be positive (got \(windowLength))") }
        self.name = name
        self.summary = summary
        self.sampleRate = sampleRate
        self.columns = columns
        self.channelCount = channelCount
        self.accelerometerChannels = accelerometerChannels
        self.unit = unit
        self.gains = gains
        self.windowLength = windowLength
        self.quantization = quantization
    }

    /// One model input's shape: `[windowLength, channelCount]`.
    public var inputShape: [Int] { [windowLength, channelCount] }

    /// Seconds one window spans.
    public var windowSeconds: Double { Double(windowLength) / Double(sampleRate) }
}
