import Dispatch
import Foundation
import TinyFeatures
import TinyIO
import TinyRuntime

/// Clip-level accuracy of a KWS pipeline on a dataset manifest: every selected row is one clip,
/// read through TinyIO (any format, rate, channel count → mono at the spec's rate), cut/padded to
/// the spec's clip by the whole-clip extractor (bit-identical to the streaming front end), classified
/// once; the prediction is the top posterior. `progress(done, total)` is called from the worker
/// threads, one call at a time. The work is spread over `workers` threads, each with
/// its own extractor and session sharing one `Model`; results do not depend on `workers`.
public struct ClipEvaluation: Sendable {
    public let labels: [String]
    /// Manifest `file` values of the evaluated clips, in manifest order.
    public let files: [String]
    public let truth: [Int]
    public let predicted: [Int]

    public var count: Int { truth.count }
    public var correct: Int { zip(truth, predicted).filter { $0 == $1 }.count }
    public var accuracy: Double { count == 0 ? .nan : Double(correct) / Double(count) }

    /// The rows `run` evaluates: those of `split` (nil: every split except `noise`, which holds
    /// long background pieces rather than clips).
    public static func rows(of manifest: Manifest, split: String?) -> [ManifestEntry] {
        split.map { manifest.entries(split: $0) } ?? manifest.entries.filter { $0.split != "noise" }
    }

    /// Evaluates `rows` with `model` under `pipeline`. Errors: a row without a label or with a label
    /// the pipeline does not know, unreadable audio (the file is named), a model that does not fit.
    public static func run(rows: [ManifestEntry], pipeline: KWSPipeline, model: Model,
                           workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                           progress: ((Int, Int) -> Void)? = nil) throws(KWSError) -> ClipEvaluation {
        let index = Dictionary(uniqueKeysWithValues: pipeline.labels.enumerated().map { ($1, $0) })
        var truth: [Int] = []
        for row in rows {
            guard let label = row.label else { throw KWSError.manifestRow(file: row.file, problem: "manifest row has no label") }
            guard let i = index[label] else {
                throw KWSError.manifestRow(file: row.file, problem: "label '\(label)' is not one of the pipeline's labels (\(pipeline.labels.joined(separator: ", ")))")
            }
            truth.append(i)
        }
        let n = rows.count
        let threads = max(1, min(workers, 8, n))
        _ = try KeywordClassifier(model: model, pipeline: pipeline)   // the model fits, or a clear error before any work
        let results = ResultSlots(count: n, progress: progress)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            do {
                let extractor = try FeatureExtractor(spec: pipeline.features)
                let classifier = try KeywordClassifier(model: model, pipeline: pipeline)
                var i = worker
                while i < n, !results.failed {
                    let samples = try AudioStream.readMono(path: rows[i].url.path, outputRate: pipeline.features.sampleRate,
                                                           accepting: pipeline.inputRates)
                    results.set(i, classifier.predict(extractor.clipInput(samples)).classIndex)
                    results.advance()
                    i += threads
                }
            } catch {
                results.fail((error as? IOError).map(KWSError.input) ?? KWSError("\(error)"))
            }
        }
        if let error = results.error { throw error }
        return ClipEvaluation(labels: pipeline.labels, files: rows.map(\.file), truth: truth, predicted: results.values)
    }
}

/// Per-clip predictions written by worker threads (disjoint indices), the first error, and the
/// progress callback (called with (done, total), one call at a time), behind one lock.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Int]
    private(set) var error: KWSError?
    private var done = 0
    private let progress: ((Int, Int) -> Void)?

    init(count: Int, progress: ((Int, Int) -> Void)?) {
        values = [Int](repeating: -1, count: count)
        self.progress = progress
    }

    var failed: Bool { lock.withLock { error != nil } }
    func set(_ i: Int, _ v: Int) { lock.withLock { values[i] = v } }
    func advance() { lock.withLock { done += 1; progress?(done, values.count) } }
    func fail(_ e: KWSError) { lock.withLock { if error == nil { error = e } } }
}
