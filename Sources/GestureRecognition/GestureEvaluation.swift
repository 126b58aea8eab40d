import TinyIO

/// Per-file accuracy of a gesture pipeline on manifest rows: each file classified whole
/// (`GestureFileClassifier`) against its `label`. Rows whose label the pipeline does not know are
/// an error (a wrong manifest), not silently skipped. The metrics (accuracy, per-class recall and
/// precision, the confusion matrix) are TinyCLI's `ConfusionMatrix` over `truth` and `predicted`.
public struct GestureEvaluation: Sendable {
    public struct Prediction: Sendable {
        public let file: String
        public let truth: Int
        public let prediction: Int
        public let probability: Float
    }

    /// The pipeline's labels (class indices point into them).
    public let labels: [String]
    /// One per entry, in manifest order.
    public private(set) var predictions: [Prediction] = []

    /// True class of each entry.
    public var truth: [Int] { predictions.map(\.truth) }
    /// Predicted class of each entry.
    public var predicted: [Int] { predictions.map(\.prediction) }

    /// Classifies every entry (rate: its `sample_rate_hz`, else the pipeline's `inputRate`);
    /// `progress` runs after each.
    public init(classifier: GestureFileClassifier, entries: [ManifestEntry], progress: () -> Void = {}) throws {
        labels = classifier.pipeline.labels
        for entry in entries {
            guard let label = entry.label, let truth = labels.firstIndex(of: label) else {
                throw GestureError.unknownLabel(file: entry.file, label: entry.label ?? "", labels: labels)
            }
            let result = try classifier.classify(path: entry.path, inputRate: entry.sampleRateHz)
            predictions.append(Prediction(file: entry.file, truth: truth, prediction: result.classIndex,
                                          probability: result.probability))
            progress()
        }
    }
}
