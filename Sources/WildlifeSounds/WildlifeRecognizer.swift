import Foundation
import TinyFeatures

/// The streaming wildlife pipeline for one recording: samples in (any chunk sizes, at the feature
/// spec's rate), classified events out, in time order.
///
/// Always on, per frame (one hop): the log-mel front end (`pipeline.frameSpec`), a `FrameHistory`
/// ring of the last `windowFrames + prerollFrames + 1` frames, and the `EventDetector`. Only when an
/// event is open does the `WindowClassifier` run, over the windows `AggregationConfiguration`
/// places (each as soon as its last frame has arrived); an event is reported once it has closed and
/// its last window ran, with the mean probabilities of its windows. At the end of the input
/// (`finish`) an open event closes, and windows that reach past the end are completed with the
/// frames of digital silence (zero samples), as `tinyml features` pads a short clip.
/// Frame and window buffers are allocated once, in `init`.
public final class WildlifeRecognizer {
    public let pipeline: WildlifePipeline
    public let classifier: WindowClassifier

    struct Tracked {
        var start: Int
        var end: Int?
        var firstWindow: Int
        var windowsRun = 0
        var scores: ScoreAccumulator
        var complete = false
    }

    private let extractor: FeatureExtractor
    private var detector: EventDetector
    private var history: FrameHistory
    private var frame: [Float]
    private var window: [Float]
    private var probabilities: [Float]
    private var tracked: [Tracked] = []
    private var samples = 0
    private var realFrames: Int?
    private var coveredUntil = 0
    private var classifiedFrames = 0
    private var reported = 0

    public init(pipeline p: WildlifePipeline, classifier: WindowClassifier) throws(WildlifeError) {
        pipeline = p
        self.classifier = classifier
        extractor = try p.frameExtractor()
        detector = EventDetector(configuration: p.detector, bands: p.bands, hopSeconds: p.hopSeconds,
                                 decibelsPerUnit: p.decibelsPerUnit)
        history = FrameHistory(capacity: p.windowFrames + p.aggregation.prerollFrames + 1, width: p.bands)
        frame = [Float](repeating: 0, count: p.bands)
        window = [Float](repeating: 0, count: p.windowFrames * p.bands)
        probabilities = [Float](repeating: 0, count: p.labels.count)
    }

    /// Takes the next samples; returns the events completed by them. A NaN or infinite sample is an
    /// error (nothing of this chunk is used).
    public func push(_ chunk: UnsafeBufferPointer<Float>) throws(WildlifeError) -> [RecognizedEvent] {
        precondition(realFrames == nil, "WildlifeRecognizer: push after finish")
        for (i, v) in chunk.enumerated() where !v.isFinite {
            throw WildlifeError("sample \(samples + i) (\(String(format: "%.3f", Double(samples + i) / Double(pipeline.features.sampleRate))) s) is \(v)")
        }
        samples += chunk.count
        extractor.push(chunk)
        return drainFrames(detecting: true)
    }

    public func push(_ chunk: [Float]) throws(WildlifeError) -> [RecognizedEvent] {
        try chunk.withUnsafeBufferPointer { c throws(WildlifeError) in try push(c) }
    }

    /// Ends the recording: closes an open event, completes pending windows, returns the last events.
    public func finish() -> [RecognizedEvent] {
        guard realFrames == nil else { return [] }
        realFrames = history.count
        apply(detector.finish())
        let zeros = [Float](repeating: 0, count: pipeline.features.frontEnd.hop)
        var out = collectComplete()
        while !tracked.isEmpty {
            extractor.push(zeros)
            out += drainFrames(detecting: false)
        }
        return out
    }

    /// The duty-cycle summary so far (final after `finish`).
    public var summary: RecognitionSummary {
        let frames = realFrames ?? history.count
        let w = pipeline.windowFrames, hop = pipeline.aggregation.eventHopFrames
        return RecognitionSummary(
            samples: samples, seconds: Double(samples) / Double(pipeline.features.sampleRate), frames: frames,
            events: reported, inferences: classifier.inferences,
            alwaysOnInferences: frames >= w ? (frames - w) / hop + 1 : (frames > 0 ? 1 : 0),
            classifiedFrames: classifiedFrames)
    }

    private func drainFrames(detecting: Bool) -> [RecognizedEvent] {
        var out: [RecognizedEvent] = []
        while frame.withUnsafeMutableBufferPointer({ extractor.popInput(into: $0.baseAddress!) }) {
            frame.withUnsafeBufferPointer { f in
                history.append(f)
                if detecting { apply(detector.process(f)) }
            }
            runWindows()
            out += collectComplete()
        }
        return out
    }

    private func apply(_ change: EventDetector.Change) {
        switch change {
        case .none:
            break
        case .opened(let start):
            tracked.append(Tracked(start: start, firstWindow: max(0, start - pipeline.aggregation.prerollFrames),
                                   scores: ScoreAccumulator(classes: pipeline.labels.count)))
        case .closed(let start, let end):
            if let i = tracked.lastIndex(where: { $0.start == start }) { tracked[i].end = end }
            runWindows()
        case .dropped(let start):
            tracked.removeAll { $0.start == start && $0.windowsRun == 0 }
        }
    }

    /// Runs every window whose frames have all arrived; marks events whose windows are done.
    private func runWindows() {
        let w = pipeline.windowFrames, hop = pipeline.aggregation.eventHopFrames
        let last = history.count - 1
        for i in tracked.indices where !tracked[i].complete {
            while true {
                let start = tracked[i].firstWindow + tracked[i].windowsRun * hop
                if let end = tracked[i].end, tracked[i].windowsRun > 0, start + w / 2 > end {
                    tracked[i].complete = true
                    break
                }
                if start + w - 1 > last { break }
                classify(windowAt: start, into: &tracked[i].scores)
                tracked[i].windowsRun += 1
            }
        }
    }

    private func classify(windowAt start: Int, into scores: inout ScoreAccumulator) {
        let w = pipeline.windowFrames
        window.withUnsafeMutableBufferPointer { history.copy(from: start, frames: w, into: $0.baseAddress!) }
        window.withUnsafeBufferPointer { win in
            probabilities.withUnsafeMutableBufferPointer { classifier.classify(win.baseAddress!, into: $0.baseAddress!) }
        }
        probabilities.withUnsafeBufferPointer { scores.add($0.baseAddress!) }
        let limit = min(start + w, realFrames ?? Int.max)
        classifiedFrames += max(0, limit - max(start, coveredUntil))
        coveredUntil = max(coveredUntil, start + w)
    }

    /// Removes and reports the completed events at the front (events complete in time order).
    private func collectComplete() -> [RecognizedEvent] {
        var out: [RecognizedEvent] = []
        while let first = tracked.first, first.complete {
            tracked.removeFirst()
            out.append(report(first))
        }
        return out
    }

    private func report(_ t: Tracked) -> RecognizedEvent {
        let f = pipeline.features.frontEnd
        let rate = Double(f.sampleRate), hop = Double(f.hop), centre = Double(f.frameLength) / 2
        let end = t.end ?? t.start
        let duration = Double(samples) / rate
        reported += 1
        return RecognizedEvent(
            startFrame: t.start, endFrame: end,
            startSeconds: max(0, (Double(t.start) * hop + centre - hop / 2) / rate),
            endSeconds: min(duration, (Double(end) * hop + centre + hop / 2) / rate),
            windows: t.scores.windows,
            top: t.scores.top(pipeline.aggregation.topK).map { LabelScore(label: pipeline.labels[$0.index], score: $0.score) })
    }
}
