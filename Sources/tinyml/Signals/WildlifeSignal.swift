import TinyCLI
import TinyIO

extension TestSignal {
    /// A field-like minute: a background-noise bed (kws `noise` recordings, attenuated 20 dB) with
    /// five val-split ESC-50 clips laid on it 2 s apart (dog, rooster, frog, crow, chirping birds,
    /// 5 s each), 16 kHz.
    static func wildlifeStream(datasets: String) throws -> TestSignal {
        let animals = try manifest(datasets, "wildlife")
        let kws = try manifest(datasets, "kws")
        let events = try ["dog", "rooster", "frog", "crow", "chirping_birds"].map { try pick(animals, label: $0, split: "val")[0] }
        let gap = 2 * 16000
        var clips: [[Int16]] = []
        for e in events { clips.append(try pcm16(e, rate: 16000)) }
        let total = gap + clips.reduce(0) { $0 + $1.count + gap }
        var bed: [Int16] = []
        var noiseParts: [String] = []
        for e in kws.entries(split: "noise", label: "_silence_") where bed.count < total {
            bed += try pcm16(e, rate: 16000)
            noiseParts.append(e.file)
        }
        guard bed.count >= total else { throw ToolError("kws noise recordings give \(bed.count) samples, need \(total)") }
        var mix = [Int32](repeating: 0, count: total)
        for i in 0 ..< total { mix[i] = Int32(bed[i]) / 10 }
        var at = gap
        for clip in clips {
            for (i, s) in clip.enumerated() { mix[at + i] += Int32(s) }
            at += clip.count + gap
        }
        let pcm = mix.map { Int16(clamping: $0) }
        return TestSignal(sampleRate: 16000, channels: 1, samples: .pcm(pcm),
                          parts: events.map { "\($0.label ?? "?") \($0.file)" } + ["bed: \(noiseParts.count) noise files / 10"])
    }
}
