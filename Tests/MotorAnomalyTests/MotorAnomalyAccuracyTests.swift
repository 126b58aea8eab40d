import Foundation
import MotorAnomaly
import Testing
import TinyIO
import TinyTestSupport

/// The pipeline on the CWRU data (`tinyml eval anomaly`'s numbers), with either scorer: learned on
/// (Gaussian) or trained on (autoencoder) the 3 s of train normal, scored on every val-normal and
/// test-fault window.
///
/// Thresholds: the data separate easily (SOURCE.md: frame AUC 1.0 with a plain z-score), so the
/// AUCs must stay ≥ 0.99 overall, per fault type and per load; at the calibrated threshold ≥ 99 %
/// of fault windows are detected and ≤ 1 of the 22 val-normal windows is a false alarm. The IMS
/// second machine must be flagged by the CWRU baseline (≥ 90 %: another machine is not "normal"),
/// and a baseline learned on IMS's own train normal must flag ≤ 2 % of IMS val normal.
@Suite struct MotorAnomalyAccuracyTests {
    static let data = TestPaths.dataset("anomaly")

    @Test(.enabled(if: data != nil, Comment(rawValue: TestPaths.missingDatasetMessage("anomaly"))),
          arguments: AnomalyPipeline.ScorerKind.allCases)
    func cwruAUCDetectionAndFalseAlarms(_ scorer: AnomalyPipeline.ScorerKind) throws {
        var pipeline = try MonitorHarness.pipeline()
        pipeline.scorer = scorer
        let e = try AnomalyEvaluation.run(manifest: Manifest(contentsOf: Self.data!), pipeline: pipeline)
        #expect(e.machine == "CWRU")
        #expect(e.trainWindows == 70)
        #expect(e.overall.negatives == 22 && e.overall.positives > 10_000)
        #expect(e.overall.auc >= 0.99)
        #expect(Set(e.byFaultType.map(\.name)) == ["ball", "inner_race", "outer_race"])
        #expect(Set(e.byLoad.map(\.name)) == ["0", "1", "2"], "the held-out 3 hp files are never read")
        for g in e.byFaultType + e.byLoad {
            #expect(g.auc >= 0.99, "\(g.name): AUC \(g.auc)")
            #expect(g.detectionRate >= 0.99, "\(g.name): detection \(g.detectionRate)")
        }
        #expect(e.overall.falseAlarmRate <= 1.0 / 22)
        let ims = try #require(e.transfer.first { $0.machine == "IMS" })
        #expect(ims.transferFalseAlarmRate >= 0.9)
        #expect(ims.ownFalseAlarmRate <= 0.02)
    }
}
