import Foundation
import TinyCore

/// Writes a NumPy `.npz` archive (what `numpy.savez` writes): a ZIP file of stored (uncompressed)
/// `.npy` members, one per array, with CRC-32 checks, local headers and a central directory
/// (APPNOTE 4.3.7 / 4.3.12 / 4.3.16). No ZIP64: the archive must stay under 4 GiB.
public struct NpzArchive {
    private var members: [(name: String, data: Data)] = []

    public init() {}

    /// Adds `name.npy` holding already-encoded `.npy` bytes.
    public mutating func add(_ name: String, npy: Data) {
        members.append((name + ".npy", npy))
    }

    /// Adds a float32 array of `shape`.
    public mutating func add(_ name: String, float32 values: [Float], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *), "NpzArchive.add: \(values.count) values for shape \(shape)")
        let bytes = values.withUnsafeBytes { [UInt8]($0) }
        add(name, npy: NpyTensor.write(type: .float32, shape: shape, bytes: bytes))
    }

    /// Adds an int32 vector.
    public mutating func add(_ name: String, int32 values: [Int32]) {
        let bytes = values.withUnsafeBytes { [UInt8]($0) }
        add(name, npy: NpyTensor.write(type: .int32, shape: [values.count], bytes: bytes))
    }

    /// Adds a vector of strings as NumPy's fixed-width unicode (`<U{n}`: UTF-32LE code points,
    /// each string zero-padded to the longest; n ≥ 1).
    public mutating func add(_ name: String, strings: [String]) {
        let width = max(1, strings.map { $0.unicodeScalars.count }.max() ?? 1)
        let shape = strings.count == 1 ? "(1,)" : "(\(strings.count),)"
        var header = "{'descr': '<U\(width)', 'fortran_order': False, 'shape': \(shape), }"
        header += String(repeating: " ", count: (64 - (10 + header.utf8.count + 1) % 64) % 64) + "\n"
        var out = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        out.append(contentsOf: [UInt8(header.utf8.count & 0xff), UInt8(header.utf8.count >> 8)])
        out.append(contentsOf: Array(header.utf8))
        for s in strings {
            var scalars = s.unicodeScalars.map(\.value)
            scalars += [UInt32](repeating: 0, count: width - scalars.count)
            for v in scalars { out.append(contentsOf: [UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24)]) }
        }
        add(name, npy: out)
    }

    /// The archive's bytes.
    public func data() -> Data {
        var out = Data()
        var central = Data()
        for member in members {
            let name = Array(member.name.utf8)
            let crc = Self.crc32(member.data)
            let offset = UInt32(out.count)
            // Local file header: signature, version 2.0, flags 0, method 0 (stored), time, date.
            out.append(le32(0x0403_4b50)); out.append(le16(20)); out.append(le16(0)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0x21))
            out.append(le32(crc)); out.append(le32(UInt32(member.data.count))); out.append(le32(UInt32(member.data.count)))
            out.append(le16(UInt16(name.count))); out.append(le16(0))
            out.append(contentsOf: name)
            out.append(member.data)
            // Central directory entry.
            central.append(le32(0x0201_4b50)); central.append(le16(20)); central.append(le16(20)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le16(0x21))
            central.append(le32(crc)); central.append(le32(UInt32(member.data.count))); central.append(le32(UInt32(member.data.count)))
            central.append(le16(UInt16(name.count))); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(0)); central.append(le32(offset))
            central.append(contentsOf: name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32(0x0605_4b50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(members.count))); out.append(le16(UInt16(members.count)))
        out.append(le32(UInt32(central.count))); out.append(le32(centralOffset)); out.append(le16(0))
        return out
    }

    /// Writes the archive to `path`.
    public func write(to path: String) throws(RuntimeError) {
        do {
            try data().write(to: URL(fileURLWithPath: path))
        } catch {
            throw RuntimeError("cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    /// CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), as ZIP and zlib compute it.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0 ..< 8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

private func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xff), UInt8(v >> 8)]) }
private func le32(_ v: UInt32) -> Data { Data([UInt8(v & 0xff), UInt8(v >> 8 & 0xff), UInt8(v >> 16 & 0xff), UInt8(v >> 24)]) }
