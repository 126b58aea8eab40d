import TinyIO

/// Per-file accuracy of a gesture pipeline on manifest rows: each file classified whole
/// (`GestureFileClassifier`) against its `label`. Rows whose label the pipeline does not know are
/// an error (a wrong manifest), not silently skipped.
public struct GestureEvaluation: Sendable {
    public struct Prediction: Sendable {
        public let file: String
        public let truth: Int
        public let prediction: Int
        public let probability: Float
    }

    public private(set) var matrix: ConfusionMatrix
    public private(set) var predictions: [Prediction] = []

    /// Classifies every entry (rate: its `sample_rate_hz`, else the pipeline's `inputRate`);
    /// `progress` runs after each.
    public init(classifier: GestureFileClassifier, entries: [ManifestEntry], progress: () -> Void = {}) throws {
        let labels = classifier.pipeline.labels
        matrix = ConfusionMatrix(labels: labels)
        for entry in entries {
            guard let label = entry.label, let truth = labels.firstIndex(of: label) else {
                throw GestureError("\(entry.file): label '\(entry.label ?? "")' is not one of the pipeline's labels \(labels)")
            }
            let result = try classifier.classify(path: entry.path, inputRate: entry.sampleRateHz)
            matrix.add(truth: truth, prediction: result.classIndex)
            predictions.append(Prediction(file: entry.file, truth: truth, prediction: result.classIndex,
                                          probability: result.probability))
            progress()
        }
    }
}
