import ArgumentParser
import Foundation
import MotorAnomaly
import TinyCLI
import TinyFeatures
import TinyIO

/// `anomaly-monitor stream`: reads a signal until it ends, learns or loads "normal", scores every
/// window, raises and clears alarms with hysteresis; prints state changes and status lines (or one
/// JSON object per window), then a summary, and exits with a status that says whether an alarm was
/// raised (see `MonitorSummary`).
struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Monitor a signal from stdin or a file until it ends.",
        discussion: """
        Input: --input FILE (any format libsndfile reads), --features FILE (raw float32 feature \
        frames), or standard input with --format s16le|f32le|csv and --rate HZ. One sensor channel, \
        at the pipeline's rate (other rates are refused). --scale gives the physical value of one \
        int16 LSB (files, s16le) or multiplies the values (f32le, csv); it must be finite and \
        non-zero. NaN/garbage CSV lines and non-finite f32le samples are skipped and counted, live \
        (--json: {"event":"skipped",...} per value); each stands for one sample (the previous \
        value), so timestamps stay true. A window whose features are not finite (input too large) \
        is neither learned nor scored ({"event":"bad_window",...}); a learning phase of bad or \
        constant windows is an error.

        Normal: --learn SECONDS learns from the start of the stream (default: the pipeline's \
        learning.seconds), --baseline FILE loads a baseline saved with --save-baseline. The \
        threshold is mean + k·σ of out-of-sample learning-phase scores; an alarm is raised after \
        alarm.raiseAfter windows over it in a row and cleared after alarm.clearAfter under it.

        Exit status: 0 no alarm was raised; 2 an alarm was raised and had cleared by the end; \
        3 an alarm was active when the stream ended; 4 no alarm, but the input ended early \
        (truncated, cut mid-sample or mid-line; monitored up to the cut; 2 and 3 win over 4); \
        1 error; 64 usage error.
        """)

    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/anomaly).") var pipeline: String?
    @Option(help: "Read this audio file instead of standard input.") var input: String?
    @Option(help: "Read precomputed feature frames (raw little-endian float32) instead of a signal.") var features: String?
    @Option(help: "Standard-input format: s16le, f32le or csv.") var format: String?
    @Option(help: "Standard-input sample rate (Hz); must equal the pipeline's.") var rate: Int?
    @Option(help: "Physical units per int16 LSB (files, s16le) or a multiplier (f32le, csv).") var scale: Double?
    @Option(help: "CSV column (0-based index or header name).") var column: String?
    @Option(help: "Learn normal from the first SECONDS of the stream.") var learn: Double?
    @Option(help: "Load a saved baseline instead of learning.") var baseline: String?
    @Option(name: .customLong("save-baseline"), help: "Save the learned baseline to FILE once learning ends.") var saveBaseline: String?
    @Option(help: "Override the pipeline's scorer: gaussian or autoencoder.") var scorer: String?
    @Option(name: .customLong("status-every"), help: "Seconds of signal between status lines (default: the pipeline's).") var statusEvery: Double?
    @Option(help: "FFT: fftw, or portable (the device's: decisions equal the firmware's bit for bit).") var fft: FeatureFFT.Backend = .fftw
    @Flag(help: "Print one JSON object per window and a summary object.") var json = false

    func run() throws {
        let status = withToolErrors("anomaly-monitor") { () throws -> Int32 in
            var pipeline = try AnomalyPipeline(path: try BundledPipeline.path(self.pipeline, name: "anomaly"))
            if let scorer {
                guard let kind = AnomalyPipeline.ScorerKind(rawValue: scorer) else {
                    throw ToolError("--scorer must be gaussian or autoencoder (got '\(scorer)')")
                }
                pipeline.scorer = kind
            }
            try NumericOption.check("--status-every", statusEvery, .positive)
            try NumericOption.check("--learn", learn, .positive)
            try NumericOption.check("--scale", scale, .nonZero)
            try OutputPaths.refuseInputs([("--save-baseline", saveBaseline)], inputs: [input, features, baseline, self.pipeline])
            let start = try startMode(pipeline)
            let monitor = try AnomalyMonitor(pipeline: pipeline, start: start, fft: fft)
            if features != nil, input != nil || format != nil { throw ToolError("--features excludes --input and --format") }
            let signal = features == nil ? try source(pipeline) : nil
            var output = MonitorOutput(json: json, statusEvery: statusEvery ?? pipeline.statusEverySeconds,
                                       rate: pipeline.features.sampleRate)
            signal?.onSkipped = { output.skipped($0) }
            if case .learn(let seconds) = start {
                printError("anomaly-monitor: learning normal from the first \(seconds) s (\(monitor.learningWindows) windows)")
            }
            let onWindow = { (report: AnomalyMonitor.WindowReport) throws(AnomalyError) in
                output.window(report, detector: monitor.detector)
                if let path = saveBaseline, report.decision.phase == .learning, report.decision.threshold != nil {
                    try monitor.baselineFile()!.save(path)
                    printError("anomaly-monitor: saved the baseline to \(path)")
                }
            }
            let summary: MonitorSummary
            if let signal {
                summary = try monitor.run(signal, onWindow: onWindow) { output.badWindow($0) }
            } else {
                summary = try monitor.run(featureFrames: features!, onWindow: onWindow) { output.badWindow($0) }
            }
            output.summary(summary)
            return summary.exitStatus
        }
        throw ExitCode(status)
    }

    private func startMode(_ pipeline: AnomalyPipeline) throws -> AnomalyMonitor.Start {
        if let baseline {
            guard learn == nil else { throw ToolError("--learn and --baseline exclude each other") }
            guard saveBaseline == nil else { throw ToolError("--save-baseline needs --learn (a loaded baseline is saved already)") }
            return .baseline(try BaselineFile.load(baseline), path: baseline)
        }
        if let learn { return .learn(seconds: learn) }
        if saveBaseline != nil { return .learn(seconds: pipeline.learning.seconds) }
        return AnomalyMonitor.defaultStart(pipeline)
    }

    private func source(_ pipeline: AnomalyPipeline) throws -> MonitorSource {
        if let input {
            guard format == nil, rate == nil else {
                throw ToolError("--format and --rate describe standard input; a file's header gives its rate")
            }
            return try MonitorSource.file(input, rates: pipeline.inputRates, scale: scale)
        }
        guard let format, let rate else {
            if isatty(0) != 0 { throw ToolError("no input: give --input FILE, or pipe samples in with --format s16le|f32le|csv and --rate HZ") }
            throw ToolError("reading standard input needs --format s16le|f32le|csv and --rate HZ")
        }
        guard let kind = MonitorSource.Format(rawValue: format) else {
            throw ToolError("--format must be s16le, f32le or csv (got '\(format)')")
        }
        if column != nil, kind != .csv { throw ToolError("--column applies to csv input only") }
        return try MonitorSource.stream(ByteInput.standardInput(), format: kind, rate: rate, rates: pipeline.inputRates,
                                        scale: scale, column: column)
    }
}
