import Testing
import TinyDSP
import TinyFeatures

/// `SensorFrontEnd`: units, gains and resampling against scipy (`resample_poly(..., padtype='edge')`).
@Suite struct SensorFrontEndTests {
    static func spec(rate: Int = 25, unit: SensorWindowSpec.UnitPolicy = .fixed(.g), gains: [Float] = [1, 1, 1]) throws -> SensorWindowSpec {
        try SensorWindowSpec(name: "test", summary: "", sampleRate: rate, columns: .all, channelCount: 3,
                             accelerometerChannels: [0, 1, 2], unit: unit, gains: gains, windowLength: 8, quantization: nil)
    }

    /// All model-rate frames of `frames` (interleaved, 3 channels) through a front end.
    static func run(_ frames: [Float], spec: SensorWindowSpec, inputRate: Int, unit: AccelerationUnit? = nil) throws -> [Float] {
        let f = try SensorFrontEnd(spec: spec, inputRate: inputRate, sourceName: "test", unitOverride: unit)
        var out: [Float] = []
        for t in 0 ..< frames.count / 3 {
            try f.push(Array(frames[t * 3 ..< t * 3 + 3])) { out += $0 }
        }
        try f.finish { out += $0 }
        return out
    }

    /// Tolerance: 1e-3 g (observed 1.4e-5 for 119→25 Hz, 4.8e-4 for 25→50 Hz). The filter is scipy's;
    /// the edges differ because the front end pads by subtracting the first value rather than by
    /// filtering a held constant, whose per-phase DC gain is not exactly 1; float accumulation adds ≈1e-6.
    @Test(arguments: [(119, 25), (25, 50)])
    func resamplesLikeScipyWithEdgePadding(_ inputRate: Int, _ outputRate: Int) throws {
        let input = try GestureTestData.float32("resample_in_\(inputRate).npy")
        let expected = try GestureTestData.float32("resample_out_\(inputRate)_\(outputRate).npy")
        let out = try Self.run(input.values, spec: try Self.spec(rate: outputRate), inputRate: inputRate)
        #expect(out.count == expected.values.count)
        let worst = zip(out, expected.values).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-3, "max |swift − scipy| = \(worst)")
    }

    @Test func equalRatesPassFramesThrough() throws {
        let frames: [Float] = [0.1, -0.2, 0.97, 0.3, 0.1, 0.9]
        #expect(try Self.run(frames, spec: try Self.spec(), inputRate: 25) == frames)
    }

    @Test func detectedUnitsGiveTheSameFramesInG() throws {
        let g: [Float] = (0 ..< 40).flatMap { t -> [Float] in [0.1 * Float(t % 5), -0.3, 0.95] }
        let spec = try Self.spec(unit: .detect(samples: 25))
        let fromG = try Self.run(g, spec: spec, inputRate: 25)
        let fromMilliG = try Self.run(g.map { $0 * 1000 }, spec: spec, inputRate: 25)
        let fromSI = try Self.run(g.map { $0 * 9.80665 }, spec: spec, inputRate: 25)
        #expect(fromG.count == g.count)
        #expect(zip(fromG, g).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(zip(fromMilliG, g).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(zip(fromSI, g).allSatisfy { abs($0 - $1) < 1e-5 })
    }

    @Test func gainsScaleChannelsAfterTheUnit() throws {
        let spec = try Self.spec(gains: [1, 2, 0.5])
        #expect(try Self.run([1000, 1000, 1000], spec: spec, inputRate: 25, unit: .milliG) == [1, 2, 0.5])
    }

    @Test func aStreamWithoutGravityIsRefused() throws {
        let spec = try Self.spec(unit: .detect(samples: 4))
        #expect { try Self.run([Float](repeating: 0, count: 30), spec: spec, inputRate: 25) } throws: { error in
            guard case .source("test", _) = error as? SensorInputError else { return false }
            return true
        }
        // Fewer frames than the detection needs: decided (and refused) at the end.
        #expect(throws: SensorInputError.self) { try Self.run([0.01, 0, 0], spec: spec, inputRate: 25) }
    }
}
