import TinyIO

/// The model inputs of a list of sensor recordings (manifest rows) under one `SensorWindowSpec`:
/// what `tinyml features` writes for a motion pipeline and what training reads.
///
/// Row i: `x[i]` = `SensorRecording.window` of the row's file (`windowLength × channelCount`,
/// float, the spec's units, before quantisation); `y[i]` = index of its label in `labels`;
/// `files[i]` = the `file` cell; `lengths[i]` = model-rate frames of the recording before the fit
/// (so training can tell the recording from the held frames around it).
public struct SensorFeatureSet: Sendable {
    public let labels: [String]
    public let windowLength: Int
    public let channelCount: Int
    public private(set) var x: [Float] = []
    public private(set) var y: [Int] = []
    public private(set) var files: [String] = []
    public private(set) var lengths: [Int] = []

    public var count: Int { y.count }

    /// Reads every entry (rate: its `sample_rate_hz`, else `defaultInputRate`); `progress` runs after each.
    /// Errors name the file; a label outside `labels` is an error.
    public init(spec: SensorWindowSpec, entries: [ManifestEntry], labels: [String], defaultInputRate: Int,
                progress: () -> Void = {}) throws {
        self.labels = labels
        windowLength = spec.windowLength
        channelCount = spec.channelCount
        for entry in entries {
            guard let label = entry.label, let index = labels.firstIndex(of: label) else {
                throw SensorInputError("\(entry.file): label '\(entry.label ?? "")' is not one of \(labels)")
            }
            let recording = try SensorRecording(path: entry.path, spec: spec, inputRate: entry.sampleRateHz ?? defaultInputRate)
            x += recording.window(length: spec.windowLength)
            y.append(index)
            files.append(entry.file)
            lengths.append(recording.frameCount)
            progress()
        }
    }
}
