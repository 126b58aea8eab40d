import ArgumentParser
import Foundation
import TinyCLI
import TinyFeatures
import WildlifeSounds

/// `wildlife-demo AUDIO [--pipeline DIR] [--json]`: runs the wildlife pipeline over a clip or a long
/// field recording — the always-on event detector gates the int8 classifier — and prints a timeline
/// of events (start, end, top-3 species with confidences) and how much of the recording the
/// classifier ran on (the duty cycle).
@main
struct WildlifeDemo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wildlife-demo",
        abstract: "Detect and classify animal sounds in a clip or a long recording.",
        discussion: """
        Input rates: 16,000–192,000 Hz (twice the top of the 8 kHz mel bands up to the highest \
        recording rate; others are refused before anything is read). A file or pipe shorter than \
        its header declares is processed up to the cut and then reported as ended early; \
        NaN/infinite samples are refused.
        \(ExitStatus.helpText)
        """)

    @Argument(help: "Audio file (WAV, FLAC, … any rate or channel count; '-' reads standard input).") var audio: String
    @Option(help: "Pipeline file or directory (default: the bundled Pipelines/wildlife).") var pipeline: String?
    @Option(help: "FFT: fftw, or portable (the device's: events equal the firmware's bit for bit).") var fft: FeatureFFT.Backend = .fftw
    @Flag(help: "Print JSON lines: one per event (with stream sample indices and the top score's Float bits, as the firmware prints them), then a summary.") var json = false

    func run() throws {
        withToolErrors("wildlife-demo") {
            let p = try WildlifePipeline(path: try BundledPipeline.path(pipeline, name: "wildlife"))
            let recognizer = try WildlifeRecognizer(pipeline: p, classifier: try WindowClassifier(pipeline: p), fft: fft)
            var bar: ProgressBar?
            var shown = 0
            let summary = try recognizer.recognize(path: audio, progress: { done, total in
                guard let total, total > 60 * p.features.sampleRate else { return }
                if bar == nil { bar = ProgressBar(total: total, label: "wildlife-demo") }
                bar!.advance(by: done - shown)
                shown = done
            }) { event in
                print(json ? Self.json(event).text : Self.line(event))
                flushStdout()
            }
            bar?.finish()
            if json {
                print(Self.json(summary, pipeline: p).text)
            } else {
                Self.lines(summary, pipeline: p).forEach { print($0) }
            }
        }
    }

    static func line(_ e: RecognizedEvent) -> String {
        let top = e.top.map { "\($0.label) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")
        return String(format: "%8.2f – %8.2f s  ", e.startSeconds, e.endSeconds) + top + "  (\(e.windows) window\(e.windows == 1 ? "" : "s"))"
    }

    static func json(_ e: RecognizedEvent) -> JSONValue {
        .object([
            ("type", .string("event")), ("start", .number(e.startSeconds)), ("end", .number(e.endSeconds)),
            ("windows", .int(e.windows)), ("start_sample", .int(e.startSample)), ("sample", .int(e.sample)),
            ("confidence_bits", .bits(e.confidenceBits)),
            ("top", .array(e.top.map { .object([("label", .string($0.label)), ("score", .number((Double($0.score) * 10000).rounded() / 10000))]) })),
        ])
    }

    static func lines(_ s: RecognitionSummary, pipeline p: WildlifePipeline) -> [String] {
        let ran = Double(s.classifiedFrames) * p.hopSeconds
        return [
            "\(s.events) event\(s.events == 1 ? "" : "s") in \(String(format: "%.2f", s.seconds)) s",
            "classifier ran on \(String(format: "%.2f", ran)) s of \(String(format: "%.2f", Double(s.frames) * p.hopSeconds)) s "
                + "(duty cycle \(String(format: "%.1f", 100 * s.dutyCycle)) %): \(s.inferences) inferences where an always-on classifier "
                + "(one window every \(p.aggregation.eventHopFrames) frames) would run \(s.alwaysOnInferences) "
                + "(\(String(format: "%.1f", 100 * s.inferenceFraction)) %)",
        ]
    }

    static func json(_ s: RecognitionSummary, pipeline p: WildlifePipeline) -> JSONValue {
        .object([
            ("type", .string("summary")), ("seconds", .number(s.seconds)), ("events", .int(s.events)),
            ("frames", .int(s.frames)), ("classified_frames", .int(s.classifiedFrames)),
            ("duty_cycle", .number(s.dutyCycle)), ("inferences", .int(s.inferences)),
            ("always_on_inferences", .int(s.alwaysOnInferences)), ("inference_fraction", .number(s.inferenceFraction)),
        ])
    }
}
