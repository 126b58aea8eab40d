import Foundation
import PipelineCatalog
import TinyCExport
import TinyCore
import TinyDSP
import TinyPipeline
import TinyRuntime
import TinyTestSupport

/// A bundled pipeline run two ways on the same samples: the host engine
/// (`PipelineEngine<PortableRealFFT>` over `AnyPipeline.configuration()`, as the demos run it with
/// `--fft portable`) and its C export (`tinyml export --target c --pipeline`) built with gcc under
/// the strictest C99 flags, its example program reading the samples on stdin. Both give event lines
/// `event <kind> sample <N> label <name> confidence <bits>`.
struct CPipelineHarness {
    let pipeline: AnyPipeline
    let source: CPipelineSource
    let exported: CPipeline
    let directory: URL
    let executable: URL

    /// Exports `Pipelines/<name>` into a fresh temporary directory and builds its example.
    init(bundled name: String) throws {
        pipeline = try AnyPipeline(path: TestPaths.repoRoot.appendingPathComponent("Pipelines/\(name)").path)
        let graph = try pipeline.modelPath.map { try Model(contentsOf: $0).graph }
        source = CPipelineSource(name: pipeline.name, labels: pipeline.labels, sampleRate: pipeline.sampleRate,
                                 format: pipeline.sampleFormat, configuration: try pipeline.configuration(), model: graph,
                                 modelSource: pipeline.modelPath.map { ($0 as NSString).lastPathComponent } ?? "none")
        exported = try CPipelineExporter.export(source)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-cpipeline-\(UUID().uuidString)")
        try exported.write(to: directory.path)
        executable = directory.appendingPathComponent("example/pipeline")
        let result = try runProcess(CHarness.compiler ?? "gcc", CHarness.flags + ["-I", directory.appendingPathComponent("include").path]
            + sources + [directory.appendingPathComponent("example/main.c").path, "-o", executable.path])
        if result.status != 0 { throw HarnessError("C compile failed:\n\(result.output)") }
    }

    /// The library's .c files.
    var sources: [String] { exported.files.map(\.name).filter { $0.hasPrefix("src/") }.map { directory.appendingPathComponent($0).path } }

    /// Compiles the library for a Cortex-M core (`flags`); the compiler's output on failure, nil when it compiled.
    func compileForArm(_ flags: [String]) throws -> String? {
        for file in sources {
            let result = try runProcess(CHarness.armCompiler!, flags + ["-I", directory.appendingPathComponent("include").path, "-c", file,
                                                                        "-o", file + ".arm.o"])
            if result.status != 0 { return result.output }
        }
        return nil
    }

    /// The C program's event lines for `input` on stdin (with `arguments`).
    func runC(_ input: Data, arguments: [String] = []) throws -> [String] {
        let file = directory.appendingPathComponent("input.bin")
        try input.write(to: file)
        let command = ([executable.path] + arguments).joined(separator: " ") + " < '\(file.path)'"
        let result = try runProcess("/bin/sh", ["-c", command])
        if result.status != 0 { throw HarnessError("the C pipeline failed (\(result.status)): \(result.output)") }
        return result.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("event ") }
    }

    /// The host engine's event lines for `samples` (pushed `chunk` frames at a time), with window events when asked.
    func runSwift(_ samples: [Float], chunk: Int, windows: Bool = false) throws -> [String] {
        let interpreter = try pipeline.modelPath.map { Interpreter(graph: try Model(contentsOf: $0).graph) }
        let engine = try PipelineEngine<PortableRealFFT>(configuration: source.configuration, interpreter: interpreter,
                                                         makeFFT: { (n) throws(DSPError) in try PortableRealFFT(size: n) })
        switch engine.stage {
        case .keywordSpotting(let e): e.reportsWindows = windows
        case .anomaly(let e): e.reportsWindows = windows
        case .gesture, .wildlife: break
        }
        var lines: [String] = []
        let record = { (e: PipelineEvent) in lines.append(self.line(e)) }
        let step = chunk * source.configuration.channelCount
        try samples.withUnsafeBufferPointer { s in
            var offset = 0
            while offset < s.count {
                let n = min(step, s.count - offset)
                try engine.push(UnsafeBufferPointer(rebasing: s[offset ..< offset + n]), onEvent: record)
                offset += n
            }
        }
        try engine.finish(onEvent: record)
        return lines
    }

    func line(_ e: PipelineEvent) -> String {
        let label = e.label >= 0 && e.label < source.labels.count ? source.labels[e.label] : "-"
        let bits = String(e.confidence.bitPattern, radix: 16)
        return "event \(e.kind.name) sample \(e.sample) label \(label) confidence \(String(repeating: "0", count: 8 - bits.count) + bits)"
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// 16-bit samples as the C program reads them (s16le) and as the engine sees them (raw / 32768).
    static func pcm16(_ audio: [Float]) -> (bytes: Data, samples: [Float]) {
        let raw = audio.map { Int16(max(-32768, min(32767, ($0 * 32768).rounded()))) }
        var bytes = Data(capacity: raw.count * 2)
        for r in raw {
            let u = UInt16(bitPattern: r)
            bytes.append(UInt8(u & 0xff))
            bytes.append(UInt8(u >> 8))
        }
        return (bytes, raw.map { Float($0) * (1.0 / 32768) })
    }

    /// Float samples as f32le bytes.
    static func f32le(_ samples: [Float]) -> Data {
        var bytes = Data(capacity: samples.count * 4)
        for s in samples {
            let u = s.bitPattern
            for b in 0 ..< 4 { bytes.append(UInt8((u >> (8 * UInt32(b))) & 0xff)) }
        }
        return bytes
    }

    /// `count` manifest rows of `dataset` whose label is in `labels` (any label when empty), in file order.
    static func manifestFiles(_ dataset: URL, labels: Set<String>, count: Int, split: String? = nil) throws -> [(file: URL, row: [String: String])] {
        let text = try String(contentsOf: dataset.appendingPathComponent("MANIFEST.csv"), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = cells(lines[0])
        var out: [(URL, [String: String])] = []
        for line in lines.dropFirst() where out.count < count {
            var row: [String: String] = [:]
            for (k, v) in zip(header, cells(line)) { row[k] = v }
            guard let file = row["file"], let label = row["label"] else { continue }
            if !labels.isEmpty && !labels.contains(label) { continue }
            if let split, row["split"] != split { continue }
            out.append((dataset.appendingPathComponent(file), row))
        }
        return out
    }

    /// The cells of one CSV line (double quotes group, `""` is a quote).
    static func cells(_ line: String) -> [String] {
        var out: [String] = [], cell = "", quoted = false
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if quoted {
                if ch == "\"" {
                    let next = line.index(after: i)
                    if next < line.endIndex, line[next] == "\"" { cell.append("\""); i = next } else { quoted = false }
                } else {
                    cell.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                out.append(cell)
                cell = ""
            } else {
                cell.append(ch)
            }
            i = line.index(after: i)
        }
        out.append(cell)
        return out
    }
}
