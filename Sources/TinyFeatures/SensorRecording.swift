import TinyDSP
import TinyIO

/// A whole sensor recording (one CSV file: a gesture instance, a stretch of motion) through a
/// `SensorWindowSpec`'s front end: model-rate frames in the spec's units, and the one model input
/// `HoldFit` makes of them — what `tinyml features` writes per manifest row and what per-file
/// evaluation classifies.
public struct SensorRecording: Sendable {
    /// Frames at `spec.sampleRate`, `channelCount` values each, interleaved.
    public let frames: [Float]
    public let frameCount: Int
    public let channelCount: Int
    /// The accelerometer unit the input was read in (fixed or detected).
    public let unit: AccelerationUnit

    /// Reads every row of `reader` (whose selected columns must be `spec.channelCount`).
    public init(reader: CSVSensorReader, spec: SensorWindowSpec, inputRate: Int,
                unitOverride: AccelerationUnit? = nil) throws {
        try Self.checkChannels(reader, spec: spec)
        let frontEnd = try SensorFrontEnd(spec: spec, inputRate: inputRate, sourceName: reader.sourceName,
                                          unitOverride: unitOverride)
        var frames: [Float] = []
        var row = [Float](repeating: 0, count: spec.channelCount)
        let collect: (UnsafeBufferPointer<Float>) -> Void = { frames.append(contentsOf: $0) }
        while try row.withUnsafeMutableBufferPointer({ try reader.readRow(into: $0) }) {
            try frontEnd.push(row, emit: collect)
        }
        try frontEnd.finish(emit: collect)
        self.frames = frames
        channelCount = spec.channelCount
        frameCount = frames.count / spec.channelCount
        unit = frontEnd.unit ?? .g
    }

    /// Reads the CSV file at `path` with the spec's column selection.
    public init(path: String, spec: SensorWindowSpec, inputRate: Int, unitOverride: AccelerationUnit? = nil,
                badLines: BadInputPolicy = .fail) throws {
        let reader = try CSVSensorReader(path: path, options: CSVOptions(columns: spec.columns, badLines: badLines))
        try self.init(reader: reader, spec: spec, inputRate: inputRate, unitOverride: unitOverride)
    }

    /// The recording as one model input: `HoldFit` to `spec.windowLength` frames (time-major).
    public func window(length: Int) -> [Float] {
        HoldFit.fit(frames, channels: channelCount, length: length)
    }

    /// Throws unless the reader's selected columns match the spec's channel count.
    public static func checkChannels(_ reader: CSVSensorReader, spec: SensorWindowSpec) throws(SensorInputError) {
        guard reader.channelCount == spec.channelCount else {
            throw .channels(source: reader.sourceName, found: reader.channelCount, columns: reader.columnNames, spec: spec.name,
                            needed: spec.channelCount)
        }
    }
}
