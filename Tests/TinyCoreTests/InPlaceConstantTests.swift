import Foundation
import Testing
import TinyCore
import TinyLite
import TinyTestSupport

/// `loadLiteModel(_:math:constants: .inPlace)` — the firmware's load, kernels reading the weights
/// from the .tflite bytes where they lie — against the copying load, on every zoo model and its
/// LiteRT BUILTIN_REF cases:
/// - from a 16-byte aligned copy of the file: every file constant is mapped (nothing copied but
///   load-time folds), and the outputs equal LiteRT's bit for bit;
/// - from a copy placed 1 byte past an aligned address: int8 constants stay mapped, every wider
///   constant (int32 biases, float, shape values) is copied to an aligned block, outputs unchanged.
@Suite struct InPlaceConstantTests {
    static let entries = ModelZooTests.entries

    /// The zoo file `name` at `misalignment` bytes past a 16-byte boundary of a buffer that lives
    /// as long as `body` runs (the in-place graph's lifetime contract).
    static func withModelBytes<R>(_ name: String, misalignment: Int,
                                  _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let file = try Data(contentsOf: ModelZooTests.directory.appendingPathComponent("\(name).tflite"))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: file.count + misalignment, alignment: 16)
        defer { buffer.deallocate() }
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        file.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: buffer[misalignment...]))
        return try body(UnsafeRawBufferPointer(rebasing: buffer[misalignment...]))
    }

    /// Runs every case through an interpreter over `graph`; all outputs concatenated.
    static func outputs(_ graph: Graph, _ entry: ModelZooTests.Entry) throws -> [UInt8] {
        let inputs = [UInt8](try Data(contentsOf: ModelZooTests.directory.appendingPathComponent("\(entry.name).in.bin")))
        let interpreter = Interpreter(graph: graph)
        var out: [UInt8] = []
        for c in 0 ..< entry.cases {
            let input = interpreter.tensorData(graph.inputs[0])
            inputs.withUnsafeBytes { input.copyMemory(from: $0.baseAddress! + c * entry.inputBytes, byteCount: entry.inputBytes) }
            interpreter.invoke()
            let output = interpreter.tensorData(graph.outputs[0])
            out += UnsafeRawBufferPointer(start: output, count: entry.outputBytes)
        }
        return out
    }

    static func reference(_ entry: ModelZooTests.Entry) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: ModelZooTests.directory.appendingPathComponent("\(entry.name).out.bin")))
    }

    @Test(arguments: entries)
    func alignedFileIsReadInPlace(_ entry: ModelZooTests.Entry) throws {
        try Self.withModelBytes(entry.name, misalignment: 0) { bytes in
            let copied = try loadLiteModel(bytes, math: .portable)
            let inPlace = try loadLiteModel(bytes, math: .portable, constants: .inPlace)
            #expect(copied.mappedConstantBytes == 0)
            let fileConstants = copied.graph.tensors.filter(\.isConstant).reduce(0) { $0 + $1.byteCount }
            let folded = inPlace.graph.tensors.filter { if case .constant = $0.storage { true } else { false } }
            #expect(inPlace.mappedConstantBytes + folded.reduce(0) { $0 + $1.byteCount } == fileConstants)
            #expect(inPlace.copiedConstantBytes < copied.copiedConstantBytes || fileConstants == 0)
            for t in inPlace.graph.tensors {
                if case .mapped(let offset) = t.storage {
                    #expect(offset >= 0 && offset + t.byteCount <= bytes.count)
                }
            }
            #expect(try Self.outputs(inPlace.graph, entry) == Self.reference(entry), "\(entry.name)")
        }
    }

    @Test(arguments: entries)
    func misalignedWideConstantsAreCopied(_ entry: ModelZooTests.Entry) throws {
        try Self.withModelBytes(entry.name, misalignment: 1) { bytes in
            let model = try loadLiteModel(bytes, math: .portable, constants: .inPlace)
            let aligned = try loadLiteModel(bytes, math: .portable, constants: .copied).graph.tensors.filter(\.isConstant)
            let wide = aligned.filter { $0.type.byteWidth > 1 }.reduce(0) { $0 + $1.byteCount }
            #expect(model.copiedConstantBytes >= wide, "\(entry.name): \(wide) B of wide constants, \(model.copiedConstantBytes) B copied")
            for t in model.graph.tensors where t.isConstant {
                if case .mapped(let offset) = t.storage {
                    #expect(t.type.byteWidth == 1 || Int(bitPattern: bytes.baseAddress! + offset) % t.type.byteWidth == 0,
                            "\(entry.name): \(t.name) mapped at a misaligned address")
                }
            }
            #expect(try Self.outputs(model.graph, entry) == Self.reference(entry), "\(entry.name)")
        }
    }
}
