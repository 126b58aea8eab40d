import TinyCLI
import TinyIO

extension TestSignal {
    /// CWRU drive-end vibration at 0 hp in g: the normal training recording (3.05 s, the learning
    /// period), the first half second of the normal val recording, 2 s of an inner-race fault
    /// (test split, 0.007 in, 0 hp), then the rest of the normal val recording: learned, raised,
    /// cleared. The samples are int16 × the row's `scale_g_per_lsb`, as float32.
    static func anomalyStream(datasets: String) throws -> TestSignal {
        let m = try manifest(datasets, "anomaly")
        func row(_ file: String) throws -> ManifestEntry {
            guard let e = m.entries.first(where: { $0.file == file }) else { throw ToolError("\(m.url.path): no row '\(file)'") }
            return e
        }
        func g(_ e: ManifestEntry) throws -> [Float] {
            guard let scale = e.scaleGPerLSB else { throw ToolError("\(e.file): no scale_g_per_lsb") }
            return try pcm16(e, rate: 12000).map { Float(Double($0) * scale) }
        }
        let learn = try g(row("normal/1797rpm_0hp_normal_DE_train.flac"))
        let normal = try g(row("normal/1797rpm_0hp_normal_DE_val.flac"))
        let fault = try g(row("faults/1797_IR_7_DE12.flac"))
        guard fault.count >= 24000, normal.count >= 6000 else { throw ToolError("anomaly recordings shorter than expected") }
        let values = learn + normal[..<6000] + fault[..<24000] + normal[6000...]
        return TestSignal(sampleRate: 12000, channels: 1, samples: .sensor(values: values, csv: ""),
                          parts: ["normal train (learning)", "normal val [0, 6000)", "1797_IR_7 fault [0, 24000)", "normal val [6000, end)"])
    }
}
