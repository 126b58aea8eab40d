import Foundation
import Testing
import TinyCore
import TinyLite
import TinyRuntime
import TinyTestSupport

/// Hostile and unsupported inputs end in typed errors, never crashes.
@Suite struct LoaderTests {
    static let zoo = TestPaths.fixture("TinyCoreTests", "zoo")
    static let math = HostMath(exp: { Foundation.exp($0) }, tanh: { Foundation.tanh($0) })

    @Test func listsEveryUnsupportedOperatorAtOnce() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.zoo.appendingPathComponent("unsupported_ops.tflite")))
        do {
            _ = try loadLiteModel(bytes, math: Self.math)
            Issue.record("expected unsupported operators")
        } catch {
            guard case .unsupportedOperators(let ops) = error else { Issue.record("wrong error \(error)"); return }
            let names = Set(ops.map(\.name))
            #expect(names.isSuperset(of: ["EXP", "NEG", "FLOOR"]))
            #expect(ops.allSatisfy { $0.version >= 1 })
        }
        #expect { try Model(bytes: bytes) } throws: { error in
            guard case .model(nil, .unsupportedOperators(let ops)) = error as? RuntimeError else { return false }
            return ops.contains { $0.name == "EXP" }
        }
        #expect(throws: RuntimeError.unreadableModel(path: "/nonexistent/m.tflite")) { try Model(contentsOf: "/nonexistent/m.tflite") }
    }

    /// A session's misuse is a case naming the tensor: no such input, wrong size, wrong type.
    @Test func sessionMisuseIsACase() throws {
        let session = Session(model: try Model(contentsOf: TestPaths.fixture("TinyCoreTests", "zoo/autoencoder.tflite").path))
        let input = session.inputs[0]
        #expect(throws: RuntimeError.noTensor(role: "input", index: 3)) { try session.setInput(3, bytes: []) }
        #expect(throws: RuntimeError.wrongSize(role: "input", index: 0, expected: input.byteCount, got: 1, unit: "bytes")) {
            try session.setInput(0, bytes: [0])
        }
        #expect(RuntimeError.wrongSize(role: "input", index: 0, expected: 4, got: 1, unit: "bytes").description
            == "input 0 needs 4 bytes, got 1")
    }

    /// Inputs the fuzzer found crashing (Fuzz/run.sh) load to an error or a valid model, never a trap.
    @Test(arguments: ["reshape-shape-overflow.bin"])
    func fuzzRegressions(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.fixture("TinyCoreTests", "fuzz/\(name)")))
        if let model = try? loadLiteModel(bytes, math: Self.math), model.graph.planArena().arenaBytes < 1 << 22 {
            Interpreter(graph: model.graph).invoke()
        }
    }

    /// Well-formed FlatBuffers with one broken field each (Tools/golden/invalid_models.py): the
    /// reader names the exact problem.
    @Test(arguments: [
        ("constant_output", LiteError.invalidGraph(.invalidOperator(op: 0, reason: .constantOutput))),
        ("buffer_size", LiteError.bufferSizeMismatch(tensor: 4, expected: 108, actual: 107)),
        ("tensor_index", LiteError.malformed(.badTensorIndex)),
        ("opcode_index", LiteError.malformed(.badOperatorCode)),
        ("huge_shape", LiteError.malformed(.tooLarge)),
        ("graph_output_index", LiteError.malformed(.badTensorIndex)),
        ("squeeze_dims_not_one", LiteError.invalidGraph(.invalidOperator(op: 1, reason: .badOptions))),
        ("squeeze_dims_range", LiteError.invalidGraph(.invalidOperator(op: 1, reason: .badOptions))),
    ])
    func invalidModelsNameTheirFault(_ name: String, _ expected: LiteError) throws {
        let bytes = [UInt8](try Data(contentsOf: TestPaths.fixture("TinyCoreTests", "invalid/\(name).tflite")))
        #expect(throws: expected) { try loadLiteModel(bytes, math: .portable) }
    }

    @Test func truncatedAndCorruptedModelsFailCleanly() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.zoo.appendingPathComponent("ds_cnn.tflite")))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            _ = try? loadLiteModel(Array(bytes[0 ..< length]), math: Self.math)
        }
        var rng = SystemRandomNumberGenerator()
        for _ in 0 ..< 300 {
            var mutated = bytes
            for _ in 0 ..< 8 { mutated[Int.random(in: 0 ..< mutated.count, using: &rng)] = UInt8.random(in: 0 ... 255, using: &rng) }
            if let model = try? loadLiteModel(mutated, math: Self.math),
               model.graph.tensors.reduce(0, { $0 + $1.byteCount }) < 1 << 22 {
                Interpreter(graph: model.graph).invoke()
            }
        }
        #expect(throws: LiteError.self) { try loadLiteModel(Array(bytes[0 ..< 100]), math: Self.math) }
    }
}

/// Quantization helpers against values that follow from TFLite's definitions.
@Suite struct QuantizationTests {
    @Test func quantizeMultiplier() {
        #expect(QuantizedMultiplier(0.5) == QuantizedMultiplier(multiplier: 1 << 30, shift: 0))
        #expect(QuantizedMultiplier(1.0) == QuantizedMultiplier(multiplier: 1 << 30, shift: 1))
        #expect(QuantizedMultiplier(0.75) == QuantizedMultiplier(multiplier: 1_610_612_736, shift: 0))
        // q * 2^31 rounds up to 2^31: halved, exponent incremented.
        #expect(QuantizedMultiplier(0.99999999999) == QuantizedMultiplier(multiplier: 1 << 30, shift: 1))
        // Shift below -31 flushes to zero.
        #expect(QuantizedMultiplier(1e-12) == QuantizedMultiplier(multiplier: 0, shift: 0))
        #expect(QuantizedMultiplier(0) == QuantizedMultiplier(multiplier: 0, shift: 0))
        // 2^-31 * 0.75 keeps shift -31 exactly.
        #expect(QuantizedMultiplier(0.75 * 0x1p-31).shift == -31)
    }

    @Test func roundingPrimitives() {
        #expect(saturatingRoundingDoublingHighMul(Int32.min, Int32.min) == Int32.max)
        #expect(saturatingRoundingDoublingHighMul(1 << 30, 1 << 30) == 1 << 29)
        #expect(saturatingRoundingDoublingHighMul(3, 1 << 30) == 2)     // 1.5 rounds up
        #expect(saturatingRoundingDoublingHighMul(-3, 1 << 30) == -1)   // -1.5: gemmlowp's nudge rounds toward zero
        #expect(roundingDivideByPOT(5, 1) == 3)
        #expect(roundingDivideByPOT(-5, 1) == -3)
        #expect(roundingDivideByPOT(-4, 3) == -1)
        #expect(roundingDivideByPOT(Int32.max, 31) == 1)
        // Double vs single rounding: 1 * 0.5 * 2^-1 = 0.25 becomes 0.5 -> 1 after two roundings, 0 after one.
        #expect(multiplyByQuantizedMultiplier(1, 1 << 30, -1) == 1)
        #expect(multiplyByQuantizedMultiplierSingleRounding(1, 1 << 30, -1) == 0)
        #expect(multiplyByQuantizedMultiplierSingleRounding(-3, 1 << 30, -1) == -1)
        #expect(multiplyByQuantizedMultiplier(-3, 1 << 30, -1) == -1)
    }

    @Test func activationRanges() {
        #expect(activationRangeInt8(.relu, scale: 0.1, zeroPoint: -20) == (-20, 127))
        #expect(activationRangeInt8(.relu6, scale: 0.1, zeroPoint: -128) == (-128, -68))
        #expect(activationRangeInt8(.reluN1To1, scale: 0.01, zeroPoint: 0) == (-100, 100))
        #expect(activationRangeInt8(.none, scale: 1, zeroPoint: 5) == (-128, 127))
    }
}

/// The arena planner against its lower bound.
@Suite struct ArenaPlannerTests {
    @Test func chainReusesMemory() {
        // Five buffers in a chain a->b->c->d->e: at most two live at once.
        let plan = ArenaPlan(sizes: [100, 200, 300, 200, 100], firstUse: [0, 0, 1, 2, 3], lastUse: [0, 1, 2, 3, 4])
        #expect(plan.lowerBound == 500)
        #expect(plan.arenaBytes >= plan.lowerBound && plan.arenaBytes <= 528)
    }

    @Test func disjointLifetimesShareOffsetZero() {
        let plan = ArenaPlan(sizes: [64, 64, 0], firstUse: [0, 2, 0], lastUse: [1, 3, 0])
        #expect(plan.offsets[0] == 0 && plan.offsets[1] == 0 && plan.offsets[2] == -1)
        #expect(plan.arenaBytes == 64)
    }
}
