/// Writes a NumPy `.npz` file as it goes: a zip archive of `.npy` members, stored (no
/// compression, as `numpy.savez`), so `numpy.load(path)` opens it without pickling. Whole arrays
/// go in with `add`; a large array streams in with `beginRows` … `NpyWriter.append(rows:)` …
/// `endRows` (its header, sizes and CRC-32 are patched in place at the end, the CRC by reading the
/// member back), so memory does not grow with the archive. `finish()` writes the central directory.
/// Plain zip (not zip64): members and the archive must stay below 4 GiB, checked (`.tooLarge`).
public final class NpzWriter {
    private let file: OutputFile
    private var central: [UInt8] = []
    private var memberCount = 0
    private var streaming: (name: String, localHeader: Int, writer: NpyWriter)?

    /// Creates (or truncates) `path`.
    public init(path: String) throws(NpzError) {
        file = try NpzError.io { () throws(OutputFile.Failure) in try OutputFile(path: path) }
    }

    /// Adds `array` as member `name` (`numpy.load(...)[name]`).
    public func add(_ name: String, _ array: NpyArray) throws(NpzError) {
        precondition(streaming == nil, "a streamed member is open")
        let bytes = array.fileBytes
        let offset = file.offset
        try append(localHeader(name, crc: CRC32.checksum(bytes), size: bytes.count))
        try append(bytes)
        try addCentral(name, crc: CRC32.checksum(bytes), size: bytes.count, offset: offset)
    }

    /// Starts member `name`, `dtype` rows of `rowShape`; append rows to the returned writer.
    public func beginRows(_ name: String, dtype: NpyDType, rowShape: [Int]) throws(NpzError) -> NpyWriter {
        precondition(streaming == nil, "a streamed member is open")
        let offset = file.offset
        try append(localHeader(name, crc: 0, size: 0))
        // Refused as soon as it would pass 4 GiB, not after writing it all.
        let writer = try NpyWriter(file: file, dtype: dtype, rowShape: rowShape,
                                   limit: (bytes: Int(UInt32.max) - file.offset, member: name))
        streaming = (name, offset, writer)
        return writer
    }

    /// Ends the streamed member: its `.npy` header gets the row count, its zip headers the size and CRC.
    public func endRows() throws(NpzError) {
        guard let (name, offset, writer) = streaming else { preconditionFailure("no streamed member is open") }
        streaming = nil
        try writer.patchHeader()
        let size = writer.byteCount
        var crc = CRC32.Running()
        try NpzError.io { () throws(OutputFile.Failure) in
            try file.readBack(from: writer.start, count: size) { crc.update($0) }
        }
        let header = try localHeader(name, crc: crc.value, size: size)
        try NpzError.io { () throws(OutputFile.Failure) in try file.patch(header, at: offset) }
        try addCentral(name, crc: crc.value, size: size, offset: offset)
    }

    /// Writes the central directory and closes the file.
    public func finish() throws(NpzError) {
        precondition(streaming == nil, "a streamed member is open")
        let centralOffset = file.offset
        guard centralOffset + central.count < Int(UInt32.max) else { throw .tooLarge(member: "(central directory)") }
        var end: [UInt8] = []
        le32(0x0605_4B50, &end)
        le16(0, &end); le16(0, &end)
        le16(memberCount, &end); le16(memberCount, &end)
        le32(UInt32(central.count), &end); le32(UInt32(centralOffset), &end)
        le16(0, &end)
        try append(central)
        try append(end)
        try NpzError.io { () throws(OutputFile.Failure) in try file.closeFile() }
    }

    private func append(_ bytes: [UInt8]) throws(NpzError) {
        try NpzError.io { () throws(OutputFile.Failure) in try file.append(bytes) }
    }

    // 1980-01-01 00:00 in DOS format, for reproducible files.
    private static let dosTime = 0, dosDate = (0 << 9) | (1 << 5) | 1

    /// The fields local and central headers share: version needed, flags, method (stored), time,
    /// date, CRC, sizes, name and extra lengths.
    private func common(_ name: [UInt8], crc: UInt32, size: Int, _ into: inout [UInt8]) {
        le16(20, &into); le16(0, &into); le16(0, &into)
        le16(Self.dosTime, &into); le16(Self.dosDate, &into)
        le32(crc, &into); le32(UInt32(size), &into); le32(UInt32(size), &into)
        le16(name.count, &into); le16(0, &into)
    }

    private func localHeader(_ name: String, crc: UInt32, size: Int) throws(NpzError) -> [UInt8] {
        guard size < Int(UInt32.max), file.offset < Int(UInt32.max) else { throw .tooLarge(member: name) }
        let fileName = Array((name + ".npy").utf8)
        var out: [UInt8] = []
        le32(0x0403_4B50, &out)
        common(fileName, crc: crc, size: size, &out)
        return out + fileName
    }

    private func addCentral(_ name: String, crc: UInt32, size: Int, offset: Int) throws(NpzError) {
        guard size < Int(UInt32.max), offset < Int(UInt32.max) else { throw .tooLarge(member: name) }
        let fileName = Array((name + ".npy").utf8)
        le32(0x0201_4B50, &central)
        le16(20, &central)                                           // version made by
        common(fileName, crc: crc, size: size, &central)
        le16(0, &central); le16(0, &central); le16(0, &central)       // comment, disk, internal attrs
        le32(0, &central); le32(UInt32(offset), &central)            // external attrs, local header offset
        central += fileName
        memberCount += 1
    }
}

private func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
private func le32(_ v: UInt32, _ into: inout [UInt8]) { withUnsafeBytes(of: v.littleEndian) { into += $0 } }
