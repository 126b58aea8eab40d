import Testing
@testable import TinyIO

/// `PolyphaseResampler` against `scipy.signal.resample_poly` (Tools/golden/resample.py).
@Suite struct PolyphaseResamplerTests {
    static let pairs: [(Int, Int)] = [(44100, 16000), (48000, 16000), (8000, 16000), (22050, 16000),
                                      (48000, 12000), (20000, 12000), (16000, 44100), (11025, 16000)]

    /// Tolerance 2e-6 absolute on signals of peak ≈ 1: Float accumulation over ≤ 64 taps against
    /// scipy's float64 (observed max 1.8e-7 over the eight pairs).
    @Test(arguments: pairs)
    func matchesResamplePolyWholeInput(_ pair: (Int, Int)) throws {
        let (input, expected) = try Self.golden(pair)
        var resampler = try PolyphaseResampler(inputRate: pair.0, outputRate: pair.1)
        let output = resampler.resample(input)
        #expect(output.count == expected.count)
        #expect(FixtureFiles.maxAbsDifference(output, expected) < 2e-6)
    }

    /// Block sizes 1, 7, 160, 441 and random ones give bit-identical output to the whole-input run.
    @Test(arguments: pairs)
    func streamingIsIndependentOfBlockSizes(_ pair: (Int, Int)) throws {
        let (input, _) = try Self.golden(pair)
        var whole = try PolyphaseResampler(inputRate: pair.0, outputRate: pair.1)
        let reference = whole.resample(input)
        var rng = SplitMix64(seed: UInt64(pair.0 * 7 + pair.1))
        for blockPattern in [[1], [7], [160], [441], [3, 1000, 1, 64]] + [(0 ..< 20).map { _ in Int(rng.next() % 300) }] {
            var resampler = try PolyphaseResampler(inputRate: pair.0, outputRate: pair.1, chunkSize: 37)
            var output: [Float] = []
            var offset = 0, k = 0
            while offset < input.count {
                let n = min(blockPattern[k % blockPattern.count], input.count - offset)
                k += 1
                var out = [Float](repeating: .nan, count: resampler.maxOutputCount(forInputCount: n))
                let produced = input[offset ..< offset + n].withUnsafeBufferPointer { block in
                    out.withUnsafeMutableBufferPointer { resampler.process(block, into: $0) }
                }
                output += out[0 ..< produced]
                offset += n
            }
            var tail = [Float](repeating: .nan, count: resampler.pendingOutputCount)
            let produced = tail.withUnsafeMutableBufferPointer { resampler.finish(into: $0) }
            #expect(produced == tail.count)
            output += tail
            #expect(output == reference, "block pattern \(blockPattern.prefix(4))")
        }
    }

    /// The designed filter for 3/5 equals `firwin(101, 1/5, window=('kaiser', 5.0)) * 3` (within 1e-15).
    @Test func filterDesignMatchesFirwin() throws {
        let expected = try FixtureFiles.float64("resample/taps_3_5.f64")
        let taps = PolyphaseResampler.resamplePolyTaps(up: 3, down: 5)
        #expect(taps.count == expected.count)
        #expect(zip(taps, expected).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func equalRatesAreIdentity() throws {
        var resampler = try PolyphaseResampler(inputRate: 16000, outputRate: 16000)
        let x: [Float] = (0 ..< 100).map { Float($0) * 0.01 - 0.3 }
        #expect(resampler.resample(x) == x)
    }

    @Test func absurdRatesAreRefused() {
        #expect(throws: IOError.invalidSampleRate(0, accepted: AudioLimits.sampleRates)) {
            try PolyphaseResampler(inputRate: 0, outputRate: 16000)
        }
        #expect(throws: IOError.invalidSampleRate(10_000_000, accepted: AudioLimits.sampleRates)) {
            try PolyphaseResampler(inputRate: 44100, outputRate: 10_000_000)
        }
        #expect(throws: IOError.unsupportedResampling(from: 700_001, to: 16000, up: 16000, down: 700_001, maxFactor: 65536)) {
            try PolyphaseResampler(inputRate: 700_001, outputRate: 16000)
        }
    }

    static func golden(_ pair: (Int, Int)) throws -> ([Float], [Float]) {
        (try FixtureFiles.float32("resample/in_\(pair.0)_\(pair.1).f32"),
         try FixtureFiles.float32("resample/out_\(pair.0)_\(pair.1).f32"))
    }
}

/// A small deterministic generator for test block sizes.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
