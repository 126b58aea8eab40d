import Testing
import TinyFormats

/// The `.npy` reader refuses every malformed file with its own case (never a trap), and reads
/// back what the writer writes.
@Suite struct NpyArrayTests {
    /// An `.npy` file with `header` (padded as numpy pads it) and `data`; `version` its format.
    static func file(_ header: String, data: [UInt8] = [], version: UInt8 = 1) -> [UInt8] {
        var text = header
        let prefix = version == 1 ? 10 : 12
        text += String(repeating: " ", count: (64 - (prefix + text.utf8.count + 1) % 64) % 64) + "\n"
        let n = text.utf8.count
        let length: [UInt8] = version == 1 ? [UInt8(n & 0xFF), UInt8(n >> 8)] : [UInt8(n & 0xFF), UInt8(n >> 8), 0, 0]
        return [0x93] + Array("NUMPY".utf8) + [version, 0] + length + Array(text.utf8) + data
    }

    static func header(descr: String = "<f4", fortran: String = "False", shape: String) -> String {
        "{'descr': '\(descr)', 'fortran_order': \(fortran), 'shape': \(shape), }"
    }

    @Test func roundTrip() throws {
        for array in [try NpyArray(int8: [1, -1], shape: [2]), try NpyArray(float32: [1, 2, 3, 4, 5, 6], shape: [2, 3]),
                      try NpyArray(int64: [7], shape: []), NpyArray(strings: ["héllo", "x"]),
                      try NpyArray(dtype: .int32, shape: [0, 4], payload: [])] {
            #expect(try NpyArray(npy: array.fileBytes) == array)
        }
        let v2 = try NpyArray(npy: Self.file(Self.header(descr: "|u1", shape: "(2,)"), data: [9, 8], version: 2))
        #expect(v2.dtype == .uint8 && v2.shape == [2] && v2.payload == [9, 8])
    }

    @Test(arguments: [
        // The crash this guards: 2**62 × 8 elements of 4 bytes overflowed the shape product (SIGILL).
        ("(4611686018427387904, 8)", NpyError.shapeOverflow(shape: "(4611686018427387904, 8)")),
        ("(3037000500, 3037000500)", NpyError.shapeOverflow(shape: "(3037000500, 3037000500)")),
        ("(99999999999999999999999,)", NpyError.shapeOverflow(shape: "(99999999999999999999999,)")),
        ("(2, -3)", NpyError.negativeDimension(shape: "(2, -3)")),
        ("(two,)", NpyError.badHeader(key: "shape")),
    ])
    func badShapes(shape: String, error: NpyError) {
        #expect(throws: error) { try NpyArray(npy: Self.file(Self.header(shape: shape), data: [0, 0, 0, 0])) }
    }

    @Test func badFiles() {
        let good = Self.file(Self.header(shape: "(1,)"), data: [0, 0, 0x80, 0x3F])
        #expect(throws: NpyError.notNpy) { try NpyArray(npy: Array("PK\u{3}\u{4}notnumpy".utf8)) }
        #expect(throws: NpyError.notNpy) { try NpyArray(npy: [0x93]) }
        var v9 = good
        v9[6] = 9
        #expect(throws: NpyError.unsupportedVersion(major: 9, minor: 0)) { try NpyArray(npy: v9) }
        var long = good
        long[9] = 0x40   // header length 0x4000 + …: past the end
        #expect(throws: NpyError.headerPastEnd(headerBytes: 10 + (Int(good[8]) | 0x40 << 8), fileBytes: good.count)) {
            try NpyArray(npy: long)
        }
        #expect(throws: NpyError.headerPastEnd(headerBytes: 12, fileBytes: 10)) { try NpyArray(npy: Array(Self.file("", version: 2).prefix(10))) }
        #expect(throws: NpyError.unsupportedDType(">f8")) { try NpyArray(npy: Self.file(Self.header(descr: ">f8", shape: "(1,)"))) }
        #expect(throws: NpyError.unsupportedDType("|O")) { try NpyArray(npy: Self.file(Self.header(descr: "|O", shape: "(1,)"))) }
        #expect(throws: NpyError.fortranOrder) { try NpyArray(npy: Self.file(Self.header(fortran: "True", shape: "(1,)"))) }
        #expect(throws: NpyError.badHeader(key: "descr")) { try NpyArray(npy: Self.file("{'shape': (1,), 'fortran_order': False}")) }
        #expect(throws: NpyError.dataSize(expected: 4, actual: 3)) {
            try NpyArray(npy: Self.file(Self.header(shape: "(1,)"), data: [0, 0, 0]))
        }
        #expect(throws: NpyError.dataSize(expected: 4, actual: 5)) {
            try NpyArray(npy: Self.file(Self.header(shape: "(1,)"), data: [0, 0, 0, 0, 0]))
        }
    }

    @Test func descriptionsAreOneLine() {
        let errors: [NpyError] = [.notNpy, .unsupportedVersion(major: 4, minor: 1), .headerPastEnd(headerBytes: 9, fileBytes: 3),
                                  .badHeader(key: "shape"), .unsupportedDType("<c8"), .fortranOrder,
                                  .negativeDimension(shape: "(-1,)"), .shapeOverflow(shape: "(1,)"), .dataSize(expected: 1, actual: 2)]
        for e in errors { #expect(!e.description.contains("\n") && !e.description.isEmpty) }
        #expect(NpyError.unsupportedDType("<c8").description.contains("|i1, |u1, <i2, <i4, <i8, <f4, <U{n}"))
    }

    @Test func shapeProduct() {
        #expect(TensorShape.byteCount([2, 3], elementBytes: 4) == 24)
        #expect(TensorShape.byteCount([], elementBytes: 8) == 8)
        #expect(TensorShape.byteCount([Int.max, 2]) == nil)
        #expect(TensorShape.byteCount([2, -1]) == nil)
    }
}
