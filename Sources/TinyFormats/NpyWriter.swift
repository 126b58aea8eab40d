/// Streams one `.npy` array to a file as its rows arrive: the header is written with room for any
/// row count and rewritten with the real one by `finish()`, so memory does not grow with the
/// array. Used alone (`tinyml features --out x.npy`) and for `.npz` members (`NpzWriter`).
public final class NpyWriter {
    public let dtype: NpyDType
    public let rowShape: [Int]
    /// Bytes in one row (shape product of `rowShape` × itemsize).
    public let rowBytes: Int
    public private(set) var rows = 0
    let file: OutputFile
    /// Where the `.npy` header starts in `file`.
    let start: Int
    let headerBytes: Int
    /// The most bytes the array may take (an `.npz` member must stay below 4 GiB), or nil.
    let limit: (bytes: Int, member: String)?

    /// Starts `dtype` rows of `rowShape` at `file`'s current end.
    init(file: OutputFile, dtype: NpyDType, rowShape: [Int], limit: (bytes: Int, member: String)? = nil) throws(NpzError) {
        guard let size = dtype.itemSize, let bytes = TensorShape.byteCount(rowShape, elementBytes: size) else {
            throw .npy(.shapeOverflow(shape: NpyHeader.shapeText(rowShape)))
        }
        self.file = file
        self.dtype = dtype
        self.rowShape = rowShape
        rowBytes = bytes
        start = file.offset
        self.limit = limit
        let header = NpyHeader.bytes(dtype: dtype, shape: [0] + rowShape,
                                     minimumBytes: NpyHeader.reservedBytes(dtype: dtype, rowShape: rowShape))
        headerBytes = header.count
        try NpzError.io { () throws(OutputFile.Failure) in try file.append(header) }
    }

    /// Creates (or truncates) the `.npy` file at `path`.
    public convenience init(path: String, dtype: NpyDType, rowShape: [Int]) throws(NpzError) {
        let file = try NpzError.io { () throws(OutputFile.Failure) in try OutputFile(path: path) }
        try self.init(file: file, dtype: dtype, rowShape: rowShape)
    }

    /// Appends whole rows (`bytes.count` must be a multiple of `rowBytes`).
    public func append(rows bytes: [UInt8]) throws(NpzError) {
        precondition(rowBytes == 0 ? bytes.isEmpty : bytes.count % rowBytes == 0, "not whole rows")
        if let limit, byteCount + bytes.count >= limit.bytes { throw .tooLarge(member: limit.member) }
        try NpzError.io { () throws(OutputFile.Failure) in try file.append(bytes) }
        if rowBytes > 0 { rows += bytes.count / rowBytes }
    }

    /// Bytes of the array so far (header and rows).
    var byteCount: Int { file.offset - start }

    /// Rewrites the header with the row count (the array's shape is `[rows] + rowShape`).
    func patchHeader() throws(NpzError) {
        let header = NpyHeader.bytes(dtype: dtype, shape: [rows] + rowShape, minimumBytes: headerBytes)
        precondition(header.count == headerBytes)
        try NpzError.io { () throws(OutputFile.Failure) in try file.patch(header, at: start) }
    }

    /// Finishes a stand-alone `.npy` file.
    public func finish() throws(NpzError) {
        try patchHeader()
        try NpzError.io { () throws(OutputFile.Failure) in try file.closeFile() }
    }
}
