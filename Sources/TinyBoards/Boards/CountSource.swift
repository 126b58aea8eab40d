import TinyFormats

/// How a board turns a measured instruction count into time: which measured core's count to use
/// (`Embedded/measurements.json` key such as "cortex-m7"), the cycles-per-instruction model
/// applied to it, and why. A profile lists them in order of preference; the first one with a
/// measurement is used. `estimate` marks counts taken from another core or ISA (the ESP32-S3 has
/// no Swift backend: its time is derived from the exported C library's counts on a Xtensa LX106
/// under QEMU, scaled to its LX7); reports label such figures "estimate", with `label` saying
/// whose counts they are.
public struct CountSource: Sendable {
    /// Measurement core key.
    public let core: String
    /// True when the count comes from other code or another ISA than the board runs.
    public let estimate: Bool
    /// Whether that core's code, data and stack sizes may stand for this board's (false when the
    /// measured firmware is not the code the board would run).
    public let usesSizes: Bool
    /// Cycles per counted instruction: nominal value and plausible range.
    public let cyclesPerInstruction: Double
    public let cyclesPerInstructionLow: Double
    public let cyclesPerInstructionHigh: Double
    /// Why these numbers (pipeline facts, published benchmark ratios, with sources).
    public let justification: String
    /// What the counts are, in words, for reports ("Xtensa LX106 counts"); nil: the core key.
    public let label: String?

    public init(core: String, estimate: Bool, usesSizes: Bool, cyclesPerInstruction: Double,
                low: Double, high: Double, justification: String, label: String? = nil) {
        self.core = core
        self.estimate = estimate
        self.usesSizes = usesSizes
        self.cyclesPerInstruction = cyclesPerInstruction
        cyclesPerInstructionLow = low
        cyclesPerInstructionHigh = high
        self.justification = justification
        self.label = label
    }

    /// Reads an entry; unknown keys are errors (checked by the profile's `finish()`).
    init(json o: JSONReader) throws(JSONError) {
        let cpi = try o.object("cycles_per_instruction")
        let nominal = try cpi.number("nominal", positive: true, atMost: 100)
        let low = try cpi.number("low", positive: true, atMost: nominal)
        let high = try cpi.number("high", positive: true, atLeast: nominal, atMost: 100)
        self.init(core: try o.string("core"), estimate: try o.bool("estimate"), usesSizes: try o.bool("uses_sizes"),
                  cyclesPerInstruction: nominal, low: low, high: high, justification: try o.string("justification"),
                  label: try o.optionalString("label"))
    }
}
