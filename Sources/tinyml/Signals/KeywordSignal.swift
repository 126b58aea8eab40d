import TinyCLI
import TinyIO

extension TestSignal {
    /// Eight keywords of the test split, each between 1 s background clips (`_silence_`), with two
    /// unknown words and one non-keyword utterance (kws-negatives, val) as distractors: about 24 s.
    static func keywordStream(datasets: String) throws -> TestSignal {
        let kws = try manifest(datasets, "kws")
        let negatives = try manifest(datasets, "kws-negatives")
        let background = try pick(kws, label: "_silence_", split: "test", count: 6)
        let unknown = try pick(kws, label: "_unknown_", split: "test", count: 2)
        let speech = try pick(negatives, label: "_negative_", split: "val", count: 1)
        let order: [ManifestEntry] = [
            background[0], try pick(kws, label: "yes", split: "test")[0], try pick(kws, label: "no", split: "test")[0],
            unknown[0], background[1], try pick(kws, label: "up", split: "test")[0],
            try pick(kws, label: "down", split: "test")[0], background[2], speech[0],
            try pick(kws, label: "left", split: "test")[0], background[3], try pick(kws, label: "right", split: "test")[0],
            unknown[1], try pick(kws, label: "stop", split: "test")[0], background[4],
            try pick(kws, label: "go", split: "test")[0], background[5],
        ]
        var pcm: [Int16] = []
        for e in order { pcm += try pcm16(e, rate: 16000) }
        return TestSignal(sampleRate: 16000, channels: 1, samples: .pcm(pcm),
                          parts: order.map { "\($0.label ?? "?") \($0.file)" })
    }
}
