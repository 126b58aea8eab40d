import Foundation
import MotorAnomaly
import Testing
import TinyTestSupport

/// pipeline.json is read strictly: the repository's pipeline loads; typos and missing sections fail
/// with the key named.
@Suite struct AnomalyPipelineTests {
    static func json(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: MonitorHarness.pipelinePath))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func load(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let data = try json(edit)
        return BadInputTests.message { _ = try AnomalyPipeline(jsonData: data, url: URL(fileURLWithPath: "/p/pipeline.json")) }
    }

    @Test func repositoryPipelineLoads() throws {
        let p = try MonitorHarness.pipeline()
        #expect(p.scorer == .gaussian)
        #expect(p.features.sampleRate == 12000)
        #expect(p.frameLength == 42, "crest factor, kurtosis and 40 band energies")
        #expect(p.featureSpecID.hasPrefix("sha256:") && p.featureSpecID.count == 7 + 64)
    }

    @Test func featureSpecIdentityIgnoresNamesButNotParameters() throws {
        let p = try MonitorHarness.pipeline()
        let renamed = try AnomalyPipeline(jsonData: Self.json { o in
            var f = o["features"] as! [String: Any]
            f["name"] = "another-name"
            o["features"] = f
        }, url: URL(fileURLWithPath: "/p/pipeline.json"))
        #expect(renamed.featureSpecID == p.featureSpecID)
        let rehopped = try AnomalyPipeline(jsonData: Self.json { o in
            var f = o["features"] as! [String: Any]
            f["frame"] = ["length": 1024, "hop": 256, "fftSize": 1024, "window": "hann-periodic"]
            o["features"] = f
        }, url: URL(fileURLWithPath: "/p/pipeline.json"))
        #expect(rehopped.featureSpecID != p.featureSpecID)
    }

    @Test func unknownKeysMissingSectionsAndBadValuesAreNamed() throws {
        #expect(try Self.load { $0["alarms"] = ["raiseAfter": 1] }.contains("alarms: unknown key"))
        #expect(try Self.load { $0["alarm"] = ["raiseAfter": 1, "clearAfer": 2] }.contains("alarm.clearAfer: unknown key (expected one of: clearAfter)"))
        #expect(try Self.load { $0["scorer"] = "autoencoder"; $0["autoencoder"] = nil }.contains("autoencoder: missing"))
        #expect(try Self.load { $0["learning"] = ["seconds": -1, "calibrationFraction": 0.5, "k": 5] }.contains("learning.seconds"))
        #expect(try Self.load { $0["format"] = "something-else" }.contains("format"))
        #expect(try Self.load { o in
            var f = o["features"] as! [String: Any]
            f["sampleRate"] = "fast"
            o["features"] = f
        }.contains("features.sampleRate"))
        #expect(BadInputTests.message { _ = try AnomalyPipeline(path: "/nonexistent/pipeline.json") }.contains("/nonexistent/pipeline.json: no such file"))
    }

    /// `--scorer` may pick a scorer whose section the pipeline lacks: a clear error, not a trap.
    @Test func overridingToAScorerWithoutItsSectionIsAClearError() throws {
        var p = try AnomalyPipeline(path: TestPaths.repoRoot.appendingPathComponent("Pipelines/anomaly/audio").path)
        p.scorer = .gaussian
        #expect(BadInputTests.message { _ = try AnomalyMonitor(pipeline: p, start: .learn(seconds: 3)) }.contains("no 'gaussian' section"))
    }
}
