import TinyFormats

/// What the firmware's PipelineRun measured for one whole pipeline (a TMPL device image fed its
/// test input hop by hop) on one core under QEMU (`Embedded/measurements.json`,
/// `pipelines.<key>.cores.<core>`; key `<pipeline>@<board>` when measured with that board's
/// overrides, else `<pipeline>`). A hop is `hopSamples` input samples: one inference stride for
/// KWS and gestures, one front-end frame for anomaly and wildlife. Every field is optional.
public struct PipelineCoreMeasurement: Sendable, Equatable {
    public var qemuMachine: String?
    public var hops: Int?
    /// Mean guest instructions of one hop's push (front end, and the model when it ran).
    public var instructionsPerHopMean: Int?
    /// The most instructions one hop's push took.
    public var instructionsPerHopWorst: Int?
    public var setupInstructions: Int?
    /// Peak heap and stack of the whole run.
    public var heapBytes: Int?
    public var stackBytes: Int?
    public var allocationsAfterSetup: Int?
    public var textBytes: Int?
    public var rodataBytes: Int?
    public var dataBytes: Int?
    public var bssBytes: Int?
    /// Instructions inside run-time helpers over all hops, with their total (`instructions_total`).
    public var helpers: HelperInstructions?
    public var instructionsTotal: Int?

    public init(qemuMachine: String? = nil, hops: Int? = nil, instructionsPerHopMean: Int? = nil,
                instructionsPerHopWorst: Int? = nil, setupInstructions: Int? = nil, heapBytes: Int? = nil,
                stackBytes: Int? = nil, allocationsAfterSetup: Int? = nil, textBytes: Int? = nil, rodataBytes: Int? = nil,
                dataBytes: Int? = nil, bssBytes: Int? = nil) {
        self.qemuMachine = qemuMachine
        self.hops = hops
        self.instructionsPerHopMean = instructionsPerHopMean
        self.instructionsPerHopWorst = instructionsPerHopWorst
        self.setupInstructions = setupInstructions
        self.heapBytes = heapBytes
        self.stackBytes = stackBytes
        self.allocationsAfterSetup = allocationsAfterSetup
        self.textBytes = textBytes
        self.rodataBytes = rodataBytes
        self.dataBytes = dataBytes
        self.bssBytes = bssBytes
    }

    init(json o: JSONReader) throws(JSONError) {
        self.init(qemuMachine: try o.optionalString("qemu_machine"), hops: try o.optionalInteger("hops", minimum: 1),
                  instructionsPerHopMean: try o.optionalInteger("instructions_per_hop_mean", minimum: 1),
                  instructionsPerHopWorst: try o.optionalInteger("instructions_per_hop_worst", minimum: 1),
                  setupInstructions: try o.optionalInteger("setup_instructions"),
                  heapBytes: try o.optionalInteger("heap_bytes"), stackBytes: try o.optionalInteger("stack_bytes"),
                  allocationsAfterSetup: try o.optionalInteger("allocations_after_setup"),
                  textBytes: try o.optionalInteger("text_bytes"), rodataBytes: try o.optionalInteger("rodata_bytes"),
                  dataBytes: try o.optionalInteger("data_bytes"), bssBytes: try o.optionalInteger("bss_bytes"))
        helpers = try HelperInstructions(json: o)
        instructionsTotal = try o.optionalInteger("instructions_total", minimum: 1)
    }
}

/// One measured pipeline (`pipelines.<key>`): the pipeline file and board it was measured for,
/// the image size, the input rate and hop, and one entry per core.
public struct PipelineMeasurement: Sendable {
    /// Repository-relative pipeline file (`Pipelines/kws/pipeline.json`).
    public let pipeline: String?
    /// The board whose overrides the image carried, or nil (the pipeline as it is).
    public let board: String?
    public let imageBytes: Int?
    public let sampleRateHz: Double?
    public let hopSamples: Int?
    /// Per core; merged from every measurement file that has the pipeline.
    public internal(set) var cores: [String: PipelineCoreMeasurement]
    /// The file the entry came from (for messages; the last one read when several have it).
    public let file: String

    init(json o: JSONReader) throws(JSONError) {
        pipeline = try o.optionalString("pipeline")
        board = try o.optionalString("board")
        imageBytes = try o.optionalInteger("image_bytes", minimum: 1)
        sampleRateHz = o.has("sample_rate_hz") ? try o.number("sample_rate_hz", positive: true) : nil
        hopSamples = try o.optionalInteger("hop_samples", minimum: 1)
        var cores: [String: PipelineCoreMeasurement] = [:]
        if let map = try o.optionalObject("cores") {
            for (core, m) in try map.objectMembers() { cores[core] = try PipelineCoreMeasurement(json: m) }
        }
        self.cores = cores
        file = o.file
    }

    /// The key of a pipeline measured with a board's overrides.
    public static func key(pipeline: String, board: String?) -> String { board.map { "\(pipeline)@\($0)" } ?? pipeline }
}
