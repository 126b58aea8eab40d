import ArgumentParser
import Foundation
import GestureRecognition
import TinyCLI
import TinyDSP
import TinyIO

/// `gesture-demo FILE.csv | -`: recognises magic-wand gestures in an accelerometer stream (one
/// `ax,ay,az` line per sample, as a board streams over UART; a header line is optional) and prints
/// one line per gesture as it happens: time, label, confidence (or JSON lines with `--json`, which
/// also give the model-rate `sample` index and the confidence's `Float` bits, as the firmware prints them).
struct GestureDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gesture-demo",
        abstract: "Recognise accelerometer gestures in a CSV file or on stdin ('-').",
        discussion: """
        Bad lines stop the run at the first (one error line naming it) unless --skip-bad-lines: then each \
        is counted, reported live (--json: {"event":"skipped",...}; else one warning for the first) and \
        stands for one sample (the previous good row), so event times stay true; input whose data lines \
        are all bad is an error. A last line cut off mid-row (no newline) is reported as the input \
        ending early. \(ExitStatus.helpText)
        """)

    @Argument(help: "CSV file, or '-' for stdin.") var input: String
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/gesture).") var pipeline: String?
    @Option(help: "Input sample rate in Hz when it differs from the pipeline's (resampled).") var rate: Int?
    @Option(help: "Accelerometer unit: auto (from gravity), g, milli-g or m/s2.") var unit = "auto"
    @Option(help: "Columns to read, by name or 0-based index (default: the pipeline's).") var columns: String?
    @Flag(help: "Drop malformed lines (counted on stderr) instead of stopping at the first.") var skipBadLines = false
    @Flag(help: "Print JSON lines.") var json = false

    func run() throws {
        withToolErrors("gesture-demo") {
            let p = try GesturePipeline(path: try BundledPipeline.path(pipeline, name: "gesture"))
            var fixedUnit: AccelerationUnit?
            if unit != "auto" {
                guard let u = AccelerationUnit.allCases.first(where: { $0.name == unit }) else {
                    throw ToolError("--unit must be auto, " + AccelerationUnit.allCases.map(\.name).joined(separator: ", ") + " (got '\(unit)')")
                }
                fixedUnit = u
            }
            if let rate, rate <= 0 { throw ToolError("--rate must be positive (got \(rate))") }
            let options = CSVOptions(columns: columns.map(CSVOptions.Columns.init(parsing:)) ?? p.spec.columns,
                                     badLines: skipBadLines ? .skip : .fail)
            let reader = input == "-" ? try CSVSensorReader(input: .standardInput(), options: options)
                                      : try CSVSensorReader(path: input, options: options)
            let inputRate = rate ?? p.inputRate
            reader.onSkipped = { [unowned reader] skipped in
                if json {
                    print(skipped.jsonEvent(rate: inputRate, total: reader.badLines.total).text)
                    flushStdout()
                } else if reader.badLines.total == 1 {
                    printError("gesture-demo: \(skipped.firstWarning)")
                }
            }
            var count = 0
            let stream = try GestureStream(pipeline: p, inputRate: inputRate, sourceName: reader.sourceName,
                                           unit: fixedUnit) { event in
                count += 1
                if json {
                    print(JSONValue.object([("time", .number((event.time * 100).rounded() / 100)), ("label", .string(event.label)),
                                            ("confidence", .number((Double(event.confidence) * 1000).rounded() / 1000)),
                                            ("sample", .int(event.sampleIndex)), ("confidence_bits", .bits(event.confidence.bitPattern))]).text)
                } else {
                    print(String(format: "%8.2f s  ", event.time) + event.label + String(format: "  %.3f", Double(event.confidence)))
                }
                flushStdout()
            }
            try stream.run(reader)
            let seconds = Double(stream.sampleCount) / Double(p.spec.sampleRate)
            var summary = "gesture-demo: \(count) gesture(s) in \(String(format: "%.1f", seconds)) s"
            if let u = stream.unit { summary += " (input unit \(u.name))" }
            if reader.badLines.total > 0 { summary += "; skipped \(reader.badLines.total) malformed line(s), each held as the previous sample" }
            printError(summary)
        }
    }
}

GestureDemo.main()
