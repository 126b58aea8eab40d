import Foundation
import TinyCLI
import TinyIO

extension TestSignal {
    /// One person's val-split accelerometer recordings in a row (25 Hz, g): wing, ring, slope,
    /// slope, wing, ring, ring, wing, slope. (The val negatives are another recording, in milli-g:
    /// one stream has one unit.) The CSV keeps the files' own text; the float32
    /// frames are those values as `strtof` reads them (what the host's CSV reader does).
    static func gestureStream(datasets: String) throws -> TestSignal {
        let m = try manifest(datasets, "gesture")
        let order = [("wing", 0), ("ring", 0), ("slope", 0), ("slope", 1), ("wing", 1),
                     ("ring", 1), ("ring", 2), ("wing", 2), ("slope", 2)]
        var csv = "ax_g,ay_g,az_g\n"
        var values: [Float] = []
        var parts: [String] = []
        for (label, index) in order {
            let e = try pick(m, label: label, split: "val", skip: index)[0]
            let text = try String(contentsOfFile: e.path, encoding: .utf8)
            var lines = text.split(whereSeparator: \.isNewline)
            guard let header = lines.first, header.contains("ax") else { throw ToolError("\(e.path): no ax,ay,az header") }
            lines.removeFirst()
            for line in lines {
                let fields = line.split(separator: ",")
                guard fields.count == 3, let x = Float(fields[0]), let y = Float(fields[1]), let z = Float(fields[2]) else {
                    throw ToolError("\(e.path): unexpected line '\(line)'")
                }
                values += [x, y, z]
                csv += line + "\n"
            }
            parts.append("\(label) \(e.file)")
        }
        return TestSignal(sampleRate: 25, channels: 3, samples: .sensor(values: values, csv: csv), parts: parts)
    }
}
