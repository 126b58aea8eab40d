import TinyPipeline
import MotorAnomaly
import Testing
import TinyTestSupport

/// Welford moments equal the two-pass mean and unbiased variance, also with a large offset where
/// the naive Σx² − n·mean² formula loses every digit in Float.
@Suite struct FeatureMomentsTests {
    @Test func matchesTwoPassStatistics() {
        var rng = SplitMix(seed: 7)
        let n = 500, dim = 3
        let offsets: [Float] = [0, 1e4, -3]
        var rows: [[Float]] = []
        var moments = FeatureMoments(dimension: dim)
        for _ in 0 ..< n {
            let row = (0 ..< dim).map { offsets[$0] + Float(rng.nextGaussian()) * Float($0 + 1) }
            rows.append(row)
            moments.add(row)
        }
        #expect(moments.count == n)
        for d in 0 ..< dim {
            let column = rows.map { Double($0[d]) }
            let mean = column.reduce(0, +) / Double(n)
            let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
            // Tolerances: relative 1e-12 (Double accumulation of Float inputs).
            #expect(abs(moments.mean[d] - mean) <= 1e-12 * max(1, abs(mean)))
            #expect(abs(moments.variance(d) - variance) <= 1e-9 * variance)
        }
    }

    @Test func varianceIsZeroBeforeTwoVectors() {
        var moments = FeatureMoments(dimension: 2)
        #expect(moments.variance(0) == 0)
        moments.add([1, 2])
        #expect(moments.variance(1) == 0)
        moments.add([3, 2])
        #expect(moments.variance(0) == 2)
        #expect(moments.variance(1) == 0)
    }

    @Test func scoreMomentsTrackMeanSigmaAndMaximum() {
        var s = ScoreMoments()
        for v in [2.0, 4, 4, 4, 5, 5, 7, 9] { s.add(v) }
        #expect(s.mean == 5)
        #expect(abs(s.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(s.maximum == 9)
    }
}
