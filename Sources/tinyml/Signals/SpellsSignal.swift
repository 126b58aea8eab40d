import Foundation
import TinyCLI
import TinyIO

extension TestSignal {
    /// The spells pipeline's stream (50 Hz, 6 axes): val-split `extra_spells` captures of the five
    /// spells in a row (two each), resampled per axis from the captures' 119 Hz with the suite's
    /// polyphase resampler (what `gesture-demo --rate 119` does), so the device gets the pipeline's
    /// rate. The CSV holds each value's shortest round-trip text, which `strtof` reads back exactly.
    static func spellsStream(datasets: String) throws -> TestSignal {
        let m = try manifest(datasets, "gesture/extra_spells")
        let order = [("Revelio", 0), ("AlohomoraCharm", 0), ("AvadaKedavra", 0), ("LocomotorCharm", 0), ("ArrestoMomentumCharm", 0),
                     ("AlohomoraCharm", 1), ("Revelio", 1), ("ArrestoMomentumCharm", 1), ("LocomotorCharm", 1), ("AvadaKedavra", 1)]
        var axes = [[Float]](repeating: [], count: 6)
        var header = ""
        var parts: [String] = []
        for (label, index) in order {
            let e = try pick(m, label: label, split: "val", skip: index)[0]
            let lines = try String(contentsOfFile: e.path, encoding: .utf8).split(whereSeparator: \.isNewline)
            guard let first = lines.first, first.contains("ax") else { throw ToolError("\(e.path): no header") }
            header = String(first)
            for line in lines.dropFirst() {
                let fields = line.split(separator: ",").compactMap { Float($0) }
                guard fields.count == 6 else { throw ToolError("\(e.path): unexpected line '\(line)'") }
                for a in 0 ..< 6 { axes[a].append(fields[a]) }
            }
            parts.append("\(label) \(e.file)")
        }
        var resampled: [[Float]] = []
        for axis in axes {
            var r = try PolyphaseResampler(inputRate: 119, outputRate: 50)
            var out = [Float](repeating: 0, count: r.maxOutputCount(forInputCount: axis.count) + r.halfLength + 64)
            var n = axis.withUnsafeBufferPointer { input in out.withUnsafeMutableBufferPointer { r.process(input, into: $0) } }
            n += out.withUnsafeMutableBufferPointer { buffer in r.finish(into: UnsafeMutableBufferPointer(rebasing: buffer[n...])) }
            resampled.append(Array(out[..<n]))
        }
        let frames = resampled[0].count
        var values: [Float] = []
        var csv = header + "\n"
        for i in 0 ..< frames {
            let row = (0 ..< 6).map { resampled[$0][i] }
            values += row
            csv += row.map { "\($0)" }.joined(separator: ",") + "\n"
        }
        return TestSignal(sampleRate: 50, channels: 6, samples: .sensor(values: values, csv: csv),
                          parts: parts + ["resampled 119 → 50 Hz"])
    }
}
