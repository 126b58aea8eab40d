import Foundation
import Testing
import TinyBoards
import TinyFormats
import TinyTestSupport

/// One home for each deployment fact: a config beside a pipeline file takes the model, sample
/// rate, window and stride from the pipeline (with its overrides), may not restate them, and an
/// override the pipeline does not take is a one-line error.
@Suite struct PipelineFactsTests {
    static let layout = ProjectLayout(root: TestPaths.repoRoot.path)

    static func kwsConfig(_ edit: (inout [String: Any]) -> Void) throws -> DeploymentConfig {
        let file = try #require(layout.deploymentFiles()["kws"]?["nrf52840"])
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        edit(&json)
        return try layout.deployment(json: JSONReader(data: JSONSerialization.data(withJSONObject: json),
                                                      file: "Pipelines/kws/boards/nrf52840.json"), at: file)
    }

    @Test func factsComeFromThePipelineWithTheBoardsOverrides() throws {
        let nrf = try Self.layout.loadDeployment(pipeline: "kws", board: "nrf52840")
        #expect(nrf.overrides == ["strideSeconds": 0.3, "minimumCount": 2])
        #expect(nrf.model == "Pipelines/kws/kws_dscnn_int8.tflite")
        #expect(nrf.sampleRateHz == 16_000 && nrf.windowSamples == 16_000 && nrf.strideSamples == 4_800)
        #expect(nrf.pipelineFacts?.hopSamples == 4_800)
        let h7 = try Self.layout.loadDeployment(pipeline: "kws", board: "stm32h743")
        #expect(h7.strideSamples == 3_200 && h7.overrides.isEmpty)
        let wildlife = try Self.layout.loadDeployment(pipeline: "wildlife", board: "k210")
        #expect(wildlife.windowSamples == 16_896 && wildlife.strideSamples == 8_192 && wildlife.pipelineFacts?.hopSamples == 512)
        let anomaly = try Self.layout.loadDeployment(pipeline: "anomaly", board: "stm32h743")
        #expect(anomaly.model == "Pipelines/anomaly/motor_ae_int8.tflite" && anomaly.pipelineFacts?.modelInImage == false)
        #expect(anomaly.windowSamples == 1_024 && anomaly.strideSamples == 512)
        // A reference deployment (no pipeline file) states its own.
        #expect(try Self.layout.loadDeployment(pipeline: "reference-kws", board: "nrf52840").pipelineFacts == nil)
    }

    /// No committed config beside a pipeline file restates a pipeline fact.
    @Test func noCommittedConfigRestatesAPipelineFact() throws {
        for (pipeline, boards) in Self.layout.deploymentFiles() {
            for (board, file) in boards where Self.layout.pipelineFile(ofConfig: file) != nil {
                let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
                #expect(Set(json.keys).isDisjoint(with: DeploymentConfig.pipelineFactKeys), "\(pipeline) on \(board) restates a pipeline fact")
                _ = try Self.layout.loadDeployment(pipeline: pipeline, board: board)
            }
        }
    }

    @Test func aConfigRestatingAPipelineFactDifferentlyFails() throws {
        #expect(throws: ConfigError.json(.invalid(file: "Pipelines/kws/boards/nrf52840.json", key: "stride_samples", problem:
                                    "is the pipeline's (Pipelines/kws/pipeline.json gives 4800 with this config's overrides); remove it and "
                                    + "put what differs on this board under 'overrides' (kws takes: strideSeconds, threshold, averageSeconds, "
                                    + "suppressionSeconds, minimumCount)"))) {
            _ = try Self.kwsConfig { $0["stride_samples"] = 3200 }
        }
        // Restating it with the same value is an error too: one home for each fact.
        #expect(throws: ConfigError.self) { _ = try Self.kwsConfig { $0["sample_rate_hz"] = 16000 } }
        #expect(throws: ConfigError.self) { _ = try Self.kwsConfig { $0["model"] = "Pipelines/kws/other.tflite" } }
    }

    @Test func anOverrideThePipelineDoesNotTakeIsAClearError() throws {
        #expect(throws: ConfigError.json(.invalid(file: "Pipelines/kws/boards/nrf52840.json", key: "overrides", problem:
                                    "override 'learningSeconds' does not apply to a kws pipeline (it takes: strideSeconds, threshold, "
                                    + "averageSeconds, suppressionSeconds, minimumCount)"))) {
            _ = try Self.kwsConfig { $0["overrides"] = ["learningSeconds": 3] }
        }
        #expect(throws: ConfigError.json(.invalid(file: "Pipelines/kws/boards/nrf52840.json", key: "overrides",
                                                  problem: "override minimumCount must be a whole number ≥ 1 (got 0.5)"))) {
            _ = try Self.kwsConfig { $0["overrides"] = ["minimumCount": 0.5] }
        }
    }
}
