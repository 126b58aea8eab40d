import Foundation
import Testing
import TinyCExport
import TinyCore
import TinyRuntime
import TinyTestSupport

/// Operators the golden zoo does not reach (float QUANTIZE, int8 requantize, DEQUANTIZE) on a
/// hand-built graph, bad export names, unsupported operators and unsupported tensor types.
@Suite struct CExportGraphTests {
    /// float [1, 64] -> QUANTIZE (0.11, 3) -> QUANTIZE to (0.37, -5) -> DEQUANTIZE -> float.
    static func quantizeChain() throws -> Graph {
        let shape = [1, 64]
        let tensors = [
            Tensor(name: "x", shape: shape, type: .float32, quantization: nil, storage: .activation),
            Tensor(name: "q", shape: shape, type: .int8, quantization: Quantization(scales: [0.11], zeroPoints: [3]),
                   storage: .activation),
            Tensor(name: "r", shape: shape, type: .int8, quantization: Quantization(scales: [0.37], zeroPoints: [-5]),
                   storage: .activation),
            Tensor(name: "y", shape: shape, type: .float32, quantization: nil, storage: .activation),
        ]
        func context(_ i: Int, _ input: Int, _ output: Int) -> OperatorContext {
            OperatorContext(tensors: tensors, index: i, inputs: [input], outputs: [output])
        }
        let ops: [Operator] = [
            .quantize(try QuantizeFloat(context: context(0, 0, 1))),
            .requantize(try RequantizeInt8(context: context(1, 1, 2))),
            .dequantize(try DequantizeInt8(context: context(2, 2, 3))),
        ]
        return Graph(tensors: tensors, operators: ops, operatorInputs: [[0], [1], [2]], operatorOutputs: [[1], [2], [3]],
                     inputs: [0], outputs: [3], constants: ConstantData())
    }

    @Test(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"))
    func quantizeRequantizeDequantizeMatchSwift() throws {
        let graph = try Self.quantizeChain()
        let library = try CExporter.export(graph: graph, name: "chain", source: "hand-built graph")
        let harness = try CHarness(library: library, graph: graph)
        defer { harness.remove() }
        // Ties, saturation, NaN and infinities, and a sweep through the representable range.
        var values: [Float] = [0, -0, 0.055, -0.055, 0.165, -0.165, 1e9, -1e9, .nan, .infinity, -.infinity, 110.05, -110.05]
        var state: UInt32 = 12345
        while values.count < 64 * 9 {
            state = state &* 1_664_525 &+ 1_013_904_223
            values.append((Float(state >> 8) / Float(1 << 24) - 0.5) * 40)
        }
        let interpreter = Interpreter(graph: graph)
        var expected: [UInt8] = []
        for c in 0 ..< values.count / 64 {
            let x = interpreter.tensorData(0).assumingMemoryBound(to: Float.self)
            for i in 0 ..< 64 { x[i] = values[c * 64 + i] }
            interpreter.invoke()
            expected += Array(UnsafeRawBufferPointer(start: interpreter.tensorData(3), count: 256))
        }
        let input = values.withUnsafeBytes { Array($0) }
        let got = try harness.invoke(input)
        #expect(got == expected)
    }

    @Test func rejectsNamesThatAreNotCIdentifiers() throws {
        let graph = try Self.quantizeChain()
        for bad in ["", "9lives", "kws-model", "a b", "ünï"] {
            #expect(throws: CExportError.notAnIdentifier(bad)) { try CExporter.export(graph: graph, name: bad, source: "test") }
        }
        let library = try CExporter.export(graph: graph, name: "_ok9", source: "test")
        #expect(library.files.map(\.name).sorted() == ["CMakeLists.txt", "README.md", "_ok9.c", "_ok9.h"])
    }

    @Test func unsupportedOperatorsAreAllListed() throws {
        let path = TestPaths.fixture("TinyCoreTests", "zoo/unsupported_ops.tflite").path
        do {
            _ = try Model(contentsOf: path)
            Issue.record("expected the model to be rejected")
        } catch {
            for op in ["EXP", "NEG", "FLOOR"] { #expect(error.description.contains(op), "\(error)") }
        }
    }

    @Test func int16TensorsAreRejectedWithTheirName() throws {
        var graph = try Self.quantizeChain()
        graph.tensors[0].type = .int16
        do {
            _ = try CExporter.export(graph: graph, name: "bad", source: "test")
            Issue.record("expected an export error")
        } catch {
            #expect(error.description.contains("int16"))
        }
    }
}
