import TinyDSP
import TinyFormats

/// The `.npz` training scripts read (`numpy.load(OUT)`) — the one place its contract lives, for
/// audio (`tinyml features` with a `FeatureSpec`) and motion (a `SensorWindowSpec`) alike:
/// - `x`: `(N, *inputShape)` int8 (the spec's quantisation) or float32 (no quantiser given);
/// - `y`: `(N,)` int64, label index into `labels` (−1 for inputs without a label);
/// - `labels`: `(L,)` unicode;
/// - `files`: `(N,)` unicode, the manifest's `file` cell (or the path given);
/// - `starts`: `(N,)` int64, the input's first sample in its file at the spec's rate (0: one input per file);
/// - `lengths`: `(N,)` int64, only for sensor recordings: model-rate frames of the recording before `HoldFit`;
/// - `spec`: 0-d unicode, the spec JSON that made `x`.
/// An `.npy` output holds `x` alone.
///
/// `x` is written as inputs arrive (`NpzWriter` streams it), so memory stays one file's inputs
/// plus the per-input labels and names, however large the archive.
public final class TrainingArchiveWriter {
    public let inputShape: [Int]
    private let inputSize: Int
    private let quantization: Int8Quantizer?
    private let labels: [String]
    private let spec: String
    private let recordsLengths: Bool
    private let archive: NpzWriter?
    private let x: NpyWriter
    private var y: [Int] = [], files: [String] = [], starts: [Int] = [], lengths: [Int] = []

    /// The number of inputs so far.
    public var count: Int { y.count }

    /// Starts `path`: an `.npz` (every member) or, with `xOnly`, an `.npy` of `x`. `quantization`
    /// nil writes float32; `recordsLengths` adds `lengths` (sensor recordings).
    public init(path: String, xOnly: Bool = false, inputShape: [Int], quantization: Int8Quantizer?, labels: [String],
                specJSON: String, recordsLengths: Bool = false) throws(NpzError) {
        precondition(UInt16(1).littleEndian == 1, "x is written in host byte order, which must be little-endian")
        self.inputShape = inputShape
        inputSize = inputShape.reduce(1, *)
        self.quantization = quantization
        self.labels = labels
        spec = specJSON
        self.recordsLengths = recordsLengths
        let dtype: NpyDType = quantization == nil ? .float32 : .int8
        if xOnly {
            archive = nil
            x = try NpyWriter(path: path, dtype: dtype, rowShape: inputShape)
        } else {
            let archive = try NpzWriter(path: path)
            self.archive = archive
            x = try archive.beginRows("x", dtype: dtype, rowShape: inputShape)
        }
    }

    /// Appends the inputs of one file: `values` holds `starts.count` inputs back to back (float,
    /// before quantisation); `length` is the recording's (sensor archives only).
    public func append(_ values: [Float], label: Int, file: String, starts: [Int], length: Int? = nil) throws(NpzError) {
        precondition(values.count == starts.count * inputSize, "\(values.count) values for \(starts.count) inputs")
        precondition(recordsLengths == (length != nil), "lengths are recorded for sensor archives only")
        if values.isEmpty {
            // A file too short for one input adds nothing.
        } else if let q = quantization {
            try x.append(rows: q.quantize(values).withUnsafeBytes { Array($0) })
        } else {
            // The host is little-endian (as `.npy`'s `<f4`): the floats' bytes go as they are.
            try x.append(rows: values.withUnsafeBytes { Array($0) })
        }
        y += repeatElement(label, count: starts.count)
        files += repeatElement(file, count: starts.count)
        self.starts += starts
        if let length { lengths += repeatElement(length, count: starts.count) }
    }

    /// Writes the remaining members and closes the file.
    public func finish() throws(NpzError) {
        guard let archive else { return try x.finish() }
        try archive.endRows()
        let members: [(String, NpyArray)]
        do {
            members = [("y", try NpyArray(int64: y, shape: [count])), ("labels", NpyArray(strings: labels)),
                       ("files", NpyArray(strings: files)), ("starts", try NpyArray(int64: starts, shape: [count]))]
                + (recordsLengths ? [("lengths", try NpyArray(int64: lengths, shape: [count]))] : [])
                + [("spec", NpyArray(strings: [spec], scalar: true))]
        } catch {
            throw .npy(error)
        }
        for (name, array) in members { try archive.add(name, array) }
        try archive.finish()
    }
}
