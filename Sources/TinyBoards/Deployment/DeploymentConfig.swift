import Foundation
import TinyFormats

/// How one pipeline runs on one board (`Pipelines/<pipeline>/boards/<board>.json`): which model,
/// the input stream (sample rate, the window one inference sees, the stride between inferences),
/// the RAM buffers the pipeline keeps besides the model's arena, the duty cycle, and optionally
/// the measured feature front end and memory reserved by other software. See
/// `Pipelines/boards/README.md` for the schema.
///
/// One home for each fact: beside a pipeline file (`Pipelines/<p>/pipeline.json`) the model,
/// sample rate, window and stride are the pipeline's, with the config's `overrides` applied
/// (`PipelineFacts`); the config may not restate them (`model`, `sample_rate_hz`,
/// `window_samples`, `stride_samples` are errors there). Only a deployment without a pipeline
/// file (the reference models, `Pipelines/reference/...`) states them itself.
public struct DeploymentConfig: Sendable {
    /// A RAM buffer the pipeline keeps outside the arena.
    public struct Buffer: Sendable {
        public enum Kind: String, Sendable, CaseIterable { case audio, sensor, feature, work, output }
        public let name: String
        public let kind: Kind
        public let bytes: Int
    }

    /// One measured part of the feature front end's cost (`"features"` section of the
    /// measurements), e.g. per new frame, or per model input.
    public struct Frontend: Sendable {
        /// Key under `features` in the measurements file.
        public let measurement: String
        /// Calls (e.g. new feature frames) per inference.
        public let callsPerInference: Int
        /// True when the part runs on every stride whatever `dutyCycle` (the front end of an
        /// always-on event detector, JSON `"always_on": true`); false (the default) when it runs
        /// with the model, on `dutyCycle` of the strides.
        public let alwaysOn: Bool
    }

    /// Memory taken by other software on the board (BLE stack, RTOS, Wi-Fi), with the reason.
    public struct Reserved: Sendable {
        public let flashBytes: Int
        public let ramBytes: Int
        public let reason: String
    }

    public let file: String
    public let pipeline: String
    public let board: String
    /// Model path as written: relative to the repository root, or `shared/...` for files beside it.
    public let model: String
    public let sampleRateHz: Double
    public let windowSamples: Int
    public let strideSamples: Int
    /// Fraction of strides on which the model (and the front-end parts not `alwaysOn`) runs:
    /// 1 = always; for an event-triggered classifier, its measured trigger fraction.
    public let dutyCycle: Double
    public let buffers: [Buffer]
    /// The front end's cost per inference is the sum of these parts (empty: not given). JSON: one
    /// object, or an array of them (e.g. per-frame work × new frames + per-input work × 1).
    public let frontend: [Frontend]
    public let reserved: Reserved?
    /// What the pipeline achieves at this stride, with the command that measured it (free text,
    /// e.g. streaming hits/misses/false alarms); the report shows it beside the load.
    public let accuracy: String?
    public let notes: String?
    /// Pipeline settings that differ on this board (`"overrides"`, e.g. KWS `strideSeconds`,
    /// `minimumCount`): the device image and the report use them; which keys a pipeline takes is
    /// the pipeline's to check.
    public let overrides: [String: Double]
    /// The pipeline's facts when the config belongs to a pipeline file (nil for a reference
    /// deployment that states its own).
    public let pipelineFacts: PipelineFacts?

    /// Keys that are the pipeline's when the config belongs to a pipeline file.
    public static let pipelineFactKeys = ["model", "sample_rate_hz", "window_samples", "stride_samples"]

    /// Seconds between inferences: the real-time budget of one inference.
    public var strideSeconds: Double { Double(strideSamples) / sampleRateHz }
    public var windowSeconds: Double { Double(windowSamples) / sampleRateHz }
    public var bufferBytes: Int { buffers.reduce(0) { $0 + $1.bytes } }

    /// Parses a config. `facts`, given for a config beside a pipeline file, turns the config's
    /// overrides into the pipeline's facts (`PipelineFacts(pipelineAt:...)`) and `modelKey` its
    /// model path into the repository-relative key of the measurements; a config that then restates
    /// a fact is an error naming the pipeline's value.
    public init(json o: JSONReader, facts: ((_ overrides: [String: Double]) throws(ConfigError) -> PipelineFacts)? = nil,
                modelKey: (String) -> String = { $0 }) throws(ConfigError) {
        // Unknown keys (at any level) are errors: `finish()` rejects every key not read below.
        do {
            file = o.file
            pipeline = try o.string("pipeline")
            board = try o.string("board")
            var overrides: [String: Double] = [:]
            if let object = try o.optionalObject("overrides") {
                for key in object.keys { overrides[key] = try object.number(key) }
            }
            self.overrides = overrides
            if let facts {
                let f = try facts(overrides)
                let model = f.model.map(modelKey)
                let stated: [(String, String?)] = [("model", model), ("sample_rate_hz", String(format: "%g", f.sampleRateHz)),
                                                   ("window_samples", String(f.windowSamples)), ("stride_samples", String(f.strideSamples))]
                if let (key, value) = stated.first(where: { o.has($0.0) }) {
                    let takes = f.overridableKeys.isEmpty ? "none" : f.overridableKeys.joined(separator: ", ")
                    throw o.invalid(key, "is the pipeline's (\(f.file) gives \(value ?? "none")\(overrides.isEmpty ? "" : " with this config's overrides")); "
                        + "remove it and put what differs on this board under 'overrides' (\(f.kind) takes: \(takes))")
                }
                guard let model else { throw ConfigError.pipeline(file: f.file, problem: "the pipeline names no model file") }
                self.model = model
                sampleRateHz = f.sampleRateHz
                windowSamples = f.windowSamples
                strideSamples = f.strideSamples
                pipelineFacts = f
            } else {
                model = try o.string("model")
                if !model.hasSuffix(".tflite") { throw o.invalid("model", "expected a .tflite path, got \"\(model)\"") }
                if model.hasPrefix("/") { throw o.invalid("model", "must be relative to the repository root (or shared/...)") }
                sampleRateHz = try o.number("sample_rate_hz", positive: true, atMost: 10_000_000)
                windowSamples = try o.integer("window_samples", minimum: 1)
                strideSamples = try o.integer("stride_samples", minimum: 1)
                pipelineFacts = nil
            }
            dutyCycle = try o.number("duty_cycle", positive: true, atMost: 1)
            var buffers: [Buffer] = []
            for b in try o.objects("buffers") {
                let kindName = try b.string("kind")
                guard let kind = Buffer.Kind(rawValue: kindName) else {
                    throw b.invalid("kind", "expected one of \(Buffer.Kind.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(kindName)\"")
                }
                buffers.append(Buffer(name: try b.string("name"), kind: kind, bytes: try b.integer("bytes", minimum: 1)))
            }
            self.buffers = buffers
            var parts: [JSONReader] = []
            if o.has("frontend") {
                if let list = try? o.objects("frontend", allowEmpty: false) { parts = list } else { parts = [try o.object("frontend")] }
            }
            var frontend: [Frontend] = []
            for f in parts {
                frontend.append(Frontend(measurement: try f.string("measurement"),
                                         callsPerInference: try f.integer("calls_per_inference", minimum: 1),
                                         alwaysOn: f.has("always_on") ? try f.bool("always_on") : false))
            }
            self.frontend = frontend
            if let r = try o.optionalObject("reserved") {
                reserved = Reserved(flashBytes: try r.integer("flash_bytes"), ramBytes: try r.integer("ram_bytes"),
                                    reason: try r.string("reason"))
            } else {
                reserved = nil
            }
            accuracy = try o.optionalString("accuracy")
            notes = try o.optionalString("notes")
            try o.finish()
        } catch let error as ConfigError {
            throw error
        } catch let error as JSONError {
            throw .json(error)
        } catch {
            preconditionFailure("unexpected error \(error)")
        }
    }
}
