import ArgumentParser
import Foundation
import TinyCLI
import TinyFeatures
import TinyIO

/// `tinyml features SPEC (--manifest FILE [--split S] [--label L] | FILE...) --out OUT.npz [--fft portable]`:
/// runs a feature spec (a JSON path — a spec or a pipeline.json holding one — or a preset name)
/// over audio files and writes what training scripts read, so training and device features cannot
/// drift. `--fft portable` runs the firmware's FFT (`PortableRealFFT`) instead of FFTW, giving the
/// device's features bit for bit (Embedded/check.sh compares them).
///
/// `.npz` members (`numpy.load(OUT)`):
/// - `x`: `(N, framesPerInput, rowWidth)` int8 (the spec's quantisation), or float32 with `--float`;
/// - `y`: `(N,)` int64 label index into `labels` (−1 for files given without a manifest);
/// - `labels`: `(L,)` unicode; `files`: `(N,)` unicode, the manifest's `file` column (or the path);
/// - `starts`: `(N,)` int64, the window's first sample in its file (at the spec's rate);
/// - `spec`: 0-d unicode, the feature spec JSON that made `x`.
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
            var x: [Float] = []
            var y: [Int] = [], names: [String] = [], starts: [Int] = []
            let progress = ProgressBar(total: jobs.items.count, label: "features")
            for item in jobs.items {
                let samples = try item.read(featureSpec.sampleRate)
                if stride != nil {
                    let (values, windowStarts) = extractor.inputs(of: samples)
                    x += values
                    starts += windowStarts
                    y += Array(repeating: item.labelIndex, count: windowStarts.count)
                    names += Array(repeating: item.name, count: windowStarts.count)
                } else {
                    x += extractor.clipInput(samples)
                    starts.append(0)
                    y.append(item.labelIndex)
                    names.append(item.name)
                }
                progress.advance()
            }
            progress.finish()
            let shape = [y.count] + featureSpec.inputShape
            let xArray = writeFloat ? NpyArray(float32: x, shape: shape) : NpyArray(int8: try featureSpec.quantize(x), shape: shape)
            if out.hasSuffix(".npy") {
                try Data(xArray.fileBytes).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                var archive = NpzArchive()
                archive.add("x", xArray)
                archive.add("y", NpyArray(int64: y, shape: [y.count]))
                archive.add("labels", NpyArray(strings: jobs.labels))
                archive.add("files", NpyArray(strings: names))
                archive.add("starts", NpyArray(int64: starts, shape: [starts.count]))
                archive.add("spec", NpyArray(strings: [String(decoding: featureSpec.jsonData(), as: UTF8.self)], scalar: true))
                try archive.write(to: out)
            }
            let type = writeFloat ? "float32" : "int8"
            if json {
                print(JSONValue.object([
                    ("out", .string(out)), ("spec", .string(featureSpec.name)), ("files", .int(jobs.items.count)),
                    ("inputs", .int(y.count)), ("shape", .array(shape.map { .int($0) })), ("dtype", .string(type)),
                    ("labels", .array(jobs.labels.map { .string($0) })),
                ]).text)
            } else {
                print("\(out): \(y.count) inputs from \(jobs.items.count) files, x \(shape) \(type), spec \(featureSpec.name)")
            }
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

