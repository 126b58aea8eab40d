import TinyIO

/// The model inputs of a list of sensor recordings (manifest rows) under one `SensorWindowSpec`:
/// what `tinyml features` writes for a motion pipeline and what training reads.
///
/// Per row, in order: the window (`SensorRecording.window` of the row's file, `windowLength ×
/// channelCount` floats in the spec's units, before quantisation), the index of its label in
/// `labels`, the `file` cell, and the model-rate frames of the recording before the fit (so
/// training can tell the recording from the held frames around it).
public enum SensorFeatureSet {
    /// Reads every entry (rate: its `sample_rate_hz`, else `defaultInputRate`) and hands each
    /// window to `body` as it is read. Errors name the file; a label outside `labels` is an error.
    public static func forEachWindow(spec: SensorWindowSpec, entries: [ManifestEntry], labels: [String], defaultInputRate: Int,
                                     _ body: (_ window: [Float], _ label: Int, _ file: String, _ frames: Int) throws -> Void) throws {
        for entry in entries {
            guard let label = entry.label, let index = labels.firstIndex(of: label) else {
                throw SensorInputError.unknownLabel(file: entry.file, label: entry.label ?? "", labels: labels)
            }
            let recording = try SensorRecording(path: entry.path, spec: spec, inputRate: entry.sampleRateHz ?? defaultInputRate)
            try body(recording.window(length: spec.windowLength), index, entry.file, recording.frameCount)
        }
    }
}
