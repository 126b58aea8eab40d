import Foundation

/// Writes NumPy `.npz` files: a zip archive of `.npy` members, stored (no compression, as
/// `numpy.savez`), each with its CRC-32, so `numpy.load(path)` opens it (no pickling needed).
/// Plain zip (not zip64): members and the archive must stay below 4 GiB, checked.
public struct NpzArchive {
    public private(set) var members: [(name: String, array: NpyArray)] = []

    public init() {}

    /// Adds `array` as member `name` (`numpy.load(...)[name]`).
    public mutating func add(_ name: String, _ array: NpyArray) {
        members.append((name, array))
    }

    public struct TooLarge: Error, CustomStringConvertible {
        public let description: String
    }

    /// The archive's bytes.
    public func archiveBytes() throws(TooLarge) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: UInt32, _ into: inout [UInt8]) { withUnsafeBytes(of: v.littleEndian) { into += $0 } }
        // 1980-01-01 00:00 in DOS format, for reproducible files.
        let dosTime = 0, dosDate = (0 << 9) | (1 << 5) | 1
        for (name, array) in members {
            let data = array.fileBytes
            let file = Array((name + ".npy").utf8)
            guard data.count < Int(UInt32.max), out.count < Int(UInt32.max) else {
                throw TooLarge(description: "npz member '\(name)' or the archive exceeds 4 GiB (zip64 not supported)")
            }
            let crc = CRC32.checksum(data)
            let offset = UInt32(out.count)
            func common(_ into: inout [UInt8]) {
                le16(20, &into); le16(0, &into); le16(0, &into)          // version needed, flags, stored
                le16(dosTime, &into); le16(dosDate, &into)
                le32(crc, &into); le32(UInt32(data.count), &into); le32(UInt32(data.count), &into)
                le16(file.count, &into); le16(0, &into)                  // name length, extra length
            }
            le32(0x0403_4B50, &out)
            common(&out)
            out += file
            out += data
            le32(0x0201_4B50, &central)
            le16(20, &central)                                           // version made by
            common(&central)
            le16(0, &central); le16(0, &central); le16(0, &central)       // comment, disk, internal attrs
            le32(0, &central); le32(offset, &central)                    // external attrs, local header offset
            central += file
        }
        guard out.count + central.count < Int(UInt32.max) else {
            throw TooLarge(description: "npz archive exceeds 4 GiB (zip64 not supported)")
        }
        let centralOffset = UInt32(out.count)
        out += central
        le32(0x0605_4B50, &out)
        le16(0, &out); le16(0, &out)
        le16(members.count, &out); le16(members.count, &out)
        le32(UInt32(central.count), &out); le32(centralOffset, &out)
        le16(0, &out)
        return out
    }

    /// Writes the archive to `path` atomically.
    public func write(to path: String) throws {
        try Data(try archiveBytes()).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
