import Foundation
import KeywordSpotting
import Testing
import TinyFeatures
import TinyRuntime
import TinyTestSupport

/// The committed pipeline files load, agree with their models and with the MLPerf front end, and
/// malformed pipeline files are refused with a line that names the problem.
@Suite struct KWSPipelineTests {
    static let labels = ["down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes", "_silence_", "_unknown_"]

    @Test(arguments: [KWSTestData.pipelinePath, KWSTestData.referencePipelinePath])
    func committedPipelinesLoadAndFitTheirModels(path: String) throws {
        let p = try KWSPipeline(path: path)
        #expect(p.labels == Self.labels, "MLPerf label order")
        #expect(p.keywords == Self.labels.map { !$0.hasPrefix("_") })
        #expect(p.strideSeconds <= 0.25)
        // The feature spec is the MLPerf preset exactly (name and description aside).
        var preset = try #require(FeatureSpec.preset(named: "mlperf-kws"))
        preset.summary = p.features.summary
        #expect(p.features == preset)
        let classifier = try KeywordClassifier(pipeline: p)
        #expect(classifier.classCount == 12)
        #expect(classifier.model.graph.multiplyAccumulates <= 2_656_768)
    }

    static func variant(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: KWSTestData.pipelinePath + "/pipeline.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func loadError(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let data = try variant(edit)
        return KWSTestData.message { _ = try KWSPipeline(jsonData: data, url: URL(fileURLWithPath: "/tmp/p.json")) }
    }

    @Test func malformedPipelinesAreRefusedWithTheKeyNamed() throws {
        #expect(try Self.loadError { $0["smothing"] = [:] }.contains("smothing: unknown key"))
        #expect(try Self.loadError { $0["labels"] = ["yes", "yes"] }.contains("distinct"))
        #expect(try Self.loadError { $0["backgroundLabels"] = ["_noise_"] }.contains("'_noise_' is not one of the labels"))
        #expect(try Self.loadError { $0["modelInput"] = ["scale": 0.5, "zeroPoint": 83] }.contains("differs from the feature quantization"))
        #expect(try Self.loadError { $0["streaming"] = ["strideSeconds": 0.25] }.contains("not a positive multiple of the feature hop"))
        #expect(try Self.loadError { $0["streaming"] = ["strideSeconds": 0] }.contains("not a positive multiple"))
        #expect(try Self.loadError {
            $0["smoothing"] = ["averageSeconds": 0.6, "threshold": 1.5, "suppressionSeconds": 1, "minimumCount": 2]
        }.contains("smoothing.threshold"))
        #expect(try Self.loadError { $0["smoothing"] = nil }.contains("smoothing: missing"))
        #expect(try Self.loadError { $0["format"] = "tinyml-anomaly-pipeline" }.contains("format"))
        #expect(try Self.loadError { $0["version"] = 99 }.contains("version 99"))
        #expect(try Self.loadError { $0["features"] = ["format": "tinyml-feature-spec"] }.contains("features"))
        let notJSON = KWSTestData.message { _ = try KWSPipeline(jsonData: Data("{".utf8), url: URL(fileURLWithPath: "/tmp/p.json")) }
        #expect(notJSON.contains("not valid JSON"))
        #expect(KWSTestData.message { _ = try KWSPipeline(path: "/nonexistent/pipeline.json") }.contains("no such file"))
    }

    @Test func aModelThatDoesNotFitIsRefused() throws {
        let p = try KWSTestData.pipeline()
        // The anomaly autoencoder: 640 inputs, 640 outputs.
        let other = TestPaths.repoRoot.appendingPathComponent("Pipelines/anomaly/motor_ae_int8.tflite").path
        let message = KWSTestData.message { _ = try KeywordClassifier(pipeline: p, modelPath: other) }
        #expect(message.contains("does not take the pipeline's [49, 10] int8 features"), "\(message)")
        let missing = KWSTestData.message { _ = try KeywordClassifier(pipeline: p, modelPath: "/nonexistent.tflite") }
        #expect(missing.contains("cannot read model file"))
        let garbage = try KWSTestData.temporaryFile("garbage.tflite", bytes: Array(repeating: 7, count: 300))
        defer { KWSTestData.remove(garbage) }
        #expect(KWSTestData.message { _ = try KeywordClassifier(pipeline: p, modelPath: garbage) }.contains("malformed"))
    }
}
