import Foundation
import TinyIO
import TinyPipeline

/// `tinyml eval anomaly`: the pipeline fitted on a manifest's `train` normal data and scored on
/// every window of every `val` and `test` file of the same machine; the `heldout` split is never read.
///
/// - Machine: the manifest's `machine` column, else the first word of `source` (CWRU, IMS). The
///   evaluated machine is the one whose `test` split has anomalies (label ≠ `normal`).
/// - Fit: every window of the machine's `train` normal files, in manifest order, is one learning
///   period (`AnomalyDetector`: the first part fits the baseline, the last `calibrationFraction`
///   is scored out-of-sample, threshold = mean + k·σ). An autoencoder with a trained threshold
///   keeps it (it saw the train windows; calibrating on them would be in-sample).
/// - Negatives: the machine's `val` normal windows; positives: its `test` anomaly windows. AUC
///   overall, per `fault_type` (else label) and per `load_hp`; at the threshold, the detection rate
///   of each group and the false-alarm rate on `val` normal.
/// - Other machines with normal data (IMS beside CWRU) are a transfer check, never mixed into the
///   fit: the false-alarm rate of the evaluated machine's baseline on their `val` normal windows,
///   and that of a baseline learned on their own `train` normal windows by the same rule (for the
///   autoencoder, which is not retrained, its threshold calibrated on those windows).
/// Files are separate signals: windows never span two files.
public struct AnomalyEvaluation: Sendable {
    /// A second machine's normal data under the evaluated machine's baseline, and under its own.
    public struct TransferCheck: Sendable {
        public let machine: String
        public let windows: Int
        public let transferFalseAlarmRate: Double
        public let transferMedianScore: Double
        public let ownTrainWindows: Int
        public let ownThreshold: Double
        public let ownFalseAlarmRate: Double
    }

    public let machine: String
    public let trainWindows: Int
    public let threshold: Double
    /// How the threshold was obtained, in words.
    public let thresholdRule: String
    public let overall: DetectionMetrics
    public let byFaultType: [DetectionMetrics]
    public let byLoad: [DetectionMetrics]
    public let transfer: [TransferCheck]
    /// Files read (train, val, test of every machine evaluated).
    public let files: Int

    /// The machine a manifest row belongs to (see the type's documentation).
    public static func machine(of entry: ManifestEntry) -> String {
        if let m = entry["machine"], !m.isEmpty { return m }
        return entry["source"]?.split(separator: " ").first.map(String.init) ?? "unknown"
    }

    public static func isNormal(_ entry: ManifestEntry) -> Bool { entry.label == "normal" }

    /// Runs the evaluation; `progress(done, total)` after each file.
    public static func run(manifest: Manifest, pipeline: AnomalyPipeline,
                           progress: @escaping (Int, Int) -> Void = { _, _ in }) throws(AnomalyError) -> AnomalyEvaluation {
        let entries = manifest.entries
        let faults = entries.filter { $0.split == "test" && !isNormal($0) }
        guard let evaluated = faults.first.map(machine(of:)) else {
            throw AnomalyError("\(manifest.url.path): no anomalies (label other than 'normal') in the test split")
        }
        func rows(_ m: String, _ split: String, normal: Bool) -> [ManifestEntry] {
            entries.filter { machine(of: $0) == m && $0.split == split && isNormal($0) == normal }
        }
        let train = rows(evaluated, "train", normal: true), val = rows(evaluated, "val", normal: true)
        let test = rows(evaluated, "test", normal: false)
        guard !train.isEmpty else { throw AnomalyError("\(manifest.url.path): no train normal files for machine \(evaluated)") }
        guard !val.isEmpty else { throw AnomalyError("\(manifest.url.path): no val normal files for machine \(evaluated)") }
        let others = Array(Set(entries.map(machine(of:)))).sorted().filter { m in
            m != evaluated && !rows(m, "train", normal: true).isEmpty && !rows(m, "val", normal: true).isEmpty
        }
        let total = train.count + val.count + test.count
            + others.reduce(0) { $0 + rows($1, "train", normal: true).count + 2 * rows($1, "val", normal: true).count }
        var done = 0
        let windows = try WindowScorer(pipeline: pipeline) { done += 1; progress(done, total) }

        let fitted = try windows.fit(train, pretrainedThreshold: true)
        let negatives = try windows.scores(val, with: fitted.scorer).flatMap { $0 }
        let positives = try windows.scores(test, with: fitted.scorer)
        let t = fitted.threshold
        let all = positives.flatMap { $0 }
        func grouped(_ column: String) -> [DetectionMetrics] {
            var groups: [String: [Double]] = [:]
            for (entry, s) in zip(test, positives) {
                let key = entry[column].flatMap { $0.isEmpty ? nil : $0 } ?? entry.label ?? "?"
                groups[key, default: []] += s
            }
            return groups.keys.sorted().map { DetectionMetrics(name: $0, negatives: negatives, positives: groups[$0]!, threshold: t) }
        }
        var transfer: [TransferCheck] = []
        for m in others {
            let otherVal = try windows.scores(rows(m, "val", normal: true), with: fitted.scorer).flatMap { $0 }
            let own = try windows.fit(rows(m, "train", normal: true), pretrainedThreshold: false)
            let ownVal = try windows.scores(rows(m, "val", normal: true), with: own.scorer).flatMap { $0 }
            let sorted = otherVal.sorted()
            transfer.append(TransferCheck(
                machine: m, windows: otherVal.count,
                transferFalseAlarmRate: DetectionMetrics.rateOver(otherVal, t),
                transferMedianScore: sorted.isEmpty ? .nan : sorted[sorted.count / 2],
                ownTrainWindows: own.windows, ownThreshold: own.threshold,
                ownFalseAlarmRate: DetectionMetrics.rateOver(ownVal, own.threshold)))
        }
        return AnomalyEvaluation(
            machine: evaluated, trainWindows: fitted.windows, threshold: t, thresholdRule: fitted.rule,
            overall: DetectionMetrics(name: "all", negatives: negatives, positives: all, threshold: t),
            byFaultType: grouped("fault_type"), byLoad: grouped("load_hp"), transfer: transfer, files: total)
    }
}

/// Feature frames and scores of whole manifest files (each file a separate signal).
private final class WindowScorer {
    let pipeline: AnomalyPipeline
    let reader: FeatureFrameReader
    let fileDone: () -> Void

    init(pipeline: AnomalyPipeline, fileDone: @escaping () -> Void) throws(AnomalyError) {
        self.pipeline = pipeline
        reader = try FeatureFrameReader(spec: pipeline.features)
        self.fileDone = fileDone
    }

    /// Streams one file's windows into `body`, checking its rate.
    func forEachWindow(_ entry: ManifestEntry, _ body: (UnsafeBufferPointer<Float>) throws(AnomalyError) -> Void) throws(AnomalyError) {
        let stream: AudioStream
        do { stream = try entry.audioStream() } catch { throw AnomalyError(error.description) }
        guard stream.inputRate == pipeline.features.sampleRate else {
            throw AnomalyError("\(entry.path) is \(stream.inputRate) Hz; the pipeline needs \(pipeline.features.sampleRate) Hz")
        }
        let end = try reader.read(stream) { (frame, _) throws(AnomalyError) in try body(frame) }
        if let problem = end.inputError { throw AnomalyError(problem) }
        fileDone()
    }

    /// Learns from every window of `files` as one learning period and calibrates the threshold.
    /// A pre-trained autoencoder's threshold is kept when `pretrainedThreshold` (the machine it was
    /// trained on); on another machine its threshold is calibrated on that machine's windows.
    func fit(_ files: [ManifestEntry], pretrainedThreshold: Bool) throws(AnomalyError)
        -> (scorer: AnomalyScorer, threshold: Double, windows: Int, rule: String) {
        var frames: [[Float]] = []
        for entry in files { try forEachWindow(entry) { frames.append(Array($0)) } }
        let (scorer, _, _) = try pipeline.makeScorer()
        let k = pipeline.learning.k
        if pretrainedThreshold, pipeline.scorer == .autoencoder, let t = pipeline.autoencoder?.threshold {
            return (scorer, t, frames.count, "the autoencoder's trained threshold (pipeline.json)")
        }
        let detector: AnomalyDetector
        do {
            detector = try AnomalyDetector(scorer: scorer, calibration: pipeline.calibration(learningWindows: frames.count),
                                           alarm: AlarmHysteresis(raiseAfter: 1, clearAfter: 1))
            for f in frames { _ = try detector.process(f) }
        } catch {
            throw AnomalyError(error.description)
        }
        scorer.resetContext()
        let c = detector.calibration.scores
        return (scorer, detector.threshold!, frames.count,
                "mean " + String(format: "%.4g", c.mean) + " + \(k) × σ " + String(format: "%.4g", c.standardDeviation)
                    + " of \(c.count) out-of-sample train windows")
    }

    /// Every window's score, per file.
    func scores(_ files: [ManifestEntry], with scorer: AnomalyScorer) throws(AnomalyError) -> [[Double]] {
        var result: [[Double]] = []
        for entry in files {
            var s: [Double] = []
            scorer.resetContext()
            try forEachWindow(entry) { (frame) throws(AnomalyError) in
                do throws(PipelineError) {
                    if let v = try scorer.score(frame) { s.append(v) }
                } catch {
                    throw AnomalyError(error.description)
                }
            }
            result.append(s)
        }
        return result
    }
}
