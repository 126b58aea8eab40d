import TinyFeatures
import TinyRuntime

/// Writes a `SensorFeatureSet` as `.npz`: `x` float32 `[n, windowLength, channels]`, `y` int32 `[n]`,
/// `labels` and `files` unicode, `lengths` int32 `[n]`.
enum SensorFeatureArchive {
    static func write(_ set: SensorFeatureSet, to path: String) throws(RuntimeError) {
        var npz = NpzArchive()
        npz.add("x", float32: set.x, shape: [set.count, set.windowLength, set.channelCount])
        npz.add("y", int32: set.y)
        npz.add("labels", strings: set.labels)
        npz.add("files", strings: set.files)
        npz.add("lengths", int32: set.lengths)
        try npz.write(to: path)
    }
}
