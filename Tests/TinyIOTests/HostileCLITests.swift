import Foundation
import Testing
import TinyIO
import TinyTestSupport

/// The bad-input campaign over the five built tools (issue 16): each hostile input gets its one
/// line and its exit status (0 ok, 1 error, 4 the input ended early), the same from a file as from
/// a pipe, and nothing an input names is ever overwritten.
@Suite(.enabled(if: ToolRun.path("tinyml") != nil && ToolRun.path("kws-demo") != nil, "the tools are not built (swift build)"))
struct HostileCLITests {
    static let scratch: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }()

    static func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = scratch.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A mono WAV: `format` 1 (PCM) or 3 (float), `bits` per sample as the fmt chunk declares it,
    /// `declaredBytes` in the data chunk (default: the real size).
    static func wav(rate: Int, bits: Int = 16, format: Int = 1, data: [UInt8], declaredBytes: Int? = nil) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { (0 ..< 4).map { UInt8((v >> (8 * $0)) & 0xff) } }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
        let n = declaredBytes ?? data.count
        let align = max(1, bits / 8)
        return Array("RIFF".utf8) + le32(36 + n) + Array("WAVEfmt ".utf8) + le32(16) + le16(format) + le16(1)
            + le32(rate) + le32(rate * align) + le16(align) + le16(bits) + Array("data".utf8) + le32(n) + data
    }

    static func s16(_ count: Int) -> [UInt8] {
        (0 ..< count).flatMap { i -> [UInt8] in
            let v = UInt16(bitPattern: Int16(3000 * sin(Double(i) / 5)))
            return [UInt8(v & 0xff), UInt8(v >> 8)]
        }
    }

    static func f32(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
    }

    // 1. One rate check per pipeline, stated in the error.
    @Test func ratesOutsideAPipelineAreRefusedBeforeReading() throws {
        let low = try Self.file("1hz.wav", Self.wav(rate: 1, data: Self.s16(100)))
        let wildlife = try ToolRun.run("wildlife-demo", [low])
        #expect(wildlife.status == 1)
        #expect(wildlife.stderr == "wildlife-demo: error: \(low): sample rate 1 Hz is outside what the wildlife pipeline accepts (16,000–192,000 Hz)\n")
        let kws = try ToolRun.run("kws-demo", [low])
        #expect(kws.status == 1 && kws.stderr.contains("outside what the kws pipeline accepts (8,000–192,000 Hz)"), "\(kws.stderr)")
        let anomaly = try ToolRun.run("anomaly-monitor", ["stream", "--input", low])
        #expect(anomaly.status == 1 && anomaly.stderr.contains("outside what the anomaly pipeline accepts (12,000 Hz only"), "\(anomaly.stderr)")
        let convert = try ToolRun.run("tinyml", ["audio", "convert", low, "-o", Self.scratch.appendingPathComponent("o.wav").path])
        #expect(convert.status == 1 && convert.stderr.contains("outside what audio conversion accepts (1,000–192,000 Hz)"), "\(convert.stderr)")
        let pcm = try ToolRun.run("kws-demo", ["-", "--rate", "400000"], stdin: Data(Self.s16(10)))
        #expect(pcm.status == 1 && pcm.stderr.contains("400,000 Hz is outside"), "\(pcm.stderr)")
    }

    // 2. An output that names an input is refused before anything is opened for writing.
    @Test func outputsThatNameAnInputAreRefused() throws {
        let clip = try Self.file("clip.wav", Self.wav(rate: 16000, data: Self.s16(16000)))
        let before = try Data(contentsOf: URL(fileURLWithPath: clip))
        let link = Self.scratch.appendingPathComponent("link.wav").path
        try? FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: clip)
        for output in [clip, Self.scratch.path + "/./clip.wav", link] {
            let run = try ToolRun.run("tinyml", ["audio", "convert", clip, "--output", output])
            #expect(run.status == 1)
            #expect(run.stderr.contains("--output '\(output)' is the input '\(clip)': refusing to overwrite an input"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: clip)) == before)

        let model = Self.scratch.appendingPathComponent("m.tflite").path
        try? FileManager.default.copyItem(atPath: TestPaths.repoRoot.appendingPathComponent("Pipelines/kws/kws_dscnn_int8.tflite").path, toPath: model)
        let modelBytes = try Data(contentsOf: URL(fileURLWithPath: model))
        let run = try ToolRun.run("tinyml", ["run", model, "--input", clip, "--output", model])
        #expect(run.status == 1 && run.stderr.contains("--output '\(model)' is the input"), "\(run.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: model)) == modelBytes)

        let baseline = try ToolRun.run("anomaly-monitor", ["stream", "--input", clip, "--save-baseline", clip])
        #expect(baseline.status == 1 && baseline.stderr.contains("--save-baseline '\(clip)' is the input"), "\(baseline.stderr)")
        let features = try ToolRun.run("tinyml", ["features", "mlperf-kws", clip, "--out", clip])
        #expect(features.status == 1 && features.stderr.contains("--out '\(clip)' is the input"), "\(features.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: clip)) == before)
    }

    // 3. (the numeric options): --scale must be finite and non-zero, and so must kws-demo's.
    @Test func numericOptionsMustBeFinite() throws {
        for scale in ["nan", "0", "inf"] {
            let run = try ToolRun.run("anomaly-monitor", ["stream", "--format", "f32le", "--rate", "12000", "--scale", scale],
                                      stdin: Data(Self.f32([Float](repeating: 0.1, count: 100))))
            #expect(run.status == 1 && run.stderr.contains("--scale must be a finite, non-zero number"), "\(scale): \(run.stderr)")
        }
        let kws = try ToolRun.run("kws-demo", ["x.wav", "--threshold", "nan"])
        #expect(kws.status == 1 && kws.stderr == "kws-demo: error: --threshold must be a finite number (got nan)\n", "\(kws.stderr)")
    }

    // 4 and 5. A truncated WAV: info tells what is there; the tools refuse it alike from a file
    // and from a pipe, with exit status 4 after processing what arrived.
    @Test func truncatedWAVIsTheSameFromAFileAndAPipe() throws {
        let bytes = Self.wav(rate: 16000, data: Self.s16(4000), declaredBytes: 32000)
        let path = try Self.file("truncated.wav", bytes)
        let info = try ToolRun.run("tinyml", ["audio", "info", path])
        #expect(info.status == 4)
        #expect(info.stdout.contains("4000 frames (0.250 s)") && info.stdout.contains("truncated: the header claims 16000 frames"), "\(info.stdout)")
        let piped = try ToolRun.run("tinyml", ["audio", "info", "-"], stdin: Data(bytes))
        #expect(piped.status == 4 && piped.stdout.contains("4000 frames") && piped.stdout.contains("claims 16000"), "\(piped.stdout)")
        let expected = "header declares 16000 frames, only 4000 could be read"
        for (name, run) in [("file", try ToolRun.run("kws-demo", [path])), ("pipe", try ToolRun.run("kws-demo", ["-"], stdin: Data(bytes))),
                            ("wildlife", try ToolRun.run("wildlife-demo", ["-"], stdin: Data(bytes)))] {
            #expect(run.status == 4 && run.stderr.contains(expected), "\(name): \(run.status) \(run.stderr)")
        }
    }

    // 6 and 10. Raw PCM that stops mid-sample.
    @Test func rawPCMEndingMidSampleIsReportedWithExitStatus4() throws {
        let run = try ToolRun.run("kws-demo", ["-", "--rate", "16000"], stdin: Data(Self.s16(16000) + [0x7f]))
        #expect(run.status == 4)
        #expect(run.stderr.contains("<stdin>: the stream ended mid-sample: 16000 whole frame(s) of 2 byte(s), then 1 trailing byte(s)"), "\(run.stderr)")
        let convert = try ToolRun.run("tinyml", ["audio", "convert", "-", "--raw", "s16le", "--input-rate", "16000",
                                                 "-o", Self.scratch.appendingPathComponent("cut.wav").path], stdin: Data(Self.s16(1000) + [1]))
        #expect(convert.status == 4 && convert.stderr.contains("ended mid-sample"), "\(convert.stderr)")
        let samples = (0 ..< 48_000).map { Float(0.1 * sin(Double($0) * 0.37) + 0.05 * sin(Double($0) * 1.91)) }
        let anomaly = try ToolRun.run("anomaly-monitor", ["stream", "--format", "f32le", "--rate", "12000", "--learn", "3", "--json"],
                                      stdin: Data(Self.f32(samples) + [0, 0]))
        #expect(anomaly.status == 4, "\(anomaly.stderr)")
        #expect(anomaly.stdout.contains("\"input_ended_early\":true") && anomaly.stdout.contains("\"exit_status\":4"))
    }

    // 10. A CSV stream cut off inside its last line.
    @Test func csvStreamEndingMidLineIsReportedWithExitStatus4() throws {
        var text = "ax_g,ay_g,az_g\n"
        for i in 0 ..< 100 { text += "0.0\(i % 10),-0.98,0.1\n" }
        let run = try ToolRun.run("gesture-demo", ["-"], stdin: Data((text + "0.01,-0.9").utf8))
        #expect(run.status == 4, "\(run.stderr)")
        #expect(run.stderr.contains("<stdin>:102: the stream ended mid-line"), "\(run.stderr)")
    }

    // 7. NaN in float input is refused with its frame, never converted to 0 (no output left behind).
    @Test func nanSamplesAreRefusedNotZeroed() throws {
        var values = [Float](repeating: 0.1, count: 4000)
        values[100] = .nan
        let path = try Self.file("nan.wav", Self.wav(rate: 16000, bits: 32, format: 3, data: Self.f32(values)))
        let out = Self.scratch.appendingPathComponent("nan-out.wav").path
        let run = try ToolRun.run("tinyml", ["audio", "convert", path, "-o", out])
        #expect(run.status == 1)
        #expect(run.stderr == "tinyml audio convert: error: \(path): frame 101, channel 1: sample nan is not finite\n", "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    // 8. Odd bit depths.
    @Test func oddBitDepthsAreRefused() throws {
        let path = try Self.file("7bit.wav", Self.wav(rate: 16000, bits: 7, data: [UInt8](repeating: 60, count: 2000)))
        let run = try ToolRun.run("tinyml", ["audio", "info", path])
        #expect(run.status == 1)
        #expect(run.stderr == "tinyml audio info: error: \(path): 7-bit samples are not supported (accepted: 8, 16, 24, 32, 64 bits)\n")
    }

    // 9. --report with an extension the command does not write.
    @Test func unknownReportExtensionsAreRefused() throws {
        let run = try ToolRun.run("tinyml", ["eval", "kws", "--manifest", "m.csv", "--report", "x.pdf"])
        #expect(run.status == 1)
        #expect(run.stderr == "tinyml eval kws: error: --report 'x.pdf': unsupported report format (it writes .html, .svg)\n", "\(run.stderr)")
    }

    // 11. Skipped lines appear live, one JSON event each, and keep the sample clock.
    @Test func skippedLinesAreLiveJSONEvents() throws {
        var text = "ax_g,ay_g,az_g\n"
        for i in 0 ..< 200 { text += i == 50 ? "garbage\n" : "0.0\(i % 10),-0.98,0.1\n" }
        let run = try ToolRun.run("gesture-demo", ["-", "--skip-bad-lines", "--json"], stdin: Data(text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("{\"event\":\"skipped\",\"sample\":50,\"t\":2,\"line\":52,"), "\(run.stdout)")
        #expect(run.stdout.contains("\"skipped_total\":1}"))
        #expect(run.stderr.contains("gesture(s) in 8.0 s"), "the clock counts the skipped line: \(run.stderr)")
    }
}
