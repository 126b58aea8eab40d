import TinyDSP

/// The complete definition of a pipeline's feature front end — one JSON file per pipeline
/// (`Pipelines/<name>/pipeline.json` embeds it under `"features"`), versioned, read strictly —
/// so training (`tinyml features` → `.npz`) and inference compute the same numbers.
///
/// It holds the portable `FrontEndConfiguration` (sample rate, input normalisation, framing,
/// window, FFT, spectrum, mel/statistics, log, DCT, frames per input, stacking, clip length) plus
/// the model input's int8 quantisation. Nothing has a hidden default: the JSON names every stage
/// (`FeatureSpec+JSON.swift` documents the schema; `FeatureSpec.presets` are examples).
public struct FeatureSpec: Sendable, Equatable {
    /// The value of the `"format"` key.
    public static let format = "tinyml-feature-spec"
    /// The newest schema version this build reads and writes.
    public static let currentVersion = 1

    public var name: String
    public var summary: String
    public var frontEnd: FrontEndConfiguration
    /// The model input's quantisation (nil: the spec yields float features only).
    public var quantization: Int8Quantizer?

    /// Validates `frontEnd` (the error names the parameter).
    public init(name: String, summary: String, frontEnd: FrontEndConfiguration,
                quantization: Int8Quantizer?) throws(FeatureSpecError) {
        do {
            try frontEnd.validate()
        } catch {
            throw .invalid(kind: "feature spec", name: name, problem: error.description)
        }
        self.name = name
        self.summary = summary
        self.frontEnd = frontEnd
        self.quantization = quantization
    }

    public var sampleRate: Int { frontEnd.sampleRate }

    /// One model input's shape: `[framesPerInput, rowWidth]`.
    public var inputShape: [Int] { [frontEnd.framesPerInput, frontEnd.rowWidth] }

    /// Samples in one model input's window (the clip length the whole-clip extractor pads/crops to).
    public var clipSamples: Int { frontEnd.windowSamples }
}
