import TinyPipeline
import MotorAnomaly
import Testing
import TinyTestSupport

/// The learning → calibration → monitoring logic on synthetic Gaussian feature frames.
@Suite struct AnomalyDetectorTests {
    static let dim = 16

    static func normalFrame(_ rng: inout SplitMix, shift: Float = 0) -> [Float] {
        (0 ..< dim).map { Float($0) + Float(rng.nextGaussian()) * 0.5 + shift }
    }

    static func detector(learn: Int, k: Double = 4, raise: Int = 3, clear: Int = 5) throws -> AnomalyDetector {
        let scorer = AnomalyScorer.gaussian(BaselineScorer(baseline: GaussianBaseline(dimension: dim, varianceFloor: 1e-6)))
        return try AnomalyDetector(scorer: scorer, calibration: .learn(windows: learn, calibrating: (learn + 1) / 2, k: k),
                                   alarm: AlarmHysteresis(raiseAfter: raise, clearAfter: clear))
    }

    @Test func learnsThenCalibratesFromOutOfSampleScores() throws {
        var rng = SplitMix(seed: 1)
        let d = try Self.detector(learn: 40)
        for i in 0 ..< 40 {
            let decision = try d.process(Self.normalFrame(&rng))
            #expect(decision.phase == .learning)
            #expect((decision.score == nil) == (i < 20), "the first half learns only; the second half is scored")
            #expect(!decision.alarmActive)
        }
        let threshold = try #require(d.threshold)
        let c = d.calibration.scores
        #expect(c.count == 20)
        #expect(abs(threshold - (c.mean + 4 * c.standardDeviation)) < 1e-12)
        // Mean squared z of Gaussian frames is about 1 (a little more out of sample).
        #expect(c.mean > 0.7 && c.mean < 1.6)
        guard case .gaussian(let scorer) = d.scorer else { Issue.record("not the Gaussian scorer"); return }
        #expect(scorer.baseline.count == 40, "every learning window is learned")
    }

    @Test func normalOnlyRaisesNoAlarm() throws {
        var rng = SplitMix(seed: 2)
        let d = try Self.detector(learn: 60)
        for _ in 0 ..< 2000 { _ = try d.process(Self.normalFrame(&rng)) }
        #expect(d.alarm.raisedCount == 0)
        #expect(d.windowsOverThreshold < 20)
    }

    @Test func shiftRaisesWithinRaiseAfterWindowsAndClearsAfterReturn() throws {
        var rng = SplitMix(seed: 3)
        let d = try Self.detector(learn: 60, raise: 3, clear: 5)
        for _ in 0 ..< 100 { _ = try d.process(Self.normalFrame(&rng)) }
        var raisedAt: Int?
        for i in 0 ..< 10 {
            let decision = try d.process(Self.normalFrame(&rng, shift: 3))
            if decision.transition == .raised { raisedAt = i }
        }
        #expect(raisedAt == 2, "raised on the third consecutive anomalous window")
        var clearedAt: Int?
        for i in 0 ..< 10 {
            let decision = try d.process(Self.normalFrame(&rng))
            if decision.transition == .cleared { clearedAt = i }
        }
        #expect(clearedAt == 4)
    }

    @Test func tooShortLearningIsAClearError() throws {
        #expect(throws: PipelineError.self) { try Self.detector(learn: 4) }
        _ = try Self.detector(learn: 5)
    }

    @Test func fixedThresholdMonitorsFromTheFirstWindow() throws {
        var rng = SplitMix(seed: 4)
        var baseline = GaussianBaseline(dimension: Self.dim, varianceFloor: 1e-6)
        for _ in 0 ..< 50 { baseline.learn(Self.normalFrame(&rng)) }
        baseline.refresh()
        let d = try AnomalyDetector(scorer: .gaussian(BaselineScorer(baseline: baseline)), calibration: .fixed(threshold: 3),
                                    alarm: AlarmHysteresis(raiseAfter: 1, clearAfter: 1))
        let first = try d.process(Self.normalFrame(&rng, shift: 5))
        #expect(first.phase == .monitoring && first.transition == .raised && first.threshold == 3)
        #expect(throws: PipelineError.self) {
            try AnomalyDetector(scorer: .gaussian(BaselineScorer(baseline: baseline)), calibration: .fixed(threshold: .nan),
                                alarm: AlarmHysteresis(raiseAfter: 1, clearAfter: 1))
        }
    }
}
