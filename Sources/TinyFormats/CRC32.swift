/// CRC-32 as zip, gzip and PNG use it (IEEE 802.3, reflected polynomial 0xEDB88320, initial value
/// and final XOR 0xFFFFFFFF): `CRC32.checksum("123456789".utf8) == 0xCBF43926`. A format
/// checksum only (the `.npz` writer's zip entries); identities are `SHA256`'s.
public enum CRC32 {
    static let table: [UInt32] = (0 ..< 256).map { n in
        var c = UInt32(n)
        for _ in 0 ..< 8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc = Running()
        crc.update(bytes)
        return crc.value
    }

    /// A checksum fed in pieces.
    public struct Running: Sendable {
        private var c: UInt32 = 0xFFFF_FFFF
        public init() {}
        public mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            var c = self.c
            CRC32.table.withUnsafeBufferPointer { table in
                for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
            }
            self.c = c
        }
        public var value: UInt32 { c ^ 0xFFFF_FFFF }
    }
}
