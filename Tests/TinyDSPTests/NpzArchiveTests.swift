import Foundation
import Testing
import TinyFeatures

/// The `.npz` writer's zip structure, CRCs and `.npy` headers (numpy reads these files: checked by
/// hand with `numpy.load`; here the bytes are checked against the formats' definitions).
@Suite struct NpzArchiveTests {
    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func npyHeadersAlignAndDescribe() {
        let a = NpyArray(int8: [1, -2, 3, 4, 5, 6], shape: [2, 3]).fileBytes
        #expect(Array(a.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let headerLength = Int(a[8]) | Int(a[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: a[10 ..< 10 + headerLength], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '|i1', 'fortran_order': False, 'shape': (2, 3), }") && header.hasSuffix("\n"))
        #expect(Array(a[(10 + headerLength)...]) == [1, 0xFE, 3, 4, 5, 6])
        let s = NpyArray(strings: ["ab", "c"])
        #expect(s.descr == "<U2" && s.shape == [2])
        #expect(s.payload == [0x61, 0, 0, 0, 0x62, 0, 0, 0, 0x63, 0, 0, 0, 0, 0, 0, 0])
        #expect(NpyArray(strings: ["x"], scalar: true).shape.isEmpty)
        #expect(NpyArray(float32: [1], shape: [1]).payload == [0, 0, 0x80, 0x3F])
        #expect(NpyArray(int64: [-1], shape: [1]).payload == [UInt8](repeating: 0xFF, count: 8))
    }

    @Test func zipStructure() throws {
        var archive = NpzArchive()
        archive.add("x", NpyArray(int8: [1, 2, 3], shape: [3]))
        archive.add("files", NpyArray(strings: ["a.wav"]))
        let bytes = try archive.archiveBytes()
        func u32(_ at: Int) -> UInt32 { (0 ..< 4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        // End of central directory: two entries, directory offset/size consistent.
        let end = bytes.count - 22
        #expect(u32(end) == 0x0605_4B50 && u16(end + 10) == 2)
        var central = Int(u32(end + 16))
        #expect(central + Int(u32(end + 12)) == end)
        for (name, array) in archive.members {
            #expect(u32(central) == 0x0201_4B50)
            let local = Int(u32(central + 42))
            #expect(u32(local) == 0x0403_4B50 && u16(local + 8) == 0, "stored")
            let size = Int(u32(local + 18)), nameLength = u16(local + 26)
            #expect(String(decoding: bytes[local + 30 ..< local + 30 + nameLength], as: UTF8.self) == name + ".npy")
            let data = Array(bytes[local + 30 + nameLength ..< local + 30 + nameLength + size])
            #expect(data == array.fileBytes && CRC32.checksum(data) == u32(local + 14))
            central += 46 + nameLength
        }
    }
}
