import ArgumentParser
import Foundation
import TinyCLI
import TinyDSP
import TinyFeatures
import TinyFormats
import TinyIO

/// `tinyml features SPEC (--manifest FILE [--split S] [--label L] | FILE...) --out OUT.npz [--fft portable]`:
/// runs a feature spec (a JSON path — a spec or a pipeline.json holding one — or a preset name)
/// over audio files and writes what training scripts read, so training and device features cannot
/// drift. `--fft portable` runs the firmware's FFT (`PortableRealFFT`) instead of FFTW, giving the
/// device's features bit for bit (Embedded/check.sh compares them).
///
/// The `.npz` members are `TrainingArchiveWriter`'s (`x` is `(N, framesPerInput, rowWidth)`, int8
/// or float32 with `--float`; `y` is −1 for files given without a manifest). The archive is
/// written as the files are read (memory does not grow with it) to a temporary file beside OUT,
/// renamed onto OUT at the end; a failure or SIGINT/SIGTERM removes it (`AtomicOutputFile`).
/// One input per file (padded/cropped to the spec's clip) unless `--window-hop` cuts every window.
/// `OUT.npy` writes `x` alone. Audio of another rate or channel count goes through TinyIO's
/// downmix and polyphase resampler; manifest rows with `scale_g_per_lsb` are read in physical units.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Extract model-input features (int8 or float) from audio files into an .npz.")

    @Argument(help: "A feature spec: path to a JSON file (a spec or a pipeline.json), or a preset (\(FeatureSpec.presetNames.joined(separator: ", "))).")
    var spec: String
    @Argument(help: "Audio files (when no --manifest is given).") var files: [String] = []
    @Option(help: "A dataset manifest (CSV with file,label,split columns).") var manifest: String?
    @Option(help: "Only manifest rows of this split.") var split: String?
    @Option(help: "Only manifest rows with this label.") var label: String?
    @Option(help: "Comma-separated label order for y (default: the manifest's labels, sorted).") var labels: String?
    @Option(help: "Output .npz (or .npy for x alone).") var out: String
    @Flag(name: .customLong("float"), help: "Write float32 features instead of the spec's int8.") var writeFloat = false
    @Option(help: "Cut every window of each file, one every SECONDS (a multiple of the spec's hop).")
    var windowHop: Double?
    @Option(help: "FFT: fftw (default) or portable (TinyDSP's PortableRealFFT, what the firmware runs: features equal a device's bit for bit).")
    var fft: FeatureFFT.Backend = .fftw
    @Flag(help: "Print the summary as a JSON object.") var json = false

    func run() throws {
        withToolErrors("tinyml features") {
            try OutputPaths.refuseInputs([("--out", out)], inputs: [spec, manifest] + files)
            if let sensor = try SensorFeaturesJob.load(spec) { return try sensor.run(self) }   // motion pipelines
            let featureSpec = try FeatureSpec.load(spec)
            guard writeFloat || featureSpec.quantization != nil else {
                throw ToolError("feature spec '\(featureSpec.name)' has no quantization; pass --float for float32 features")
            }
            guard out.hasSuffix(".npz") || out.hasSuffix(".npy") else { throw ToolError("--out must end in .npz or .npy (got '\(out)')") }
            let jobs = try inputs(rates: InputRates(pipeline: featureSpec.name, frontEnd: featureSpec.frontEnd))
            let stride = try windowStride(featureSpec)
            let extractor = try FeatureExtractor(spec: featureSpec, inputStride: stride ?? 1, fft: fft)
            try writeArchive(specName: featureSpec.name, inputShape: featureSpec.inputShape, quantization: featureSpec.quantization,
                             labels: jobs.labels, specJSON: String(decoding: featureSpec.jsonData(), as: UTF8.self),
                             files: jobs.items.count) { archive, progress in
                for item in jobs.items {
                    let samples = try item.read(featureSpec.sampleRate)
                    if stride != nil {
                        let (values, windowStarts) = extractor.inputs(of: samples)
                        try archive.append(values, label: item.labelIndex, file: item.name, starts: windowStarts)
                    } else {
                        try archive.append(extractor.clipInput(samples), label: item.labelIndex, file: item.name, starts: [0])
                    }
                    progress.advance()
                }
            }
        }
    }

    /// Writes `--out` (`TrainingArchiveWriter`, `x` alone for `.npy`) as `body` appends the inputs
    /// of `files` files, through a temporary file beside it (`AtomicOutputFile`: removed on a
    /// failure or a signal), then prints the summary. `quantization` is ignored with `--float`.
    func writeArchive(specName: String, inputShape: [Int], quantization: Int8Quantizer?, labels: [String], specJSON: String,
                      recordsLengths: Bool = false, files: Int,
                      _ body: (TrainingArchiveWriter, ProgressBar) throws -> Void) throws {
        let output = try AtomicOutputFile(target: out)
        defer { output.discard() }
        let archive = try TrainingArchiveWriter(
            path: output.temporaryPath, xOnly: out.hasSuffix(".npy"), inputShape: inputShape,
            quantization: writeFloat ? nil : quantization, labels: labels, specJSON: specJSON, recordsLengths: recordsLengths)
        let progress = ProgressBar(total: files, label: "features")
        try body(archive, progress)
        progress.finish()
        try archive.finish()
        try output.commit()
        let shape = [archive.count] + inputShape
        let type = writeFloat ? "float32" : "int8"
        if json {
            print(JSONValue.object([
                ("out", .string(out)), ("spec", .string(specName)), ("files", .int(files)),
                ("inputs", .int(archive.count)), ("shape", .array(shape.map { .int($0) })), ("dtype", .string(type)),
                ("labels", .array(labels.map { .string($0) })),
            ]).text)
        } else {
            print("\(out): \(archive.count) inputs from \(files) files, x \(shape) \(type), spec \(specName)")
        }
    }

    /// One audio file to featurise.
    struct Item {
        let name: String
        let labelIndex: Int
        let read: (Int) throws -> [Float]
    }

    /// The audio to featurise; `rates`: the source rates the spec accepts (nil: any).
    func inputs(rates: InputRates? = nil) throws -> (items: [Item], labels: [String]) {
        if let manifest {
            guard files.isEmpty else { throw ToolError("give either --manifest or audio files, not both") }
            let m = try Manifest(path: manifest)
            let rows = m.entries(split: split, label: label)
            guard !rows.isEmpty else {
                throw ToolError("no rows in '\(manifest)' match" + (split.map { " split '\($0)'" } ?? "") + (label.map { " label '\($0)'" } ?? "")
                    + " (splits: \(m.splits.joined(separator: ", ")))")
            }
            let order = labels.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } } ?? m.labels
            let index = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let items = try rows.map { row -> Item in
                guard let l = row.label else { throw ToolError("manifest '\(manifest)' has no label column") }
                guard let i = index[l] else { throw ToolError("manifest line \(row.line): label '\(l)' is not in --labels") }
                return Item(name: row.file, labelIndex: i) { rate in try row.audioStream(outputRate: rate, accepting: rates).readAll() }
            }
            return (items, order)
        }
        guard !files.isEmpty else { throw ToolError("no input: give --manifest FILE or audio files") }
        guard split == nil, label == nil, labels == nil else { throw ToolError("--split, --label and --labels need --manifest") }
        return (files.map { path in Item(name: path, labelIndex: -1) { rate in try AudioStream.readMono(path: path, outputRate: rate, accepting: rates) } }, [])
    }

    /// `--window-hop` in frames, checked to be a whole number of the spec's hops.
    func windowStride(_ spec: FeatureSpec) throws -> Int? {
        guard let seconds = windowHop else { return nil }
        guard seconds > 0, seconds.isFinite else { throw ToolError("--window-hop must be a positive number of seconds (got \(seconds))") }
        let samples = (seconds * Double(spec.sampleRate)).rounded()
        let hop = spec.frontEnd.hop
        guard abs(samples - seconds * Double(spec.sampleRate)) < 1e-6, Int(samples) % hop == 0, samples > 0 else {
            throw ToolError("--window-hop \(seconds) s is not a whole multiple of the spec's hop (\(hop) samples = \(Double(hop) / Double(spec.sampleRate)) s)")
        }
        return Int(samples) / hop
    }
}

