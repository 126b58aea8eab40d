import Foundation
import Testing
import TinyRuntime

/// `.npy` headers the fuzzer found trapping (Fuzz/findings/npy) end in a RuntimeError.
@Suite struct NpyTensorTests {
    /// A version 1.0 file whose header is `header` (padded as numpy pads it) and payload `payload`.
    static func npy(_ header: String, payload: [UInt8] = []) -> Data {
        var text = header
        text += String(repeating: " ", count: (64 - (10 + text.utf8.count + 1) % 64) % 64) + "\n"
        let n = text.utf8.count
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(n & 0xFF), UInt8(n >> 8)] + Array(text.utf8) + payload)
    }

    @Test func shapeWithTheClosingParenthesisFirst() {
        let data = Self.npy("{'descr': '|i1', 'fortran_order': False, 'shape': )3,(, }")
        #expect(throws: RuntimeError.self) { try NpyTensor.read(data) }
    }

    @Test func shapeWhoseSizeOverflows() {
        let data = Self.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904, 2), }")
        #expect(throws: RuntimeError.self) { try NpyTensor.read(data) }
    }

    /// An empty array with a huge other dimension is still exactly its (zero) bytes.
    @Test func emptyArrayWithAHugeDimension() throws {
        let array = try NpyTensor.read(Self.npy("{'descr': '|i1', 'fortran_order': False, 'shape': (0, 4611686018427387904), }"))
        #expect(array.shape == [0, 4611686018427387904] && array.bytes.isEmpty)
    }
}
