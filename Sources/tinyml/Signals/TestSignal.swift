import Foundation
import TinyCLI
import TinyIO

/// A test stream: frames of `channels` values at `sampleRate`, kept as the device will read them —
/// int16 audio (`pcm`) or float32 sensor values (`values`, with the CSV text the host reads) — and
/// the parts it was made of, for the description.
struct TestSignal {
    enum Samples {
        case pcm([Int16])
        case sensor(values: [Float], csv: String)
    }

    let sampleRate: Int
    let channels: Int
    let samples: Samples
    let parts: [String]

    var frames: Int {
        switch samples {
        case .pcm(let s): return s.count
        case .sensor(let v, _): return v.count / channels
        }
    }

    var description: String {
        String(format: "%d frames (%.2f s at %d Hz) from %d parts: ", frames, Double(frames) / Double(sampleRate), sampleRate, parts.count)
            + parts.joined(separator: ", ")
    }

    /// `<name>.raw` (little-endian s16 or f32) and `<name>.wav` (16-bit PCM) or `<name>.csv`.
    func write(to directory: String, name: String) throws {
        let base = URL(fileURLWithPath: directory).appendingPathComponent(name)
        var raw = Data()
        switch samples {
        case .pcm(let pcm):
            raw.reserveCapacity(2 * pcm.count)
            for s in pcm { withUnsafeBytes(of: s.littleEndian) { raw.append(contentsOf: $0) } }
            // The WAV is written here, not through libsndfile, whose float-to-int16 writing scales by
            // 32767: the host must read back exactly the int16 values the device gets.
            try (Self.wavHeader(dataBytes: raw.count, sampleRate: sampleRate) + raw).write(to: base.appendingPathExtension("wav"))
        case .sensor(let values, let csv):
            raw.reserveCapacity(4 * values.count)
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { raw.append(contentsOf: $0) } }
            if !csv.isEmpty { try csv.write(to: base.appendingPathExtension("csv"), atomically: true, encoding: .utf8) }
        }
        try raw.write(to: base.appendingPathExtension("raw"))
    }

    /// A canonical 44-byte RIFF/WAVE header for mono 16-bit PCM.
    static func wavHeader(dataBytes: Int, sampleRate: Int) -> Data {
        var d = Data()
        func u32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { d.append(contentsOf: $0) } }
        func u16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { d.append(contentsOf: $0) } }
        d.append(contentsOf: Array("RIFF".utf8)); u32(36 + dataBytes); d.append(contentsOf: Array("WAVEfmt ".utf8))
        u32(16); u16(1); u16(1); u32(sampleRate); u32(2 * sampleRate); u16(2); u16(16)
        d.append(contentsOf: Array("data".utf8)); u32(dataBytes)
        return d
    }

    /// The manifest at `datasets/<set>/MANIFEST.csv`, with a clear error when it is missing.
    static func manifest(_ datasets: String, _ set: String) throws -> Manifest {
        let path = "\(datasets)/\(set)/MANIFEST.csv"
        guard FileManager.default.fileExists(atPath: path) else { throw ToolError("missing \(path)") }
        return try Manifest(path: path)
    }

    /// The first `count` rows with this label and split, in manifest order.
    static func pick(_ m: Manifest, label: String, split: String, count: Int = 1, skip: Int = 0) throws -> [ManifestEntry] {
        let rows = m.entries(split: split, label: label)
        guard rows.count >= skip + count else {
            throw ToolError("\(m.url.path): only \(rows.count) '\(label)' rows in split '\(split)', need \(skip + count)")
        }
        return Array(rows[skip ..< skip + count])
    }

    /// A 16-bit mono file at `rate`, as int16 (the float reader gives raw / 32768 exactly).
    static func pcm16(_ entry: ManifestEntry, rate: Int) throws -> [Int16] {
        let (info, samples) = try AudioFileReader.readAll(path: entry.path)
        guard info.sampleRate == rate, info.channelCount == 1 else {
            throw ToolError("\(entry.path): \(info.sampleRate) Hz, \(info.channelCount) channels; expected \(rate) Hz mono")
        }
        return samples.map { Int16(max(-32768, min(32767, ($0 * 32768).rounded()))) }
    }
}
