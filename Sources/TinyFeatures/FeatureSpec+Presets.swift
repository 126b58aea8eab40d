import Foundation
import TinyDSP

extension FeatureSpec {
    /// Built-in specs, by name (`tinyml features mlperf-kws …`):
    /// - `mlperf-kws`: the MLPerf Tiny KWS front end exactly (DESIGN.md §4): `x / max(x)` over the
    ///   1 s clip; periodic Hann 480, hop 320, FFT 512, magnitude; 40 mel bands, HTK, 20–4000 Hz,
    ///   `tf.signal.linear_to_mel_weight_matrix` triangles; `ln(mel + 1e-6)`; DCT-II × √(2/40), 10
    ///   coefficients; 49 frames; int8 `round_half_even(v / 0.5847029) + 83`.
    /// - `wildlife-logmel`: a starting point for 16 kHz animal sounds: 25 ms / 10 ms frames
    ///   (400 / 160, FFT 512, periodic Hann), power, 64 Slaney mel bands (librosa's defaults:
    ///   Slaney scale, hertz triangles, Slaney area norm) 50–8000 Hz, `10·log₁₀(max(mel, 1e-10))`,
    ///   98 frames (1 s window); float only until a model fixes the quantisation.
    /// - `vibration-stats`: a starting point for 12 kHz bearing vibration: 1024 / 512 frames,
    ///   power, [rms, peak, crest factor, kurtosis, skewness, spectral centroid, spread, flatness,
    ///   rolloff 0.85, 16 log band energies 0–6000 Hz]; one frame per input; float only.
    public static let presetNames = ["mlperf-kws", "wildlife-logmel", "vibration-stats"]

    /// The preset called `name`, or nil.
    public static func preset(named name: String) -> FeatureSpec? {
        switch name {
        case "mlperf-kws": return mlperfKWS
        case "wildlife-logmel": return wildlifeLogMel
        case "vibration-stats": return vibrationStatistics
        default: return nil
        }
    }

    static let mlperfKWS = try! FeatureSpec(
        name: "mlperf-kws",
        summary: "MLPerf Tiny KWS front end: x/max(x), Hann 480/320, |FFT 512|, 40 HTK mel (TF) 20-4000 Hz, ln(+1e-6), DCT-II*sqrt(2/40) x10, 49 frames",
        frontEnd: FrontEndConfiguration(
            sampleRate: 16000, normalization: .peak, frameLength: 480, hop: 320, fftSize: 512,
            window: .hann(.periodic), spectrum: .magnitude,
            features: .mel(.tensorflow(bandCount: 40, minHertz: 20, maxHertz: 4000)),
            log: LogCompression(base: .natural, floor: .add(1e-6)),
            cepstrum: CepstralConfiguration(coefficientCount: 10, normalization: .tensorflow),
            framesPerInput: 49, clipSamples: 16000),
        quantization: try! Int8Quantizer(scale: 0.5847029, zeroPoint: 83, rounding: .halfToEven))

    static let wildlifeLogMel = try! FeatureSpec(
        name: "wildlife-logmel",
        summary: "16 kHz log-mel: Hann 400/160, power FFT 512, 64 Slaney mel 50-8000 Hz, 10*log10(max(mel,1e-10)), 98 frames",
        frontEnd: FrontEndConfiguration(
            sampleRate: 16000, normalization: .none, frameLength: 400, hop: 160, fftSize: 512,
            window: .hann(.periodic), spectrum: .power,
            features: .mel(.librosa(bandCount: 64, minHertz: 50, maxHertz: 8000)),
            log: LogCompression(base: .decibels, floor: .clamp(1e-10)),
            cepstrum: nil, framesPerInput: 98, clipSamples: 16000),
        quantization: nil)

    static let vibrationStatistics = try! FeatureSpec(
        name: "vibration-stats",
        summary: "12 kHz vibration statistics per 1024-sample frame (hop 512): time-domain moments, spectral shape, 16 log band energies",
        frontEnd: FrontEndConfiguration(
            sampleRate: 12000, normalization: .none, frameLength: 1024, hop: 512, fftSize: 1024,
            window: .hann(.periodic), spectrum: .power,
            features: .statistics([
                .rms, .peak, .crestFactor, .kurtosis, .skewness, .spectralCentroid, .spectralSpread,
                .spectralFlatness, .spectralRolloff(fraction: 0.85),
                .logBandEnergies(bandCount: 16, minHertz: 0, maxHertz: 6000, floor: .add(1e-12)),
            ]),
            log: nil, cepstrum: nil, framesPerInput: 1),
        quantization: nil)

    /// Loads `specifier`: a path to a JSON file if one exists there — a feature spec, or a
    /// pipeline file (`pipeline.json`, any `"format"` but the spec's) holding one under
    /// `"features"` — else a preset name. Errors: unreadable file, bad JSON, bad keys, unknown
    /// preset (listing the presets).
    public static func load(_ specifier: String) throws(FeatureSpecError) -> FeatureSpec {
        if FileManager.default.fileExists(atPath: specifier) {
            do {
                let file = try SpecFile(path: specifier, specFormat: Self.format)
                let spec = try FeatureSpec(json: file.spec)
                try file.spec.finish()
                return spec
            } catch {
                throw .json(error)
            }
        }
        if let p = preset(named: specifier) { return p }
        if specifier.contains("/") || specifier.hasSuffix(".json") {
            throw .notFound(path: specifier)
        }
        throw .unknownPreset(name: specifier, presets: presetNames)
    }

    /// Quantises float features with the spec's model-input quantisation (host only).
    public func quantize(_ values: [Float]) throws(FeatureSpecError) -> [Int8] {
        guard let q = quantization else {
            throw .noQuantization(name: name)
        }
        return q.quantize(values)
    }
}
