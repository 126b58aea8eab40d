import ArgumentParser
import Foundation
import KeywordSpotting
import TinyCLI
import TinyFeatures
import TinyIO

/// `kws-demo AUDIO`: keyword spotting over audio of any length, format, rate and channel count
/// (`-` reads standard input: audio in any format libsndfile reads — WAV/AIFF/AU stream live, others
/// such as FLAC are spooled to a temporary file first — or raw PCM when `--rate` is given). Prints one
/// line per detected keyword (time, keyword, confidence), or JSON lines with `--json`; a summary
/// goes to stderr. `_silence_`/`_unknown_` are never reported.
struct KWSDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kws-demo",
        abstract: "Spot keywords (down, go, left, no, off, on, right, stop, up, yes) in an audio file or stream.",
        discussion: """
        Input rates: 8,000–192,000 Hz (twice the top of the 4 kHz mel bands up to the highest recording \
        rate; others are refused). Raw PCM on stdin (--rate) must end on a whole sample: a stream \
        that stops mid-sample, or a WAV shorter than its header declares (file or pipe), is \
        processed up to the cut and then reported as ended early. NaN/infinite samples are refused.
        \(ExitStatus.helpText)
        """)

    @Argument(help: "Audio file, or - for standard input.") var audio: String
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/kws).") var pipeline: String?
    @Option(help: "A .tflite model to use instead of the pipeline's.") var model: String?
    @Option(help: "Seconds between 1 s windows (a multiple of the 20 ms hop; default: the pipeline's).") var stride: Double?
    @Option(help: "Averaged posterior a keyword needs (0-1; default: the pipeline's).") var threshold: Double?
    @Option(help: "Seconds of posteriors averaged (default: the pipeline's).") var average: Double?
    @Option(help: "Seconds after a detection with no other detection (default: the pipeline's).") var suppression: Double?
    @Option(help: "Consecutive agreeing windows before a keyword is reported (default: the pipeline's).") var minimumCount: Int?
    @Option(help: "Raw PCM on stdin: its sample rate in Hz.") var rate: Int?
    @Option(help: "Raw PCM on stdin: channels.") var channels = 1
    @Option(help: "Raw PCM on stdin: s16le or f32le.") var encoding = "s16le"
    @Option(help: "FFT: fftw, or portable (the device's: detections equal the firmware's bit for bit).") var fft: FeatureFFT.Backend = .fftw
    @Flag(help: "Print JSON lines (with the stream sample index and the confidence's Float bits, as the firmware prints them).") var json = false
    @Flag(help: "Also print every window's posteriors (JSON lines with --json).") var posteriors = false

    func run() throws {
        withToolErrors("kws-demo") {
            for (name, value) in [("--stride", stride), ("--threshold", threshold), ("--average", average), ("--suppression", suppression)] {
                try NumericOption.check(name, value)
            }
            var p = try KWSPipeline(path: try BundledPipeline.path(pipeline, name: "kws"))
            try p.override(strideSeconds: stride, threshold: threshold, averageSeconds: average,
                           suppressionSeconds: suppression, minimumCount: minimumCount)
            let input = try inputSource()
            let classifier = try KeywordClassifier(pipeline: p, modelPath: model)
            let spotter = try KeywordSpotter(pipeline: p, classifier: classifier, fft: fft)
            let stream = try input.open(for: p)
            let strideSeconds = p.strideSeconds
            let onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = posteriors ? { w, post in
                let t = Double(w) * strideSeconds
                if json {
                    print(JSONValue.object([("window", .int(w)), ("start", .number(t)),
                                            ("posteriors", .array(post.map { .number(Double($0)) }))]).text)
                } else {
                    print("  window \(w) [\(String(format: "%.2f", t)) s]: " + zip(p.labels, post)
                        .map { "\($0) \(String(format: "%.2f", $1))" }.joined(separator: " "))
                }
            } : nil
            let summary = try spotter.run(stream, onWindow: onWindow) { d in
                if json {
                    print(JSONValue.object([("time", .number((d.time * 100).rounded() / 100)), ("keyword", .string(d.label)),
                                            ("confidence", .number((d.confidence * 1000).rounded() / 1000)),
                                            ("sample", .int(d.sample)), ("confidence_bits", .bits(d.confidenceBits))]).text)
                } else {
                    print(String(format: "%8.2f s  ", d.time) + d.label.padding(toLength: 5, withPad: " ", startingAt: 0)
                        + String(format: "  (confidence %.2f)", d.confidence))
                }
                flushStdout()
            }
            printError(String(format: "kws-demo: %.2f s of audio, %d windows every %.2f s, ", summary.seconds, summary.windows, strideSeconds)
                + "\(summary.detections) keyword\(summary.detections == 1 ? "" : "s") (pipeline \(p.name), model \(model ?? p.modelPath))")
        }
    }

    func inputSource() throws -> KWSAudioInput {
        guard audio == "-" else {
            if rate != nil { throw ToolError("--rate is for raw PCM on standard input (AUDIO '-'); a file's header gives its rate") }
            return .file(audio)
        }
        guard let rate else { return .standardInputFile }
        guard let e = PCMStreamReader.Encoding(rawValue: encoding) else {
            throw ToolError("--encoding must be s16le or f32le (got '\(encoding)')")
        }
        return .standardInputPCM(rate: rate, channels: channels, encoding: e)
    }
}

KWSDemo.main()
