import Testing
import TinyDSP

/// Vibration statistics against numpy/scipy.stats (time domain) and librosa (spectral shape).
@Suite struct FrameStatisticsTests {
    @Test func matchReferences() throws {
        let signal = try Golden.floats("signal_12k").values
        let list: [FrameStatistic] = [.rms, .peak, .kurtosis, .skewness, .spectralCentroid, .spectralSpread,
                                      .spectralRolloff(fraction: 0.85), .spectralFlatness, .crestFactor, .spectralFlux]
        let c = FrontEndConfiguration(sampleRate: 12000, normalization: .none, frameLength: 1024, hop: 512, fftSize: 1024,
                                      window: .hann(.periodic), spectrum: .power, features: .statistics(list), log: nil,
                                      cepstrum: nil, framesPerInput: 1)
        let frontEnd = try StreamingFrontEnd(configuration: c, fft: try PortableRealFFT(size: 1024))
        var rows: [[Float]] = []
        var row = [Float](repeating: 0, count: c.rowWidth)
        signal.withUnsafeBufferPointer { s in
            var offset = 0
            while offset < s.count {
                offset += frontEnd.append(UnsafeBufferPointer(rebasing: s[offset...]))
                if frontEnd.hasInput {
                    row.withUnsafeMutableBufferPointer { frontEnd.takeInput(into: $0.baseAddress!) }
                    rows.append(row)
                }
            }
        }
        let column = { (i: Int) in rows.map { $0[i] } }
        func relative(_ name: String, _ i: Int) throws -> Float {
            let expected = try Golden.floats(name).values
            #expect(expected.count == rows.count)
            return Golden.maxAbsDifference(column(i), expected) / expected.map(abs).max()!
        }
        #expect(try relative("stats_rms", 0) < 1e-6)
        #expect(try relative("stats_peak", 1) == 0)
        #expect(try relative("stats_kurtosis", 2) < 1e-6)
        #expect(try relative("stats_skewness", 3) < 1e-5)
        #expect(try relative("stats_centroid", 4) < 1e-5)
        #expect(try relative("stats_spread", 5) < 1e-5)
        // Rolloff is a bin frequency: equal, or one bin (11.7 Hz) off where float sums tie the threshold.
        #expect(Golden.maxAbsDifference(column(6), try Golden.floats("stats_rolloff").values) <= 12000.0 / 1024)
        #expect(try relative("stats_flatness", 7) < 1e-4)
        for r in rows { #expect(abs(r[8] - r[1] / r[0]) < 1e-5 * r[8], "crest = peak / rms") }
        #expect(rows[0][9] == 0 && rows.dropFirst().allSatisfy { $0[9] > 0 }, "flux: 0 on the first frame, then positive")
    }

    @Test func momentsOfKnownSignals() {
        let constant = [Float](repeating: 2, count: 64)
        let m = constant.withUnsafeBufferPointer { SignalMoments($0.baseAddress!, count: 64) }
        #expect(m.rms == 2 && m.kurtosis == 0 && m.skewness == 0 && m.crestFactor == 1)
        let square = (0 ..< 64).map { Float($0 % 2 == 0 ? 1 : -1) }
        let s = square.withUnsafeBufferPointer { SignalMoments($0.baseAddress!, count: 64, gain: 3) }
        #expect(s.rms == 3 && s.peak == 3 && s.kurtosis == 1 && s.skewness == 0)
    }
}
