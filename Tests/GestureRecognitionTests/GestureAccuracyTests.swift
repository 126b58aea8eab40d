import GestureRecognition
import Testing
import TinyCLI
import TinyIO

/// Per-file int8 accuracy on the validation person (dengyl, never seen in training), through the
/// Swift core: every val file, negatives included.
@Suite(.enabled(if: GestureTestData.dataset != nil, Comment(rawValue: GestureTestData.datasetMissing)))
struct GestureAccuracyTests {
    @Test func valAccuracyIsAtLeast95Percent() throws {
        let dataset = try #require(GestureTestData.dataset)
        let classifier = try GestureFileClassifier(pipeline: try GestureTestData.pipeline())
        let entries = try Manifest(contentsOf: dataset).entries(split: "val")
        #expect(entries.count == 84)
        let result = try GestureEvaluation(classifier: classifier, entries: entries)
        let matrix = ConfusionMatrix(labels: result.labels, truth: result.truth, predicted: result.predicted)
        #expect(matrix.total == entries.count)
        #expect(matrix.accuracy >= 0.95, "val accuracy \(matrix.accuracy)")
        for i in matrix.labels.indices {
            #expect(matrix.recall(i) >= 0.85, "recall of \(matrix.labels[i])")   // NaN (no val files of the class) fails
        }
    }
}
