import TinyCLI
import TinyIO

extension TestSignal {
    /// A stand-in for machine sound at 16 kHz (no anomalous ToyCar audio is available): Speech
    /// Commands' `running_tap` background recordings as the normal sound (the first 8 s: the
    /// learning period and more), 3 s of `dude_miaowing` (speech and a cat: a sound the learned
    /// normal does not hold; exercise-bike and white noise stay under the threshold) as the change,
    /// then running tap again;
    /// float32 full scale (what `anomaly-monitor --format f32le` and the device take).
    static func machineStream(datasets: String) throws -> TestSignal {
        let kws = try manifest(datasets, "kws")
        let noise = kws.entries(split: "noise", label: "_silence_")
        func recordings(_ prefix: String) -> [ManifestEntry] { noise.filter { $0.file.hasPrefix("noise/\(prefix)") } }
        func samples(_ rows: [ManifestEntry], _ count: Int) throws -> (values: [Float], files: [String]) {
            var values: [Float] = [], files: [String] = []
            for e in rows where values.count < count {
                values += try pcm16(e, rate: 16000).map { Float($0) / 32768 }
                files.append(e.file)
            }
            guard values.count >= count else { throw ToolError("\(datasets)/kws: too little \(rows.first?.file ?? "noise") audio") }
            return (values, files)
        }
        let tap = try samples(recordings("running_tap"), 11 * 16000)
        let change = try samples(recordings("dude_miaowing"), 3 * 16000)
        let values = Array(tap.values[..<(8 * 16000)]) + change.values[..<(3 * 16000)] + tap.values[(8 * 16000) ..< (11 * 16000)]
        return TestSignal(sampleRate: 16000, channels: 1, samples: .sensor(values: values, csv: ""),
                          parts: ["running_tap [0, 8 s): \(tap.files.joined(separator: " "))", "dude_miaowing 3 s: \(change.files.joined(separator: " "))",
                                  "running_tap [8 s, 11 s)"])
    }
}
