import Testing
import TinyDSP

/// Mel filterbanks against `librosa.filters.mel` (HTK/Slaney scales, every normalisation),
/// `tf.signal.linear_to_mel_weight_matrix` and CMSIS-DSP `mfcc.melFilterMatrix`.
@Suite struct MelFilterbankTests {
    static func bank(_ c: MelFilterbankConfiguration) throws -> [[Float]] {
        try MelFilterbank(c, sampleRate: 16000, fftSize: 512).denseMatrix()
    }

    /// Worst |ours − reference| over the bank, divided by the bank's largest weight.
    static func relativeError(_ a: [[Float]], _ b: [[Float]]) -> Float {
        let peak = b.flatMap { $0 }.map(abs).max()!
        return zip(a, b).map { Golden.maxAbsDifference($0, $1) }.max()! / peak
    }

    @Test(arguments: [
        ("htk_none", MelScale.htk, MelNormalization.none), ("slaney_slaney", .slaney, .slaney),
        ("slaney_l1", .slaney, .l1), ("htk_l2", .htk, .l2), ("slaney_max", .slaney, .max),
    ])
    func matchesLibrosa(name: String, scale: MelScale, normalization: MelNormalization) throws {
        let ours = try Self.bank(MelFilterbankConfiguration(bandCount: 40, minHertz: 20, maxHertz: 7600, scale: scale,
                                                            triangles: .hertz, normalization: normalization))
        let expected = try Golden.sparseBank("mel_librosa_\(name)", bins: 257)
        // Both compute in float64 and round once to float32: a few float32 ulps of the peak weight.
        #expect(Self.relativeError(ours, expected) < 1e-6, "\(name)")
    }

    @Test func matchesTensorFlowAndCMSIS() throws {
        let bank = try MelFilterbank(.tensorflow(bandCount: 40, minHertz: 20, maxHertz: 4000), sampleRate: 16000, fftSize: 512)
        let ours = bank.denseMatrix()
        // TF computes the matrix in float32 (mel of each bin, then ratios): ~1e-5 absolute on weights ≤ 1.
        #expect(Self.relativeError(ours, try Golden.sparseBank("mel_tf_40_20_4000", bins: 257)) < 3e-5)
        #expect(ours.allSatisfy { $0[0] == 0 }, "DC bin weighted 0")
        // CMSIS-DSP stores the same matrix sparse exactly as we do (first bin, run length, run weights).
        #expect(bank.startBins == (try Golden.ints("mel_cmsis_start_i32")))
        #expect(bank.lengths == (try Golden.ints("mel_cmsis_length_i32")))
        #expect(Golden.maxAbsDifference(bank.weights, try Golden.floats("mel_cmsis_weights").values) < 1e-6)
    }

    @Test func sparseApplyEqualsDenseProduct() throws {
        let bank = try MelFilterbank(.librosa(bandCount: 64, minHertz: 0, maxHertz: 8000), sampleRate: 16000, fftSize: 512)
        let spectrum = (0 ..< 257).map { Float(($0 * 7919) % 101) / 10 }
        var out = [Float](repeating: 0, count: 64)
        spectrum.withUnsafeBufferPointer { s in out.withUnsafeMutableBufferPointer { bank.apply(s.baseAddress!, into: $0.baseAddress!) } }
        let dense = bank.denseMatrix().map { row in zip(row, spectrum).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
        #expect(Golden.maxAbsDifference(out, dense) < 1e-5 * dense.max()!)
        #expect(bank.weights.count < 2 * 257, "stored sparse: about two weights per bin")
    }

    @Test func emptyBandsAndBadRanges() throws {
        // 128 bands over 257 bins: the lowest HTK bands are narrower than a bin.
        let narrow = try MelFilterbank(MelFilterbankConfiguration(bandCount: 128, minHertz: 0, maxHertz: 8000, scale: .htk,
                                                                  triangles: .hertz, normalization: .none),
                                       sampleRate: 16000, fftSize: 256)
        #expect(!narrow.emptyBands.isEmpty)
        for (lo, hi) in [(-1.0, 4000.0), (4000, 4000), (20, 8001)] {
            #expect(throws: DSPError.self) {
                try MelFilterbank(.tensorflow(bandCount: 40, minHertz: lo, maxHertz: hi), sampleRate: 16000, fftSize: 512)
            }
        }
        #expect(throws: DSPError.self) { try MelFilterbank(.tensorflow(bandCount: 0, minHertz: 20, maxHertz: 4000), sampleRate: 16000, fftSize: 512) }
    }

    /// A band count beyond the FFT's bins (found by fuzzing device images: 2^31 bands asked for
    /// 16 GB) is refused before anything is allocated; every bin its own band still builds.
    @Test func bandCountBeyondTheBins() throws {
        for bands in [258, Int(Int32.max)] {
            #expect(throws: DSPError.self) {
                try MelFilterbank(.tensorflow(bandCount: bands, minHertz: 20, maxHertz: 4000), sampleRate: 16000, fftSize: 512)
            }
        }
        #expect(try MelFilterbank(.tensorflow(bandCount: 257, minHertz: 20, maxHertz: 4000), sampleRate: 16000, fftSize: 512).bandCount == 257)
    }
}
