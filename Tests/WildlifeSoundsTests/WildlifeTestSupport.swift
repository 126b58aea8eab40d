import Foundation
import TinyTestSupport
import WildlifeSounds

/// The committed pipeline and model, loaded once per test.
enum WildlifeTestSupport {
    static var pipelinePath: String { TestPaths.repoRoot.appendingPathComponent("Pipelines/wildlife").path }

    static func pipeline() throws -> WildlifePipeline { try WildlifePipeline(path: pipelinePath) }

    /// Runs the whole recording through a fresh recognizer in chunks of `chunk` samples.
    static func recognize(_ samples: [Float], chunk: Int = 4000) throws -> (events: [RecognizedEvent], summary: RecognitionSummary) {
        let p = try pipeline()
        let r = try WildlifeRecognizer(pipeline: p, classifier: WindowClassifier(pipeline: p))
        var events: [RecognizedEvent] = []
        var i = 0
        while i < samples.count {
            events += try r.push(Array(samples[i ..< min(samples.count, i + chunk)]))
            i += chunk
        }
        events += r.finish()
        return (events, r.summary)
    }

    /// A temporary file path that is removed by the caller.
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wildlife-\(UUID().uuidString)-\(name)").path
    }
}
