import Foundation
import KeywordSpotting
import TinyIO
import TinyRuntime
import TinyTestSupport

/// Shared locations and loaders for the KWS tests: the committed pipelines and the dataset in
/// `../shared/datasets/kws` (tests that need it skip with `TestPaths.missingDatasetMessage`).
enum KWSTestData {
    static let pipelinePath = TestPaths.repoRoot.appendingPathComponent("Pipelines/kws").path
    static let referencePipelinePath = TestPaths.repoRoot.appendingPathComponent("Pipelines/kws/mlperf").path
    static let dataset = TestPaths.dataset("kws")
    static let haveDataset = dataset != nil
    static let missing = TestPaths.missingDatasetMessage("kws")

    static func manifest() throws -> Manifest { try Manifest(contentsOf: dataset!) }

    static func pipeline(_ path: String = pipelinePath) throws -> KWSPipeline { try KWSPipeline(path: path) }

    static func spotter(_ path: String = pipelinePath) throws -> KeywordSpotter {
        let p = try pipeline(path)
        return try KeywordSpotter(pipeline: p, classifier: KeywordClassifier(pipeline: p))
    }

    /// A file under the temporary directory, removed by `remove`.
    static func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kws-\(UUID().uuidString)-\(name)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// The error's one-line description, or "no error".
    static func message(_ body: () throws -> Void) -> String { errorMessage(body) }
}
