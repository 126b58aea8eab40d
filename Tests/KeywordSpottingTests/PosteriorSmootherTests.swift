import TinyPipeline
import KeywordSpotting
import Testing

/// The smoothing rules of `PosteriorSmoother`, on hand-made posterior sequences.
@Suite struct PosteriorSmootherTests {
    /// Classes 0, 1 are keywords; 2 is background.
    static let keywords = [true, true, false]

    /// Feeds one-hot-ish posteriors (`score` on `cls`, the rest on the background class) and
    /// returns the firings.
    static func run(_ smoother: inout PosteriorSmoother, _ sequence: [(cls: Int, score: Float)]) -> [PosteriorSmoother.Firing] {
        var out: [PosteriorSmoother.Firing] = []
        for (cls, score) in sequence {
            var p: [Float] = [0, 0, 0]
            p[cls] = score
            p[2] += 1 - score
            if let f = p.withUnsafeBufferPointer({ smoother.observe($0.baseAddress!) }) { out.append(f) }
        }
        return out
    }

    @Test func averageMustReachTheThreshold() {
        var s = PosteriorSmoother(keywords: Self.keywords, averageCount: 2, threshold: 0.7, suppressionWindows: 0, minimumCount: 1)
        // averages: 0.9 (fires), then 0.9/0.2 → mixed below, ...
        let firings = Self.run(&s, [(2, 1), (0, 0.6), (0, 0.65), (2, 1), (0, 0.9), (0, 0.8)])
        // window 2: mean(0.6, 0.65) = 0.625 < 0.7; window 4: mean(0, 0.9) = 0.45; window 5: mean(0.9, 0.8) = 0.85.
        #expect(firings.map(\.window) == [5])
        #expect(abs(firings[0].confidence - 0.85) < 1e-6)
        #expect(firings[0].peakWindow == 4, "the window with the highest own posterior")
    }

    @Test func minimumCountNeedsConsecutiveAgreement() {
        var s = PosteriorSmoother(keywords: Self.keywords, averageCount: 1, threshold: 0.5, suppressionWindows: 0, minimumCount: 3)
        let firings = Self.run(&s, [(0, 0.9), (0, 0.9), (1, 0.9), (1, 0.9), (1, 0.9), (1, 0.9), (1, 0.9)])
        #expect(firings.map(\.window) == [4], "class 0 ran for 2 windows only; class 1's run fires once, at its 3rd window")
        #expect(firings[0].classIndex == 1)
    }

    @Test func backgroundIsNeverReported() {
        var s = PosteriorSmoother(keywords: Self.keywords, averageCount: 3, threshold: 0.5, suppressionWindows: 0, minimumCount: 1)
        #expect(Self.run(&s, Array(repeating: (2, 1), count: 20)).isEmpty)
    }

    @Test func suppressionDropsRunsThatStartTooSoon() {
        var s = PosteriorSmoother(keywords: Self.keywords, averageCount: 1, threshold: 0.5, suppressionWindows: 5, minimumCount: 1)
        // 0 fires at window 0; 1 at window 2 is within 5 windows: dropped; 0 again at window 5: allowed.
        let firings = Self.run(&s, [(0, 0.9), (2, 1), (1, 0.9), (2, 1), (2, 1), (0, 0.9)])
        #expect(firings.map(\.window) == [0, 5])
        #expect(firings.map(\.classIndex) == [0, 0])
    }

    @Test func aRunFiresOnceHoweverLongItLasts() {
        var s = PosteriorSmoother(keywords: Self.keywords, averageCount: 1, threshold: 0.5, suppressionWindows: 0, minimumCount: 2)
        #expect(Self.run(&s, Array(repeating: (0, 0.9), count: 30)).map(\.window) == [1])
    }

    @Test func resetForgetsHistory() {
        var s = PosteriorSmoother(keywords: Self.keywords, averageCount: 4, threshold: 0.5, suppressionWindows: 100, minimumCount: 1)
        #expect(Self.run(&s, [(0, 1)]).count == 1)
        s.reset()
        #expect(s.windowsObserved == 0)
        #expect(Self.run(&s, [(0, 1)]).map(\.window) == [0], "no suppression or averaging carried over")
    }
}
