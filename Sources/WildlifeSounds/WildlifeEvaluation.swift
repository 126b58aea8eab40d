import TinyPipeline
import TinyIO

/// Clip-level evaluation of the wildlife pipeline on a manifest split: every clip through
/// `ClipClassifier` (all windows, probabilities averaged), ranked labels per clip.
public struct WildlifeEvaluation: Sendable {
    /// One clip's result.
    public struct Clip: Sendable {
        public var file: String
        /// Index of the true label in the pipeline's labels.
        public var truth: Int
        /// Label indices, best first (all of them).
        public var ranked: [Int]
        /// Mean probability per label.
        public var scores: [Float]
    }

    public var clips: [Clip]
    public var labels: [String]

    public var n: Int { clips.count }

    /// Fraction of clips whose label is among the `k` best.
    public func topKAccuracy(_ k: Int) -> Double {
        clips.isEmpty ? .nan : Double(clips.filter { $0.ranked.prefix(k).contains($0.truth) }.count) / Double(clips.count)
    }

    /// Classifies the clips of `split` (every row when nil). Labels must be the pipeline's.
    /// `progress(done, total)` after each clip.
    public static func run(manifest: Manifest, split: String?, pipeline p: WildlifePipeline, classifier: WindowClassifier,
                           progress: ((Int, Int) -> Void)? = nil) throws(WildlifeError) -> WildlifeEvaluation {
        let rows = manifest.entries(split: split)
        guard !rows.isEmpty else {
            throw WildlifeError.manifest(path: manifest.url.path, problem: "no rows" + (split.map { " in split '\($0)'" } ?? "")
                + " (splits: \(manifest.splits.joined(separator: ", ")))")
        }
        let clipClassifier = try ClipClassifier(pipeline: p, classifier: classifier)
        var clips: [Clip] = []
        for (i, row) in rows.enumerated() {
            guard let label = row.label else { throw WildlifeError.manifest(path: manifest.url.path, problem: "no label column") }
            guard let truth = p.labels.firstIndex(of: label) else {
                throw WildlifeError.manifest(path: "\(manifest.url.path) line \(row.line)", problem: "label '\(label)' is not one of the pipeline's (\(p.labels.joined(separator: ", ")))")
            }
            let samples: [Float]
            do {
                samples = try row.audioStream(outputRate: p.features.sampleRate, accepting: p.inputRates).readAll()
            } catch {
                throw .input(error)
            }
            guard !samples.isEmpty else { throw .input(.empty(source: row.path)) }
            let scores: ScoreAccumulator
            do {
                scores = try clipClassifier.classify(samples)
            } catch {
                throw WildlifeError("\(row.path): \(error.description)")
            }
            clips.append(Clip(file: row.file, truth: truth, ranked: scores.top(p.labels.count).map(\.index), scores: scores.mean))
            progress?(i + 1, rows.count)
        }
        return WildlifeEvaluation(clips: clips, labels: p.labels)
    }
}
