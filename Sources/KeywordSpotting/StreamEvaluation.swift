import TinyIO

/// Streaming evaluation in the manner of MLPerf Tiny's streaming-wakeword benchmark: a long stream
/// is built from a split's clips — keyword clips in round-robin order with `_unknown_` distractors
/// spread among them, separated by gaps that alternate between digital silence and background
/// noise (the manifest's `noise` rows, scaled by `noiseGain`) — and run through `KeywordSpotter`.
///
/// Scoring: keyword clip `k` occupies `[s_k, s_k + 1 s)`. A detection of the same keyword whose
/// time lies in `[s_k − tolerance, s_k + 1 s + tolerance)` is a **hit** (each clip matches at most
/// one detection, earliest first); a keyword clip with no hit is a **miss**; every other detection
/// (wrong keyword, a second detection, one in a gap or on a distractor) is a **false alarm**.
public struct StreamEvaluation: Sendable {
    public struct Options: Sendable {
        /// Keyword clips per keyword label (the first ones of the split in manifest order).
        public var clipsPerKeyword = 4
        /// `_unknown_` clips mixed in (background labels other than `_silence_`).
        public var distractors = 10
        public var gapSeconds = 1.2
        public var noiseGain: Float = 0.1
        public var toleranceSeconds = 0.25
        public init() {}
    }

    public struct Truth: Sendable, Equatable {
        public var classIndex: Int
        public var startSeconds: Double
        public var file: String

        public init(classIndex: Int, startSeconds: Double, file: String) {
            self.classIndex = classIndex
            self.startSeconds = startSeconds
            self.file = file
        }
    }

    public let seconds: Double
    public let truth: [Truth]
    public let distractors: Int
    public let detections: [Detection]
    public let hits: Int
    public let falseAlarms: Int
    public var misses: Int { truth.count - hits }
    public var hitRate: Double { truth.isEmpty ? .nan : Double(hits) / Double(truth.count) }
    public var falseAlarmsPerHour: Double { Double(falseAlarms) / seconds * 3600 }

    /// Builds the stream from `split` of `manifest` and runs `spotter` over it.
    public static func run(manifest: Manifest, split: String, spotter: KeywordSpotter, options: Options = Options()) throws(KWSError) -> StreamEvaluation {
        let (samples, truth, distractors) = try buildStream(manifest: manifest, split: split, pipeline: spotter.pipeline, options: options)
        spotter.reset()
        var detections: [Detection] = []
        try spotter.process(samples) { detections.append($0) }
        spotter.finish { detections.append($0) }
        let rate = Double(spotter.pipeline.features.sampleRate)
        let (hits, falseAlarms) = score(detections: detections, truth: truth, clipSeconds: Double(spotter.windowSamples) / rate,
                                        tolerance: options.toleranceSeconds)
        return StreamEvaluation(seconds: Double(samples.count) / rate, truth: truth, distractors: distractors,
                                detections: detections, hits: hits, falseAlarms: falseAlarms)
    }

    /// (hits, false alarms) of `detections` against `truth` (see the type's documentation).
    public static func score(detections: [Detection], truth: [Truth], clipSeconds: Double, tolerance: Double) -> (Int, Int) {
        var matched = [Bool](repeating: false, count: truth.count)
        var hits = 0
        for d in detections {
            if let k = truth.indices.first(where: { k in
                !matched[k] && truth[k].classIndex == d.classIndex
                    && d.time >= truth[k].startSeconds - tolerance && d.time < truth[k].startSeconds + clipSeconds + tolerance
            }) {
                matched[k] = true
                hits += 1
            }
        }
        return (hits, detections.count - hits)
    }

    /// The stream's samples (mono, pipeline rate), its keyword clips and the distractor count.
    public static func buildStream(manifest: Manifest, split: String, pipeline: KWSPipeline,
                                   options: Options) throws(KWSError) -> (samples: [Float], truth: [Truth], distractors: Int) {
        let rate = pipeline.features.sampleRate
        let rows = manifest.entries(split: split)
        // Round robin over the keywords (clip j of every keyword, then clip j + 1, ...), a distractor
        // after every `spacing` keyword clips.
        let perKeyword = pipeline.labels.indices.filter { pipeline.keywords[$0] }.map { c in
            (c, Array(rows.filter { $0.label == pipeline.labels[c] }.prefix(options.clipsPerKeyword)))
        }
        let keywordItems = (0 ..< options.clipsPerKeyword).flatMap { j in
            perKeyword.compactMap { c, clips in j < clips.count ? (row: clips[j], classIndex: Optional(c)) : nil }
        }
        guard !keywordItems.isEmpty else { throw KWSError("split '\(split)' of \(manifest.url.path) has no keyword clips") }
        let distractorRows = Array(rows.filter { r in r.label.map { pipeline.backgroundLabels.contains($0) && $0 != "_silence_" } ?? false }
            .prefix(options.distractors))
        let spacing = max(1, keywordItems.count / max(1, distractorRows.count))
        var items: [(row: ManifestEntry, classIndex: Int?)] = []
        for (i, item) in keywordItems.enumerated() {
            items.append(item)
            if (i + 1) % spacing == 0, items.count - (i + 1) < distractorRows.count { items.append((distractorRows[items.count - (i + 1)], nil)) }
        }
        var noise: [Float] = []
        for row in manifest.entries(split: "noise") where noise.count < 60 * rate {
            noise += try read(row, rate: rate)
        }
        let gap = Int(options.gapSeconds * Double(rate))
        var samples = [Float](repeating: 0, count: gap / 2)
        var truth: [Truth] = []
        var noiseOffset = 0
        for (i, item) in items.enumerated() {
            let clip = try read(item.row, rate: rate)
            if let c = item.classIndex {
                truth.append(Truth(classIndex: c, startSeconds: Double(samples.count) / Double(rate), file: item.row.file))
            }
            samples += clip
            if i % 2 == 1, noise.count >= gap {
                if noiseOffset + gap > noise.count { noiseOffset = 0 }
                samples += noise[noiseOffset ..< noiseOffset + gap].map { $0 * options.noiseGain }
                noiseOffset += gap
            } else {
                samples += [Float](repeating: 0, count: gap)
            }
        }
        return (samples, truth, items.count - truth.count)
    }

    static func read(_ row: ManifestEntry, rate: Int) throws(KWSError) -> [Float] {
        do {
            return try AudioStream.readMono(path: row.url.path, outputRate: rate)
        } catch {
            throw .input(error)
        }
    }
}
