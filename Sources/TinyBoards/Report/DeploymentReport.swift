/// The fit and latency of one pipeline on one board: every memory item with where its number
/// comes from, headroom or the exact shortfall, estimated time per inference against the stride,
/// and what was not measured.
public struct DeploymentReport: Sendable {
    public enum Verdict: String, Sendable {
        /// Everything known fits and meets real time.
        case fits
        /// Something is proven not to fit or misses real time (non-zero exit).
        case doesNotFit = "does-not-fit"
        /// Nothing fails, but measurements are missing, so the fit is unproven.
        case incomplete
    }

    /// One item of a memory budget; `bytes == nil` means not measured.
    public struct Item: Sendable {
        public let label: String
        public let bytes: Int?
        /// Where the number comes from: "planner", "C export", "config", "measured cortex-m7", ...
        public let origin: String
    }

    /// A memory budget (flash or RAM).
    public struct Budget: Sendable {
        public let items: [Item]
        /// Board capacity minus the config's reserved bytes.
        public let available: Int
        public let capacity: Int
        public let reserved: Int
        /// Sum of the known items.
        public var used: Int { items.reduce(0) { $0 + ($1.bytes ?? 0) } }
        /// True when no item is missing.
        public var isComplete: Bool { items.allSatisfy { $0.bytes != nil } }
        /// available - used: headroom when >= 0, shortfall when < 0 (a lower bound of the shortfall
        /// when incomplete, since missing items only add).
        public var headroom: Int { available - used }
        public var missing: [String] { items.filter { $0.bytes == nil }.map(\.label) }
    }

    /// Time per inference from a measured instruction count and the board's CPI model.
    public struct Latency: Sendable {
        public let instructions: Int
        /// Measurement core the count came from.
        public let core: String
        /// True when the count is from another ISA or other code (label "estimate").
        public let estimate: Bool
        public let cyclesPerInstruction: Double, cyclesPerInstructionLow: Double, cyclesPerInstructionHigh: Double
        public let clockHz: Int
        /// Front-end instructions per inference, when the config names a measured front end.
        public let frontendInstructions: Int?
        /// The part of `frontendInstructions` that runs on every stride, whatever the duty cycle.
        public let alwaysOnInstructions: Int
        /// Whose counts these are, in words (`CountSource.label`: "Xtensa LX106 counts"), when the profile says.
        public var countLabel: String? = nil
        public var totalInstructions: Int { instructions + (frontendInstructions ?? 0) }
        /// "estimate from <label> (<core>)" or "measured <core>", for reports.
        public var origin: String {
            (estimate ? "estimate from " : "measured ") + (countLabel.map { "\($0), \(core)" } ?? core)
        }
        public var seconds: Double { Double(totalInstructions) * cyclesPerInstruction / Double(clockHz) }
        public var secondsLow: Double { Double(totalInstructions) * cyclesPerInstructionLow / Double(clockHz) }
        public var secondsHigh: Double { Double(totalInstructions) * cyclesPerInstructionHigh / Double(clockHz) }
        public var modelSeconds: Double { Double(instructions) * cyclesPerInstruction / Double(clockHz) }
    }

    /// What the figures rest on.
    public enum Basis: String, Sendable {
        /// The whole pipeline measured by the firmware (worst and mean hop) and its image linked
        /// for the board (`Embedded/links.json`): Swift boards with a pipeline file.
        case measuredPipeline = "measured-pipeline"
        /// The model's and the front end's parts measured apart, summed (reference deployments).
        case modelAndFrontEnd = "model-and-front-end"
        /// The exported C library's measurements (`measurements-c.json`; ESP32-S3).
        case cExport = "c-export"
    }

    /// Time of one hop of a measured whole pipeline (`PipelineMeasurement`): a hop is `hopSamples`
    /// input samples, whose period is the real-time budget of one push.
    public struct HopTiming: Sendable {
        public let hopSamples: Int
        public let hopSeconds: Double
        public let meanInstructions: Int
        public let worstInstructions: Int
        public let hops: Int?
        public let core: String
        public let cyclesPerInstruction: Double, cyclesPerInstructionLow: Double, cyclesPerInstructionHigh: Double
        public let clockHz: Int
        public var meanSeconds: Double { Double(meanInstructions) * cyclesPerInstruction / Double(clockHz) }
        public var worstSeconds: Double { Double(worstInstructions) * cyclesPerInstruction / Double(clockHz) }
        public var worstSecondsHigh: Double { Double(worstInstructions) * cyclesPerInstructionHigh / Double(clockHz) }
        /// Hops of input that must wait while the worst hop runs: ceil(worst / period) − 1 beyond the
        /// one being processed (0 when the worst hop fits its own period), at nominal CPI.
        public var bufferedHops: Int { max(0, Int((worstSeconds / hopSeconds).rounded(.up)) - 1) }
    }

    public let basis: Basis
    /// Set for `.measuredPipeline`: the measured hop (its period is `strideSeconds`).
    public let hop: HopTiming?
    /// Set for `.measuredPipeline` when `Embedded/links.json` has the link.
    public let link: BoardLink?
    public let pipeline: String
    public let board: String
    public let boardTitle: String
    public let runtime: BoardProfile.Runtime
    public let model: String
    public let modelSHA256: String
    public let flash: Budget
    public let ram: Budget
    public let arenaBytes: Int
    /// Largest contiguous RAM region (the arena must fit in one).
    public let largestRegion: (name: String, bytes: Int)
    public let latency: Latency?
    /// Real-time budget of one inference: stride / sample rate (for a measured pipeline: the hop
    /// period, hop samples / sample rate).
    public let strideSeconds: Double
    public let dutyCycle: Double
    /// What is proven not to fit, with exact shortfalls.
    public let problems: [String]
    /// Measurements that are missing or stale (the fit is then unproven, never guessed).
    public let missing: [String]
    /// Other remarks (estimates, disagreements between planner and firmware).
    public let notes: [String]
    /// Energy, average power and battery life (`EnergyModel.attach`); nil until attached.
    public var energy: EnergyReport? = nil

    /// Fraction of the stride spent inferring (nominal CPI), when the latency is known (a measured
    /// pipeline: its worst hop over the hop period).
    public var load: Double? { latency.map { $0.seconds / strideSeconds } }
    /// stride / inference time: how many times faster than real time.
    public var realTimeMargin: Double? { latency.map { strideSeconds / $0.seconds } }
    /// Average fraction of real time spent: the always-on front-end parts on every stride, the
    /// model and the other parts on `dutyCycle` of them (an event detector's trigger fraction):
    /// (alwaysOn + dutyCycle × (total − alwaysOn)) × CPI / clock / stride. Equals `load` at duty
    /// cycle 1; the worst stride is `load`. A measured pipeline: mean hop time / hop period.
    public var averageLoad: Double? {
        if let h = hop { return h.meanSeconds / strideSeconds }
        return latency.map { l in
            let averageInstructions = Double(l.alwaysOnInstructions)
                + dutyCycle * Double(l.totalInstructions - l.alwaysOnInstructions)
            return averageInstructions * l.cyclesPerInstruction / Double(l.clockHz) / strideSeconds
        }
    }

    public var verdict: Verdict {
        if !problems.isEmpty { return .doesNotFit }
        return missing.isEmpty ? .fits : .incomplete
    }
}
