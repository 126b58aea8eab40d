import Foundation
import GestureRecognition
import Testing
import TinyDSP
import TinyFeatures
import TinyIO

/// The streaming path (`GestureStream`: front end → sliding window → int8 model → smoothing) on
/// streams made of the validation person's data: gestures between stretches of the continuous
/// negative-motion stream, and that negative stream alone.
@Suite(.enabled(if: GestureTestData.dataset != nil, Comment(rawValue: GestureTestData.datasetMissing)))
struct GestureStreamingTests {
    /// Model-rate frames (g) of the manifest rows, in manifest order.
    static func recordings(_ entries: [ManifestEntry], spec: SensorWindowSpec, rate: Int) throws -> [SensorRecording] {
        try entries.map { try SensorRecording(path: $0.path, spec: spec, inputRate: rate) }
    }

    /// The val negative stream: its consecutive 120-sample windows joined (SOURCE.md: one capture cut in order).
    static func negativeStream(_ p: GesturePipeline, _ manifest: Manifest) throws -> [Float] {
        let entries = manifest.entries(split: "val", label: "negative").sorted { $0.file < $1.file }
        return try recordings(entries, spec: p.spec, rate: p.inputRate).flatMap(\.frames)
    }

    /// Runs interleaved rows (g, 3 channels) through a fresh stream; returns the events.
    static func detect(_ rows: [Float], _ p: GesturePipeline) throws -> [GestureDetection] {
        var events: [GestureDetection] = []
        let stream = try GestureStream(pipeline: p, inputRate: p.inputRate,
                                       sourceName: "synthetic", unit: .g) { events.append($0) }
        for t in 0 ..< rows.count / 3 { try stream.push(Array(rows[t * 3 ..< t * 3 + 3])) }
        try stream.finish()
        return events
    }

    /// 7 gestures per class (21), each after 4 s of negative motion and a 1 s pause, with a 1 s pause after:
    /// expect ≥ 20 hits, ≤ 1 wrong label, ≤ 1 false trigger.
    @Test func findsGesturesBetweenNegativeMotion() throws {
        let dataset = try #require(GestureTestData.dataset)
        let p = try GestureTestData.pipeline()
        let manifest = try Manifest(contentsOf: dataset)
        let negative = try Self.negativeStream(p, manifest)
        var gestures: [(ManifestEntry, SensorRecording)] = []
        for label in p.labels where label != "negative" {
            let entries = Array(manifest.entries(split: "val", label: label).sorted { $0.file < $1.file }.prefix(7))
            gestures += zip(entries, try Self.recordings(entries, spec: p.spec, rate: p.inputRate)).map { ($0, $1) }
        }
        let c = 3, motion = 100, pause = 25
        var rows: [Float] = []
        var truth: [StreamScore.Truth] = []
        var cursor = 0
        for (entry, recording) in gestures {
            let chunk = Array(negative[cursor * c ..< (cursor + motion) * c])
            cursor = (cursor + motion) % (negative.count / c - motion)
            rows += chunk
            for _ in 0 ..< pause { rows += chunk.suffix(c) }
            for _ in 0 ..< pause { rows += recording.frames.prefix(c) }
            let start = rows.count / c
            rows += recording.frames
            truth.append(.init(start: start, end: rows.count / c, label: entry.label ?? "?"))
            for _ in 0 ..< pause { rows += recording.frames.suffix(c) }
        }
        let events = try Self.detect(rows, p)
        let score = StreamScore(events: events, truth: truth, window: p.spec.windowLength)
        #expect(score.hits >= 20, "hits \(score.hits) of \(truth.count)")
        #expect(score.misses <= 1)
        #expect(score.wrong <= 1)
        #expect(score.falseTriggers <= 1)
    }

    /// The whole val negative stream (2520 samples, 100.8 s of other motion): at most 1 event.
    @Test func fewFalseTriggersOnContinuousNegativeMotion() throws {
        let dataset = try #require(GestureTestData.dataset)
        let p = try GestureTestData.pipeline()
        let negative = try Self.negativeStream(p, try Manifest(contentsOf: dataset))
        #expect(negative.count / 3 == 2520)
        let events = try Self.detect(negative, p)
        #expect(events.count <= 1, "\(events.map { "\($0.label)@\($0.time)" })")
    }
}
