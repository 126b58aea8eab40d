import Foundation
import Testing
import TinyFormats
import TinyTestSupport

/// The `.npz` writer's zip structure, CRCs and `.npy` headers, for whole and streamed members,
/// checked against the formats' definitions and (where numpy is installed) by `numpy.load`.
@Suite struct NpzWriterTests {
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("npz-\(UUID().uuidString)-\(name)").path
    }

    @Test func crc32CheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        var running = CRC32.Running()
        running.update(Array("12345".utf8))
        running.update(Array("6789".utf8))
        #expect(running.value == 0xCBF4_3926)
    }

    @Test func npyHeadersAlignAndDescribe() throws {
        let a = try NpyArray(int8: [1, -2, 3, 4, 5, 6], shape: [2, 3]).fileBytes
        #expect(Array(a.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let headerLength = Int(a[8]) | Int(a[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: a[10 ..< 10 + headerLength], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '|i1', 'fortran_order': False, 'shape': (2, 3), }") && header.hasSuffix("\n"))
        #expect(Array(a[(10 + headerLength)...]) == [1, 0xFE, 3, 4, 5, 6])
        let s = NpyArray(strings: ["ab", "c"])
        #expect(s.dtype == .unicode(2) && s.shape == [2])
        #expect(s.payload == [0x61, 0, 0, 0, 0x62, 0, 0, 0, 0x63, 0, 0, 0, 0, 0, 0, 0])
        #expect(NpyArray(strings: ["x"], scalar: true).shape.isEmpty)
        #expect(try NpyArray(float32: [1], shape: [1]).payload == [0, 0, 0x80, 0x3F])
        #expect(try NpyArray(int64: [-1], shape: [1]).payload == [UInt8](repeating: 0xFF, count: 8))
        #expect(throws: NpyError.countMismatch(shape: [2], count: 3)) { try NpyArray(int8: [1, 2, 3], shape: [2]) }
    }

    /// Writes `x` streamed in three pieces and `files` whole; returns the archive's bytes.
    static func sampleArchive(at path: String) throws -> [UInt8] {
        let writer = try NpzWriter(path: path)
        let x = try writer.beginRows("x", dtype: .int8, rowShape: [2])
        try x.append(rows: [1, 2])
        try x.append(rows: [])
        try x.append(rows: [3, 4, 5, 6])
        try writer.endRows()
        try writer.add("files", NpyArray(strings: ["a.wav", "b.wav", "c.wav"]))
        try writer.finish()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func zipStructure() throws {
        let path = Self.temporary("a.npz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try Self.sampleArchive(at: path)
        let expected: [(String, [UInt8])] = [
            ("x", try NpyArray(int8: [1, 2, 3, 4, 5, 6], shape: [3, 2]).fileBytes),
            ("files", NpyArray(strings: ["a.wav", "b.wav", "c.wav"]).fileBytes),
        ]
        func u32(_ at: Int) -> UInt32 { (0 ..< 4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        // End of central directory: two entries, directory offset/size consistent.
        let end = bytes.count - 22
        #expect(u32(end) == 0x0605_4B50 && u16(end + 10) == 2)
        var central = Int(u32(end + 16))
        #expect(central + Int(u32(end + 12)) == end)
        for (name, npy) in expected {
            #expect(u32(central) == 0x0201_4B50)
            #expect(u32(central + 16) == CRC32.checksum(npy) && Int(u32(central + 20)) == npy.count)
            let local = Int(u32(central + 42))
            #expect(u32(local) == 0x0403_4B50 && u16(local + 8) == 0, "stored")
            let size = Int(u32(local + 18)), nameLength = u16(local + 26)
            #expect(String(decoding: bytes[local + 30 ..< local + 30 + nameLength], as: UTF8.self) == name + ".npy")
            let data = Array(bytes[local + 30 + nameLength ..< local + 30 + nameLength + size])
            // The streamed member's header reserves room for any row count: same data, longer padding.
            let decoded = try NpyArray(npy: data)
            #expect(decoded == (try NpyArray(npy: npy)))
            #expect(CRC32.checksum(data) == u32(local + 14) && u32(local + 14) == u32(central + 16))
            central += 46 + nameLength
        }
    }

    static let numpy: Bool = (try? runProcess("/usr/bin/env", ["python3", "-c", "import numpy"]).status) == 0

    @Test(.enabled(if: numpy, "python3 with numpy is not installed"))
    func numpyLoadsTheStreamedArchive() throws {
        let path = Self.temporary("b.npz")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.sampleArchive(at: path)
        let script = "import numpy as np, sys; a = np.load(sys.argv[1]); "
            + "print(a['x'].dtype, a['x'].shape, a['x'].tolist(), a['files'].tolist())"
        let run = try runProcess("/usr/bin/env", ["python3", "-c", script, path])
        #expect(run.status == 0)
        #expect(run.output.trimmingCharacters(in: .whitespacesAndNewlines)
            == "int8 (3, 2) [[1, 2], [3, 4], [5, 6]] ['a.wav', 'b.wav', 'c.wav']")
    }

    @Test func streamedNpyFile() throws {
        let path = Self.temporary("x.npy")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try NpyWriter(path: path, dtype: .float32, rowShape: [1])
        try writer.append(rows: [0, 0, 0x80, 0x3F])
        try writer.finish()
        let read = try NpyArray(npy: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(read == (try NpyArray(float32: [1], shape: [1, 1])))
    }

    @Test func unwritablePathIsAnIOError() {
        #expect {
            _ = try NpzWriter(path: "/nonexistent-dir/out.npz")
        } throws: { ($0 as? NpzError).map { if case .io(let p, _) = $0 { p == "/nonexistent-dir/out.npz" } else { false } } ?? false }
    }
}
