import Testing
import TinyDSP

/// Rounding rules at ties, clamping, and non-finite inputs.
@Suite struct Int8QuantizerTests {
    @Test func roundingRulesDifferOnlyAtTies() throws {
        let values: [Float] = [0.5, 1.5, 2.5, -0.5, -1.5, 0.49, -0.51]
        let even = try Int8Quantizer(scale: 1, zeroPoint: 0, rounding: .halfToEven)
        let away = try Int8Quantizer(scale: 1, zeroPoint: 0, rounding: .halfAwayFromZero)
        let up = try Int8Quantizer(scale: 1, zeroPoint: 0, rounding: .halfUp)
        #expect(values.map(even.quantize) == [0, 2, 2, 0, -2, 0, -1])   // numpy.round
        #expect(values.map(away.quantize) == [1, 2, 3, -1, -2, 0, -1])  // std::round
        #expect(values.map(up.quantize) == [1, 2, 3, 0, -1, 0, -1])     // floor(x + 0.5)
    }

    @Test func clampsAndHandlesNonFinite() throws {
        let q = try Int8Quantizer(scale: 0.5, zeroPoint: 10, rounding: .halfToEven, minimum: -100, maximum: 100)
        #expect(q.quantize(1000) == 100 && q.quantize(-1000) == -100)
        #expect(q.quantize(.infinity) == 100 && q.quantize(-.infinity) == -100 && q.quantize(.nan) == 10)
        #expect(q.dequantize(q.quantize(3)) == 3)
        #expect(throws: DSPError.self) { try Int8Quantizer(scale: 0, zeroPoint: 0, rounding: .halfToEven) }
        #expect(throws: DSPError.self) { try Int8Quantizer(scale: .nan, zeroPoint: 0, rounding: .halfToEven) }
        #expect(throws: DSPError.self) { try Int8Quantizer(scale: 1, zeroPoint: 200, rounding: .halfToEven) }
        #expect(throws: DSPError.self) { try Int8Quantizer(scale: 1, zeroPoint: 0, rounding: .halfToEven, minimum: 5, maximum: 4) }
    }
}
