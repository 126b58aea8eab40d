import Foundation
import TinyFormats

/// What the firmware harness measured for one model on one core under QEMU
/// (`Embedded/measurements.json`, `models.<model>.cores.<core>`). Every field is optional: a
/// missing one is reported as missing, never guessed.
public struct CoreMeasurement: Sendable, Equatable {
    public var qemuMachine: String?
    /// Guest instructions for one `invoke` (QEMU `-icount shift=0`; repeatable run to run).
    public var instructionsPerInference: Int?
    public var textBytes: Int?
    public var rodataBytes: Int?
    public var dataBytes: Int?
    public var bssBytes: Int?
    /// Peak stack during one inference.
    public var stackBytes: Int?
    /// Arena the firmware allocated (compared with the host planner's).
    public var arenaBytes: Int?
    /// Peak heap, when the firmware allocates (Swift arrays do).
    public var heapBytes: Int?
    /// Bytes of `rodata` that are the model's own constants (the report adds those from the
    /// planner, so they are subtracted here to avoid counting them twice).
    public var modelRodataBytes: Int?
    /// True when the arena is a static buffer inside `bss` (subtracted likewise).
    public var arenaInBss: Bool?
    /// Instructions to load and prepare the model at boot (parse, plan, precompute).
    public var loadInstructions: Int?
    /// Constant bytes the firmware reads where they lie in the linked .tflite (flash), and those it
    /// copied to RAM (counted in `heapBytes`).
    public var constantsInPlaceBytes: Int?
    public var constantsCopiedBytes: Int?
    /// Instructions inside software helpers the core lacks hardware for (`HelperInstructions`).
    public var helpers: HelperInstructions?

    public init(qemuMachine: String? = nil, instructionsPerInference: Int? = nil, textBytes: Int? = nil,
                rodataBytes: Int? = nil, dataBytes: Int? = nil, bssBytes: Int? = nil, stackBytes: Int? = nil,
                arenaBytes: Int? = nil, heapBytes: Int? = nil, modelRodataBytes: Int? = nil, arenaInBss: Bool? = nil,
                loadInstructions: Int? = nil, constantsInPlaceBytes: Int? = nil, constantsCopiedBytes: Int? = nil) {
        self.qemuMachine = qemuMachine
        self.instructionsPerInference = instructionsPerInference
        self.textBytes = textBytes
        self.rodataBytes = rodataBytes
        self.dataBytes = dataBytes
        self.bssBytes = bssBytes
        self.stackBytes = stackBytes
        self.arenaBytes = arenaBytes
        self.heapBytes = heapBytes
        self.modelRodataBytes = modelRodataBytes
        self.arenaInBss = arenaInBss
        self.loadInstructions = loadInstructions
        self.constantsInPlaceBytes = constantsInPlaceBytes
        self.constantsCopiedBytes = constantsCopiedBytes
    }

    init(json o: JSONReader) throws(JSONError) {
        self.init(qemuMachine: try o.optionalString("qemu_machine"),
                  instructionsPerInference: try o.optionalInteger("instructions_per_inference", minimum: 1),
                  textBytes: try o.optionalInteger("text_bytes"), rodataBytes: try o.optionalInteger("rodata_bytes"),
                  dataBytes: try o.optionalInteger("data_bytes"), bssBytes: try o.optionalInteger("bss_bytes"),
                  stackBytes: try o.optionalInteger("stack_bytes"), arenaBytes: try o.optionalInteger("arena_bytes"),
                  heapBytes: try o.optionalInteger("heap_bytes"),
                  modelRodataBytes: try o.optionalInteger("model_rodata_bytes"),
                  arenaInBss: o.has("arena_in_bss") ? try o.bool("arena_in_bss") : nil,
                  loadInstructions: try o.optionalInteger("load_instructions"),
                  constantsInPlaceBytes: try o.optionalInteger("constants_in_place_bytes"),
                  constantsCopiedBytes: try o.optionalInteger("constants_copied_bytes"))
        helpers = try HelperInstructions(json: o)
    }
}

/// Of a measured count, the instructions spent in run-time helpers (Xtensa LX106 entries of
/// `measurements-c.json`: `soft_float_instructions`, `integer_helper_instructions`): single-precision
/// float and integer division / 64-bit products, which the LX106 does in software and the
/// ESP32-S3's LX7 in hardware, so the count overstates the S3's work by about that much.
public struct HelperInstructions: Sendable, Equatable {
    public var softFloat: Int
    public var integer: Int

    public init(softFloat: Int, integer: Int) {
        self.softFloat = softFloat
        self.integer = integer
    }

    /// Nil when the entry records neither.
    init?(json o: JSONReader) throws(JSONError) {
        let float = try o.optionalInteger("soft_float_instructions"), integer = try o.optionalInteger("integer_helper_instructions")
        guard float != nil || integer != nil else { return nil }
        softFloat = float ?? 0
        self.integer = integer ?? 0
    }
}

/// One model's measurements: the sha256 of the file measured and one entry per core.
public struct ModelMeasurements: Sendable {
    public let sha256: String?
    /// Size of the .tflite file the firmware links into `.rodata` (`model_bytes`), when it does.
    public let modelBytes: Int?
    public let cores: [String: CoreMeasurement]
    /// The file the entry came from (for messages).
    public let file: String
}

/// All measurement files merged: `models.<model path>`, `features.<key>.cores.<core>.instructions_per_call`
/// and `pipelines.<key>` (whole pipelines, `PipelineMeasurement`).
/// Shape (see `Pipelines/boards/README.md`):
/// `{"toolchain": "...", "models": {"<model>": {"sha256": "...", "model_bytes": N, "cores": {"cortex-m7": {...}}}},
///   "features": {"<key>": {"cores": {"cortex-m7": {"instructions_per_call": N}}}}}`.
/// Unknown extra keys are allowed (the firmware may record more); wrong types are errors.
public struct Measurements: Sendable {
    public private(set) var models: [String: ModelMeasurements] = [:]
    public private(set) var features: [String: [String: Int]] = [:]
    /// `features.<key>.cores.<core>.heap_bytes`: the measured heap peak of the front end's own
    /// firmware run (its state and buffers), when recorded.
    public private(set) var featureHeapBytes: [String: [String: Int]] = [:]
    /// `pipelines.<key>`: whole pipelines measured by the firmware (`PipelineMeasurement`).
    public private(set) var pipelines: [String: PipelineMeasurement] = [:]
    /// Files that were read, and those that did not exist.
    public private(set) var filesRead: [String] = []
    public private(set) var filesMissing: [String] = []

    public init() {}

    /// Reads every file of `paths` that exists (missing files are recorded, not errors). A core
    /// measured in two files for the same model is an error.
    public init(files paths: [String], display: (String) -> String = { $0 }) throws(ConfigError) {
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else {
                filesMissing.append(display(path))
                continue
            }
            try ConfigError.reading { () throws(JSONError) in try merge(JSONReader(contentsOf: path, displayName: display(path))) }
            filesRead.append(display(path))
        }
    }

    public mutating func merge(_ root: JSONReader) throws(JSONError) {
        if let models = try root.optionalObject("models") {
            for (model, entry) in try models.objectMembers() {
                var cores = self.models[model]?.cores ?? [:]
                if let coreMap = try entry.optionalObject("cores") {
                    for (core, m) in try coreMap.objectMembers() {
                        if cores[core] != nil {
                            throw coreMap.invalid(core, "model '\(model)' on '\(core)' is measured in two files")
                        }
                        cores[core] = try CoreMeasurement(json: m)
                    }
                }
                let sha = try entry.optionalString("sha256")?.lowercased()
                let modelBytes = try entry.optionalInteger("model_bytes", minimum: 1) ?? self.models[model]?.modelBytes
                if let sha, let previous = self.models[model]?.sha256, previous != sha {
                    throw entry.invalid("sha256", "differs from another measurement file's for the same model")
                }
                self.models[model] = ModelMeasurements(sha256: sha ?? self.models[model]?.sha256, modelBytes: modelBytes,
                                                       cores: cores, file: root.file)
            }
        }
        if let pipelines = try root.optionalObject("pipelines") {
            for (key, entry) in try pipelines.objectMembers() {
                var measured = try PipelineMeasurement(json: entry)
                if let previous = self.pipelines[key] {
                    // Another file's cores of the same pipeline (the exported C on Xtensa beside the Swift firmware).
                    if previous.hopSamples != measured.hopSamples || previous.sampleRateHz != measured.sampleRateHz {
                        throw pipelines.invalid(key, "pipeline '\(key)' is measured with another hop than in \(previous.file)")
                    }
                    for core in measured.cores.keys.sorted() where previous.cores[core] != nil {
                        throw pipelines.invalid(key, "pipeline '\(key)' on '\(core)' is measured in two files")
                    }
                    measured.cores.merge(previous.cores) { new, _ in new }
                }
                self.pipelines[key] = measured
            }
        }
        if let features = try root.optionalObject("features") {
            for (key, entry) in try features.objectMembers() {
                guard let coreMap = try entry.optionalObject("cores") else { continue }
                for (core, m) in try coreMap.objectMembers() {
                    if let n = try m.optionalInteger("instructions_per_call", minimum: 1) { self.features[key, default: [:]][core] = n }
                    if let n = try m.optionalInteger("heap_bytes") { self.featureHeapBytes[key, default: [:]][core] = n }
                }
            }
        }
    }
}
