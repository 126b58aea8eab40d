import ArgumentParser
import Foundation
import TinyCLI

/// `tinyml signal PIPELINE --data DIR --out DIR`: a test stream for one pipeline, made from the
/// shared datasets (no Python), that the device and the host CLI both run (Embedded/check.sh).
/// Writes `<pipeline>.raw` — what the firmware reads: the pipeline image's sample format, s16le
/// audio or f32le sensor frames — and the same samples as the host tool takes them
/// (`<pipeline>.wav` for kws and wildlife, `<pipeline>.csv` for gestures; anomaly-monitor reads
/// the .raw as `--format f32le`). The selection is fixed (first files of a split in manifest
/// order), so the stream is the same on every machine that has the datasets.
struct SignalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal",
        abstract: "Make a pipeline's device test stream from the shared datasets.",
        discussion: """
        kws: keywords of the test split between background clips, with unknown-word and \
        non-keyword-speech distractors (16 kHz). anomaly: normal bearing vibration (the learning \
        period, then more), an inner-race fault, normal again (12 kHz, g). gesture: wing, ring, \
        slope and negative recordings of the val split in a row (25 Hz, g). wildlife: val-split \
        animal sounds over a quiet background-noise bed (16 kHz). machine: running-tap noise, \
        then a person and a cat (dude_miaowing), then running tap (16 kHz float32; a stand-in for machine sound). \
        spells: ten val-split extra_spells captures resampled from 119 to 50 Hz (6 axes).
        """)

    @Argument(help: "kws, anomaly, gesture, wildlife; machine (16 kHz sound for the audio anomaly pipeline) or spells (the 6-axis gesture pipeline).") var pipeline: String
    @Option(help: "The datasets directory (default: ../shared/datasets, or $TINYML_DATASETS).") var data: String?
    @Option(help: "Output directory.") var out: String

    func run() throws {
        withToolErrors("tinyml signal") {
            let root = data ?? ProcessInfo.processInfo.environment["TINYML_DATASETS"] ?? "../shared/datasets"
            guard FileManager.default.fileExists(atPath: root) else {
                throw ToolError("no datasets at '\(root)' — pass --data DIR (the shared datasets directory)")
            }
            try OutputPaths.refuseInputs([("--out", out)], inputs: [root])
            let signal: TestSignal
            switch pipeline {
            case "kws": signal = try TestSignal.keywordStream(datasets: root)
            case "anomaly": signal = try TestSignal.anomalyStream(datasets: root)
            case "gesture": signal = try TestSignal.gestureStream(datasets: root)
            case "wildlife": signal = try TestSignal.wildlifeStream(datasets: root)
            case "machine": signal = try TestSignal.machineStream(datasets: root)
            case "spells": signal = try TestSignal.spellsStream(datasets: root)
            default: throw ToolError("unknown signal '\(pipeline)' (expected kws, anomaly, gesture, wildlife, machine or spells)")
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try signal.write(to: out, name: pipeline)
            print("\(pipeline): \(signal.description)")
        }
    }
}
