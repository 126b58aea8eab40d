import GestureRecognition
import Testing
import TinyCLI
import TinyIO
import TinyTestSupport

/// The same code on a second pipeline file: 6-axis spell captures at 119 Hz, resampled to 50 Hz
/// (`Pipelines/gesture/spells/pipeline.json`). Val = the 5 later captures of each spell by the same
/// person; int8 per-file accuracy through the Swift core.
@Suite(.enabled(if: TestPaths.dataset("gesture/extra_spells") != nil,
                Comment(rawValue: TestPaths.missingDatasetMessage("gesture/extra_spells"))))
struct SpellsAccuracyTests {
    @Test func valAccuracyIsAtLeast80Percent() throws {
        let dataset = try #require(TestPaths.dataset("gesture/extra_spells"))
        let pipeline = try GesturePipeline(path: TestPaths.repoRoot.appendingPathComponent("Pipelines/gesture/spells/pipeline.json").path)
        #expect(pipeline.spec.channelCount == 6 && pipeline.inputRate == 119 && pipeline.spec.sampleRate == 50)
        let entries = try Manifest(contentsOf: dataset).entries(split: "val")
        #expect(entries.count == 25)
        let result = try GestureEvaluation(classifier: try GestureFileClassifier(pipeline: pipeline), entries: entries)
        let matrix = ConfusionMatrix(labels: result.labels, truth: result.truth, predicted: result.predicted)
        #expect(matrix.accuracy >= 0.8, "spells val accuracy \(matrix.accuracy)")
    }
}
