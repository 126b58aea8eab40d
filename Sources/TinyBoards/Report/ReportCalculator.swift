import Foundation

/// The report maths: memory budgets, fit and shortfall, latency from measured instruction counts
/// and the board's cycles-per-instruction model, and the real-time check. Pure: every input is
/// passed in, so tests can exercise each rule.
///
/// Flash = model constants (planner, or the C export's const data) + code (measured
///         .text + .rodata + .data, less `model_rodata_bytes`).
///         A firmware that links the model into .rodata reports it (`model_rodata_bytes`, or the
///         model-level `model_bytes` of the linked .tflite): that part is the model item instead.
/// RAM   = (measured heap peak, which holds the arena, per-channel data, the graph and whatever the
///         Swift firmware copied of the model (it reads the weights in flash); or, unmeasured, arena
///         + persistent per-channel data from the planner — the C export keeps per-channel data in
///         flash) + the front end's measured heap peak (its own firmware run, the largest of its
///         parts) + pipeline buffers (config) + stack (measured) + firmware statics (.data + .bss,
///         less the arena when `arena_in_bss`) [+ code and constants when the board executes from
///         RAM]. The two heap peaks are added: an upper bound of the combined firmware's peak.
/// Latency = (instructions per inference + Σ front-end part instructions per call × calls) × CPI
///         / clock, with the CPI range giving the low/high bounds; real time needs latency
///         (nominal) <= stride.
/// Average load = (always-on front-end instructions + duty cycle × the rest) × CPI / clock / stride
///         (`DeploymentReport.averageLoad`).
public enum ReportCalculator {
    /// The share of a count spent in software helpers that the ESP32-S3's LX7 runs in hardware.
    static func helperNote(_ h: HelperInstructions, of instructions: Int, label: String) -> String {
        let share = { (n: Int) in String(format: "%.1f %%", 100 * Double(n) / Double(max(instructions, 1))) }
        return "of the \(label), \(share(h.softFloat)) are soft-float helpers and \(share(h.integer)) integer division / 64-bit "
            + "product helpers (LX106 has no FPU, divider or MUL32_HIGH; the LX7 does these in hardware): the time can be up to "
            + share(h.softFloat + h.integer) + " lower than this count gives"
    }

    ///
    /// A Swift board (`swift-embedded`) running a pipeline file is reported from the measured whole
    /// pipeline and its board link instead (`PipelineReportCalculator`); the sums below serve the
    /// C export (ESP32-S3, labelled as its C-export measurements) and the reference deployments.
    /// Phases: the measurement that stands for the board, flash, the front end, RAM, fit, latency
    /// and real time, then the report; findings (missing, notes, problems) keep that order.
    public static func report(profile: BoardProfile, config: DeploymentConfig, footprint: ModelFootprint,
                              measurements: Measurements, links: BoardLinks = BoardLinks()) -> DeploymentReport {
        if profile.runtime == .swiftEmbedded, let facts = config.pipelineFacts {
            return PipelineReportCalculator.report(profile: profile, config: config, facts: facts, footprint: footprint,
                                                   measurements: measurements, links: links)
        }
        var findings = Findings()
        let isC = profile.runtime == .cExport
        if isC {
            findings.notes.append("figures from the exported C library's measurements (\(profile.title) runs the C export, not Swift)")
        }
        let source = measurementSource(profile: profile, config: config, footprint: footprint,
                                       measurements: measurements, findings: &findings)
        let flash = flashBudget(profile: profile, config: config, footprint: footprint, source: source, isC: isC)
        let frontEnd = frontEndCount(profile: profile, config: config, measurements: measurements, source: source,
                                     findings: &findings)
        let arena = isC ? footprint.cArenaBytes : footprint.arenaBytes
        let ram = ramBudget(profile: profile, config: config, footprint: footprint, source: source, flash: flash,
                            frontEndHeap: frontEnd.heap, arena: arena, isC: isC, findings: &findings)
        let region = profile.largestRegion.map { ($0.name, $0.bytes.value) } ?? ("RAM", profile.ramBytes)
        fitProblems(flash: flash.budget, ram: ram, arena: arena, region: region, findings: &findings)
        var latency = summedLatency(profile: profile, config: config, source: source, frontEnd: frontEnd,
                                    findings: &findings)
        let hop = isC ? exportedPipelineHop(profile: profile, config: config, measurements: measurements,
                                            latency: &latency, findings: &findings) : nil
        realTime(config: config, latency: latency, hop: hop, findings: &findings)
        return DeploymentReport(basis: isC ? .cExport : .modelAndFrontEnd, hop: hop, link: nil, pipeline: config.pipeline,
                                board: profile.id, boardTitle: profile.title, runtime: profile.runtime,
                                model: config.model, modelSHA256: footprint.sha256, flash: flash.budget, ram: ram,
                                arenaBytes: arena, largestRegion: region, latency: latency,
                                strideSeconds: hop?.hopSeconds ?? config.strideSeconds, dutyCycle: config.dutyCycle,
                                problems: findings.problems, missing: findings.missing, notes: findings.notes)
    }

    /// What the report found besides its figures, in the order the phases found it.
    struct Findings {
        var missing: [String] = []
        var notes: [String] = []
        var problems: [String] = []
    }

    /// Which measurement stands for this board: the model's entry (none when its sha256 is stale),
    /// the first latency core with an instruction count, and the first size-bearing core with sizes.
    struct MeasurementSource {
        let entry: ModelMeasurements?
        let countSource: CountSource?
        let sizeSource: CountSource?
        let sizes: CoreMeasurement?
        /// "measured <core>", "estimate from <core>" or "not measured".
        let sizeOrigin: String

        /// The model's measurement on `core`, if any.
        func core(_ core: String?) -> CoreMeasurement? { core.flatMap { entry?.cores[$0] } }
    }

    /// Picks the measurements for the board; a stale entry (sha256 of another model file) and
    /// absent sizes are reported missing.
    static func measurementSource(profile: BoardProfile, config: DeploymentConfig, footprint: ModelFootprint,
                                  measurements: Measurements, findings: inout Findings) -> MeasurementSource {
        var entry = measurements.models[config.model]
        if let e = entry, let sha = e.sha256, sha != footprint.sha256 {
            findings.missing.append("measurements for \(config.model) in \(e.file) are stale (sha256 \(sha.prefix(12))… "
                + "but the model file is \(footprint.sha256.prefix(12))…)")
            entry = nil
        }
        let countSource = profile.latency.first { entry?.cores[$0.core]?.instructionsPerInference != nil }
        let sizeSource = profile.latency.first { $0.usesSizes && entry?.cores[$0.core] != nil }
        let sizes = sizeSource.flatMap { entry?.cores[$0.core] }
        if sizes == nil {
            let cores = profile.latency.filter(\.usesSizes).map(\.core)
            findings.missing.append("code/stack sizes of \(config.model) on \(cores.joined(separator: " or "))")
        }
        return MeasurementSource(entry: entry, countSource: countSource, sizeSource: sizeSource, sizes: sizes,
                                 sizeOrigin: sizeSource.map { ($0.estimate ? "estimate from " : "measured ") + $0.core }
                                     ?? "not measured")
    }

    /// The flash budget and the two items RAM may repeat (a board executing from RAM copies them).
    struct Flash {
        let budget: DeploymentReport.Budget
        let constants: DeploymentReport.Item
        /// Code bytes (.text + .rodata + .data less a linked model), nil when unmeasured.
        let code: Int?
    }

    /// Flash: model constants and code. A firmware that links the model (the .tflite, or the C
    /// library's const arrays) into .rodata says how much of it is the model; that part is shown as
    /// the model, the rest as code. The config's flash reservation comes off what is available.
    static func flashBudget(profile: BoardProfile, config: DeploymentConfig, footprint: ModelFootprint,
                            source: MeasurementSource, isC: Bool) -> Flash {
        let sizes = source.sizes
        let linkedModel = sizes.flatMap { $0.modelRodataBytes } ?? (isC ? nil : source.entry?.modelBytes)
        var code: Int?
        if let s = sizes, let text = s.textBytes, let rodata = s.rodataBytes, let data = s.dataBytes {
            code = text + rodata + data - (linkedModel ?? 0)
        }
        let constants: DeploymentReport.Item
        if let linked = linkedModel, sizes?.modelRodataBytes == nil {
            constants = .init(label: "model (.tflite linked into .rodata)", bytes: linked, origin: source.sizeOrigin)
        } else {
            constants = .init(label: isC ? "model constants (C const data)" : "model constants",
                              bytes: isC ? footprint.cConstantBytes : footprint.constantBytes, origin: isC ? "C export" : "planner")
        }
        let codeItem = DeploymentReport.Item(label: "code (.text + .rodata + .data)", bytes: code, origin: source.sizeOrigin)
        let reserved = config.reserved?.flashBytes ?? 0
        let budget = DeploymentReport.Budget(items: [constants, codeItem], available: profile.flashBytes.value - reserved,
                                             capacity: profile.flashBytes.value, reserved: reserved)
        return Flash(budget: budget, constants: constants, code: code)
    }

    /// The front end's instructions per inference (nil when no part is measured), the always-on part
    /// of them, and the largest heap peak of its parts' own firmware runs.
    struct FrontEndCount {
        let instructions: Int?
        let alwaysOn: Int
        let heap: (bytes: Int, core: String)?
    }

    /// Each front-end part's measured count per call (× calls) and heap peak, from the model's count
    /// core first, then the profile's others; an unmeasured part is reported missing.
    static func frontEndCount(profile: BoardProfile, config: DeploymentConfig, measurements: Measurements,
                              source: MeasurementSource, findings: inout Findings) -> FrontEndCount {
        var instructions: Int?
        var alwaysOn = 0
        var heap: (bytes: Int, core: String)?
        var parts: [String] = []
        let cores = (source.countSource.map { [$0.core] } ?? []) + profile.latency.map(\.core)
        for f in config.frontend {
            if let core = cores.first(where: { measurements.features[f.measurement]?[$0] != nil }),
               let perCall = measurements.features[f.measurement]?[core] {
                instructions = (instructions ?? 0) + perCall * f.callsPerInference
                if f.alwaysOn { alwaysOn += perCall * f.callsPerInference }
                parts.append("\(f.measurement) \(ReportText.grouped(perCall)) × \(f.callsPerInference)"
                    + (f.alwaysOn ? " (always on)" : ""))
                if core != source.countSource?.core { findings.notes.append("front-end count '\(f.measurement)' taken from \(core)") }
                if let h = measurements.featureHeapBytes[f.measurement]?[core], h > (heap?.bytes ?? -1) {
                    heap = (h, core)
                }
            } else {
                findings.missing.append("front-end measurement '\(f.measurement)' on \(Array(Set(cores)).sorted().joined(separator: " or "))")
            }
        }
        if config.frontend.isEmpty {
            findings.notes.append("latency covers the model only (the config names no front-end measurement)")
        } else if !parts.isEmpty {
            findings.notes.append("front end per inference: " + parts.joined(separator: " + ") + " instructions")
        }
        return FrontEndCount(instructions: instructions, alwaysOn: alwaysOn, heap: heap)
    }

    /// RAM. A measured heap peak already holds what the Swift firmware allocates at run time (arena,
    /// per-channel data, the graph and any copies of model data), so those are not added; unmeasured
    /// (or the C export), the planner's arena (+ per-channel data for Swift) stands in. Then the
    /// front-end heap, the config's buffers, stack, firmware statics (Swift), and code and constants
    /// when the board executes from RAM; the config's RAM reservation comes off what is available.
    /// Also notes the boot-time model load and a firmware arena that differs from the planner's.
    static func ramBudget(profile: BoardProfile, config: DeploymentConfig, footprint: ModelFootprint,
                          source: MeasurementSource, flash: Flash, frontEndHeap: (bytes: Int, core: String)?,
                          arena: Int, isC: Bool, findings: inout Findings) -> DeploymentReport.Budget {
        let sizes = source.sizes
        var items: [DeploymentReport.Item] = []
        if let heap = isC ? nil : sizes?.heapBytes {
            items.append(.init(label: "heap peak (arena, per-channel data, graph, load-time copies)", bytes: heap,
                               origin: source.sizeOrigin))
            var copied = ""
            if let c = sizes?.constantsCopiedBytes, let m = sizes?.constantsInPlaceBytes {
                copied = "; the firmware reads \(ReportText.grouped(m)) B of constants in flash and copied \(ReportText.grouped(c)) B"
            }
            findings.notes.append("the measured heap holds the arena (\(ReportText.grouped(arena)) B) and the per-channel data "
                + "(\(ReportText.grouped(footprint.persistentBytes)) B); the rest of its \(ReportText.grouped(heap)) B is "
                + "the graph and what loading allocates" + copied)
        } else {
            items.append(.init(label: "arena", bytes: arena, origin: isC ? "C export (activations + kernel scratch)" : "planner"))
            if !isC {
                items.append(.init(label: "persistent per-channel data", bytes: footprint.persistentBytes, origin: "planner"))
                if sizes != nil {
                    findings.notes.append("the firmware reports no heap_bytes: run-time allocations beyond the arena are not included")
                }
            }
        }
        if let h = frontEndHeap {
            items.append(.init(label: "front-end heap peak (its state, frame ring, FFT and feature buffers)", bytes: h.bytes,
                               origin: "measured \(h.core)"))
        }
        for b in config.buffers { items.append(.init(label: "\(b.kind.rawValue) buffer: \(b.name)", bytes: b.bytes, origin: "config")) }
        items.append(.init(label: "stack", bytes: sizes?.stackBytes, origin: source.sizeOrigin))
        if !isC {
            var statics: Int?
            if let s = sizes, let data = s.dataBytes, let bss = s.bssBytes {
                statics = data + bss - (s.arenaInBss == true ? (s.arenaBytes ?? 0) : 0)
            }
            items.append(.init(label: "firmware statics (.data + .bss)", bytes: statics, origin: source.sizeOrigin))
        }
        if let load = source.core(source.countSource?.core)?.loadInstructions, let count = source.countSource {
            findings.notes.append(String(format: "loading the model at boot takes %@ instructions (%.1f ms)", ReportText.grouped(load),
                                         Double(load) * count.cyclesPerInstruction / Double(profile.clockHz.value) * 1e3))
        }
        if profile.executesFromRAM != nil {
            items.append(.init(label: "code (runs from RAM)", bytes: flash.code, origin: source.sizeOrigin))
            items.append(.init(label: "\(flash.constants.label), copied to RAM at boot", bytes: flash.constants.bytes,
                               origin: flash.constants.origin))
        }
        let reserved = config.reserved?.ramBytes ?? 0
        if let measuredArena = sizes?.arenaBytes, measuredArena != arena, source.sizeSource?.estimate == false {
            findings.notes.append("the firmware's arena (\(measuredArena) B) differs from the planner's (\(arena) B)")
        }
        return DeploymentReport.Budget(items: items, available: profile.ramBytes - reserved, capacity: profile.ramBytes,
                                       reserved: reserved)
    }

    /// Fit: a budget over its available bytes (with what it could not count), and an arena larger
    /// than the largest contiguous RAM region.
    static func fitProblems(flash: DeploymentReport.Budget, ram: DeploymentReport.Budget, arena: Int,
                            region: (String, Int), findings: inout Findings) {
        for (name, budget) in [("flash", flash), ("RAM", ram)] where budget.headroom < 0 {
            let unknown = budget.missing
            findings.problems.append("\(name) short by \(unknown.isEmpty ? "" : "at least ")\(ReportText.grouped(-budget.headroom)) B "
                + "(\(ReportText.grouped(budget.used)) B needed, \(ReportText.grouped(budget.available)) B available"
                + (unknown.isEmpty ? ")" : "; not counted: \(unknown.joined(separator: ", ")))"))
        }
        if arena > region.1 {
            findings.problems.append("arena of \(ReportText.grouped(arena)) B does not fit the largest contiguous RAM region "
                + "(\(region.0), \(ReportText.grouped(region.1)) B) by \(ReportText.grouped(arena - region.1)) B")
        }
    }

    /// Latency from the count core's instructions per inference plus the front end, at the core's
    /// CPI (an estimate when the core stands in for the board); nil and reported missing without a
    /// count.
    static func summedLatency(profile: BoardProfile, config: DeploymentConfig, source: MeasurementSource,
                              frontEnd: FrontEndCount, findings: inout Findings) -> DeploymentReport.Latency? {
        guard let count = source.countSource, let instructions = source.core(count.core)?.instructionsPerInference else {
            findings.missing.append("instruction count of \(config.model) on \(profile.latency.map(\.core).joined(separator: " or "))")
            return nil
        }
        var latency = DeploymentReport.Latency(
            instructions: instructions, core: count.core, estimate: count.estimate,
            cyclesPerInstruction: count.cyclesPerInstruction, cyclesPerInstructionLow: count.cyclesPerInstructionLow,
            cyclesPerInstructionHigh: count.cyclesPerInstructionHigh, clockHz: profile.clockHz.value,
            frontendInstructions: frontEnd.instructions, alwaysOnInstructions: frontEnd.alwaysOn)
        latency.countLabel = count.label
        if let h = source.core(count.core)?.helpers {
            findings.notes.append(helperNote(h, of: instructions, label: count.label ?? count.core))
        }
        if count.estimate {
            findings.notes.append("latency is an estimate from \(count.core) instruction counts (\(profile.title) itself not measured)")
        }
        return latency
    }

    /// A C-export board whose whole exported pipeline was measured on a count core: time per hop
    /// from that run (front end, model and post-processing) replaces the summed parts' `latency`,
    /// and the input double buffer is checked against its worst hop. Nil when not measured.
    static func exportedPipelineHop(profile: BoardProfile, config: DeploymentConfig, measurements: Measurements,
                                    latency: inout DeploymentReport.Latency?,
                                    findings: inout Findings) -> DeploymentReport.HopTiming? {
        guard let facts = config.pipelineFacts else { return nil }
        let found = PipelineReportCalculator.measuredPipeline(config: config, facts: facts, measurements: measurements,
                                                              sources: profile.latency)
        findings.missing += found.stale
        guard let m = found.measured else { return nil }
        let timed = PipelineReportCalculator.hopTiming(m, facts: facts, profile: profile, problems: &findings.problems,
                                                       notes: &findings.notes, missing: &findings.missing)
        guard let hop = timed.1 else { return nil }
        latency = timed.0
        PipelineReportCalculator.checkInputBuffers(config.buffers.filter { $0.kind == .audio }, timing: hop,
                                                   problems: &findings.problems, notes: &findings.notes)
        if let h = m.m.helpers, let total = m.m.instructionsTotal {
            findings.notes.append("whole pipeline: " + helperNote(h, of: total, label: m.source.label ?? m.source.core))
        }
        findings.notes.append("time per hop from the whole exported pipeline (pipelines.\(m.key) on \(m.source.core): front end, "
            + "model and post-processing), not from the parts above")
        return hop
    }

    /// Notes the config's accuracy; without a measured hop, a nominal latency over the stride misses
    /// real time (a measured hop was checked against its own period by `hopTiming`).
    static func realTime(config: DeploymentConfig, latency: DeploymentReport.Latency?, hop: DeploymentReport.HopTiming?,
                         findings: inout Findings) {
        if let accuracy = config.accuracy { findings.notes.append("accuracy at this stride: \(accuracy)") }
        if hop == nil, let l = latency, l.seconds > config.strideSeconds {
            findings.problems.append(String(format: "misses real time: %.3f ms per inference, stride %.3f ms (over by %.3f ms)",
                                            l.seconds * 1e3, config.strideSeconds * 1e3, (l.seconds - config.strideSeconds) * 1e3))
        }
    }
}
