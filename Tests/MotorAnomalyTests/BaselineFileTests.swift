import Foundation
import MotorAnomaly
import Testing

/// Saving a learned baseline and loading it again monitors exactly as before; files of other
/// feature specs, versions or formats are refused with a clear line.
@Suite struct BaselineFileTests {
    static func learnedMonitor(_ pipeline: AnomalyPipeline) throws -> AnomalyMonitor {
        let monitor = try AnomalyMonitor(pipeline: pipeline, start: .learn(seconds: 3))
        let path = try MonitorHarness.temporaryFile(MonitorHarness.f32le(SyntheticVibration.signal(seconds: 3.2)))
        defer { MonitorHarness.remove(path) }
        _ = try monitor.run(MonitorSource.stream(.init(path: path), format: .f32le, rate: 12000, rates: MonitorHarness.pipeline().inputRates,
                                                 scale: nil, column: nil)) { _ in }
        return monitor
    }

    @Test func saveLoadRoundTripScoresIdentically() throws {
        let pipeline = try MonitorHarness.pipeline()
        let learned = try Self.learnedMonitor(pipeline)
        let file = try #require(learned.baselineFile())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json").path
        defer { MonitorHarness.remove(path) }
        try file.save(path)
        let loaded = try BaselineFile.load(path)
        #expect(loaded == file, "doubles round-trip exactly")
        #expect(loaded.featureSpecID == pipeline.featureSpecID)

        let fromFile = try AnomalyMonitor(pipeline: pipeline, start: .baseline(loaded, path: path))
        #expect(fromFile.learningWindows == 0)
        let test = SyntheticVibration.signal(seconds: 2, faultFrom: 1, seed: 9)
        let signal = try MonitorHarness.temporaryFile(MonitorHarness.f32le(test))
        defer { MonitorHarness.remove(signal) }
        var a: [Double] = [], b: [Double] = []
        let source = { () throws -> MonitorSource in
            try MonitorSource.stream(.init(path: signal), format: .f32le, rate: 12000, rates: MonitorHarness.pipeline().inputRates, scale: nil, column: nil)
        }
        _ = try learned.run(try source()) { if let s = $0.decision.score { a.append(s) } }
        _ = try fromFile.run(try source()) { if let s = $0.decision.score { b.append(s) } }
        #expect(a.count == b.count && a == b)
        #expect(fromFile.detector.threshold == learned.detector.threshold)
    }

    @Test func baselineOfAnotherFeatureSpecIsRefused() throws {
        let pipeline = try MonitorHarness.pipeline()
        let file = try #require(try Self.learnedMonitor(pipeline).baselineFile())
        var other = file
        other.featureSpecID = "sha256:" + String(repeating: "0", count: 64)
        let m = BadInputTests.message { _ = try AnomalyMonitor(pipeline: pipeline, start: .baseline(other, path: "b.json")) }
        #expect(m.contains("feature spec") && m.contains("--learn"), "\(m)")
    }

    @Test func newerVersionsCorruptAndMissingFilesAreRefused() throws {
        let file = try #require(try Self.learnedMonitor(MonitorHarness.pipeline()).baselineFile())
        var newer = file
        newer.version = BaselineFile.currentVersion + 1
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json").path
        defer { MonitorHarness.remove(path) }
        try newer.save(path)
        #expect(BadInputTests.message { _ = try BaselineFile.load(path) }.contains("version \(BaselineFile.currentVersion + 1)"))

        var broken = file
        broken.mean = Array(file.mean!.dropLast())
        try broken.save(path)
        #expect(BadInputTests.message { _ = try BaselineFile.load(path) }.contains("finite mean"))

        try Data("{\"format\": \"tinyml-anomaly-baseline\"".utf8).write(to: URL(fileURLWithPath: path))
        #expect(BadInputTests.message { _ = try BaselineFile.load(path) }.contains("is not a baseline file"))
        #expect(BadInputTests.message { _ = try BaselineFile.load("/nonexistent.json") }.contains("cannot read"))
    }
}
