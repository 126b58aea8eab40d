import Foundation
import MotorAnomaly
import Testing
import TinyIO
import TinyTestSupport

/// The streaming monitor end to end: a signal that switches from normal to a fault raises the alarm
/// within a bounded time; a normal-only signal raises none.
///
/// Latency bound: an alarm needs `raiseAfter` (3) consecutive windows over the threshold; windows
/// are 1024 samples with hop 512 at 12 kHz, so once the fault is present the third window over
/// ends at most (raiseAfter + 1) hops + one window = 3072 samples = 0.256 s after the onset.
@Suite struct StreamingAlarmTests {
    static let latencyBound = 0.256

    @Test func syntheticFaultRaisesWithinBoundAndNormalRaisesNone() throws {
        let onset = 6.0
        let run = try MonitorHarness.run(SyntheticVibration.signal(seconds: 9, faultFrom: onset), learn: 3)
        let raised = try #require(run.firstRaise, "the fault must raise an alarm")
        #expect(raised > onset, "no alarm before the fault")
        #expect(raised - onset <= Self.latencyBound, "latency \(raised - onset) s")
        #expect(run.summary.alarmActiveAtEnd)
        #expect(run.summary.exitStatus == MonitorSummary.exitAlarmActive)

        let normal = try MonitorHarness.run(SyntheticVibration.signal(seconds: 60, seed: 2), learn: 3)
        #expect(normal.summary.alarmsRaised == 0)
        #expect(normal.summary.exitStatus == MonitorSummary.exitNoAlarm)
        #expect(normal.summary.windows == (60 * 12000 - 1024) / 512 + 1)
    }

    @Test func faultThatStopsClearsTheAlarm() throws {
        let faulty = SyntheticVibration.signal(seconds: 8, faultFrom: 5, seed: 3)
        let healthy = SyntheticVibration.signal(seconds: 3, seed: 4)
        let run = try MonitorHarness.run(Array(faulty.prefix(6 * 12000)) + healthy, learn: 3)
        #expect(run.summary.alarmsRaised == 1)
        #expect(!run.summary.alarmActiveAtEnd)
        #expect(run.summary.exitStatus == MonitorSummary.exitAlarmCleared)
        let cleared = try #require(run.reports.first { $0.decision.transition == .cleared }?.time)
        // clearAfter = 5 windows: ≤ (5 + 1) hops + one window after the fault ends at 6 s.
        #expect(cleared > 6 && cleared - 6 <= Double(6 * 512 + 1024) / 12000)
    }

    static let data = TestPaths.dataset("anomaly")

    /// CWRU: 3 s of learning on the train normal recording, its val continuation, then 2 s of each
    /// 1797 rpm fault recording in turn (each after the normal part, as a separate stream).
    @Test(.enabled(if: data != nil, Comment(rawValue: TestPaths.missingDatasetMessage("anomaly"))))
    func cwruNormalThenFaultRaisesWithinBound() throws {
        let manifest = try Manifest(contentsOf: Self.data!)
        func signal(_ file: String, seconds: Double? = nil) throws -> [Float] {
            let entry = try #require(manifest.entries.first { $0.file == file })
            let x = try entry.audioStream().readAll()
            return seconds.map { Array(x.prefix(Int($0 * 12000))) } ?? x
        }
        let normal = try signal("normal/1797rpm_0hp_normal_DE_train.flac") + signal("normal/1797rpm_0hp_normal_DE_val.flac")
        let quiet = try MonitorHarness.run(normal, learn: 3)
        #expect(quiet.summary.alarmsRaised == 0, "normal only: no alarm")
        var latencies: [Double] = []
        for fault in ["1797_IR_7_DE12", "1797_B_7_DE12", "1797_OR@6_7_DE12", "1797_OR@12_21_DE12", "1797_IR_14_DE12"] {
            let run = try MonitorHarness.run(normal + signal("faults/\(fault).flac", seconds: 2), learn: 3)
            let onset = Double(normal.count) / 12000
            let raised = try #require(run.firstRaise, "\(fault) must raise an alarm")
            #expect(raised > onset && raised - onset <= Self.latencyBound, "\(fault): raised at \(raised) s, onset \(onset) s")
            latencies.append(raised - onset)
        }
        print("CWRU alarm latencies (s):", latencies.map { String(format: "%.3f", $0) }.joined(separator: " "))
    }
}
