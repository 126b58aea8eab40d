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
    ///
    /// The share of a count spent in software helpers that the ESP32-S3's LX7 runs in hardware.
    static func helperNote(_ h: HelperInstructions, of instructions: Int, label: String) -> String {
        let share = { (n: Int) in String(format: "%.1f %%", 100 * Double(n) / Double(max(instructions, 1))) }
        return "of the \(label), \(share(h.softFloat)) are soft-float helpers and \(share(h.integer)) integer division / 64-bit "
            + "product helpers (LX106 has no FPU, divider or MUL32_HIGH; the LX7 does these in hardware): the time can be up to "
            + share(h.softFloat + h.integer) + " lower than this count gives"
    }

    /// A Swift board (`swift-embedded`) running a pipeline file is reported from the measured whole
    /// pipeline and its board link instead (`PipelineReportCalculator`); the sums below serve the
    /// C export (ESP32-S3, labelled as its C-export measurements) and the reference deployments.
    public static func report(profile: BoardProfile, config: DeploymentConfig, footprint: ModelFootprint,
                              measurements: Measurements, links: BoardLinks = BoardLinks()) -> DeploymentReport {
        if profile.runtime == .swiftEmbedded, let facts = config.pipelineFacts {
            return PipelineReportCalculator.report(profile: profile, config: config, facts: facts, footprint: footprint,
                                                   measurements: measurements, links: links)
        }
        var missing: [String] = []
        var notes: [String] = []
        var problems: [String] = []
        let isC = profile.runtime == .cExport
        if isC { notes.append("figures from the exported C library's measurements (\(profile.title) runs the C export, not Swift)") }

        // Which measurement (if any) stands for this board's count and sizes.
        var entry = measurements.models[config.model]
        if let e = entry, let sha = e.sha256, sha != footprint.sha256 {
            missing.append("measurements for \(config.model) in \(e.file) are stale (sha256 \(sha.prefix(12))… "
                + "but the model file is \(footprint.sha256.prefix(12))…)")
            entry = nil
        }
        let countSource = profile.latency.first { entry?.cores[$0.core]?.instructionsPerInference != nil }
        let sizeSource = profile.latency.first { $0.usesSizes && entry?.cores[$0.core] != nil }
        let sizes = sizeSource.flatMap { entry?.cores[$0.core] }
        let sizeOrigin = sizeSource.map { ($0.estimate ? "estimate from " : "measured ") + $0.core } ?? "not measured"
        if sizes == nil {
            let cores = profile.latency.filter(\.usesSizes).map(\.core)
            missing.append("code/stack sizes of \(config.model) on \(cores.joined(separator: " or "))")
        }

        // Flash. A firmware that links the model (the .tflite, or the C library's const arrays) into
        // .rodata says how much of it is the model; that part is shown as the model, the rest as code.
        let linkedModel = sizes.flatMap { $0.modelRodataBytes } ?? (isC ? nil : entry?.modelBytes)
        var code: Int?
        if let s = sizes, let text = s.textBytes, let rodata = s.rodataBytes, let data = s.dataBytes {
            code = text + rodata + data - (linkedModel ?? 0)
        }
        let constants: DeploymentReport.Item
        if let linked = linkedModel, sizes?.modelRodataBytes == nil {
            constants = .init(label: "model (.tflite linked into .rodata)", bytes: linked, origin: sizeOrigin)
        } else {
            constants = .init(label: isC ? "model constants (C const data)" : "model constants",
                              bytes: isC ? footprint.cConstantBytes : footprint.constantBytes, origin: isC ? "C export" : "planner")
        }
        let codeItem = DeploymentReport.Item(label: "code (.text + .rodata + .data)", bytes: code, origin: sizeOrigin)
        let flashReserved = config.reserved?.flashBytes ?? 0
        let flash = DeploymentReport.Budget(items: [constants, codeItem], available: profile.flashBytes.value - flashReserved,
                                            capacity: profile.flashBytes.value, reserved: flashReserved)

        // The front end: each part's measured count per call (× calls), and the heap its own
        // firmware run peaked at, from the model's count core first, then the profile's others.
        var frontend: Int?
        var alwaysOn = 0
        var frontendHeap: (bytes: Int, core: String)?
        var parts: [String] = []
        let frontendCores = (countSource.map { [$0.core] } ?? []) + profile.latency.map(\.core)
        for f in config.frontend {
            if let core = frontendCores.first(where: { measurements.features[f.measurement]?[$0] != nil }),
               let perCall = measurements.features[f.measurement]?[core] {
                frontend = (frontend ?? 0) + perCall * f.callsPerInference
                if f.alwaysOn { alwaysOn += perCall * f.callsPerInference }
                parts.append("\(f.measurement) \(ReportText.grouped(perCall)) × \(f.callsPerInference)"
                    + (f.alwaysOn ? " (always on)" : ""))
                if core != countSource?.core { notes.append("front-end count '\(f.measurement)' taken from \(core)") }
                if let h = measurements.featureHeapBytes[f.measurement]?[core], h > (frontendHeap?.bytes ?? -1) {
                    frontendHeap = (h, core)
                }
            } else {
                missing.append("front-end measurement '\(f.measurement)' on \(Array(Set(frontendCores)).sorted().joined(separator: " or "))")
            }
        }
        if config.frontend.isEmpty {
            notes.append("latency covers the model only (the config names no front-end measurement)")
        } else if !parts.isEmpty {
            notes.append("front end per inference: " + parts.joined(separator: " + ") + " instructions")
        }

        // RAM. A measured heap peak already holds what the Swift firmware allocates at run time
        // (arena, per-channel data, the graph and any copies of model data), so those are not added.
        let arena = isC ? footprint.cArenaBytes : footprint.arenaBytes
        let heap = isC ? nil : sizes?.heapBytes
        var ramItems: [DeploymentReport.Item] = []
        if let heap {
            ramItems.append(.init(label: "heap peak (arena, per-channel data, graph, load-time copies)", bytes: heap,
                                  origin: sizeOrigin))
            var copied = ""
            if let c = sizes?.constantsCopiedBytes, let m = sizes?.constantsInPlaceBytes {
                copied = "; the firmware reads \(ReportText.grouped(m)) B of constants in flash and copied \(ReportText.grouped(c)) B"
            }
            notes.append("the measured heap holds the arena (\(ReportText.grouped(arena)) B) and the per-channel data "
                + "(\(ReportText.grouped(footprint.persistentBytes)) B); the rest of its \(ReportText.grouped(heap)) B is "
                + "the graph and what loading allocates" + copied)
        } else {
            ramItems.append(.init(label: "arena", bytes: arena, origin: isC ? "C export (activations + kernel scratch)" : "planner"))
            if !isC {
                ramItems.append(.init(label: "persistent per-channel data", bytes: footprint.persistentBytes, origin: "planner"))
                if sizes != nil { notes.append("the firmware reports no heap_bytes: run-time allocations beyond the arena are not included") }
            }
        }
        if let h = frontendHeap {
            ramItems.append(.init(label: "front-end heap peak (its state, frame ring, FFT and feature buffers)", bytes: h.bytes,
                                  origin: "measured \(h.core)"))
        }
        for b in config.buffers { ramItems.append(.init(label: "\(b.kind.rawValue) buffer: \(b.name)", bytes: b.bytes, origin: "config")) }
        ramItems.append(.init(label: "stack", bytes: sizes?.stackBytes, origin: sizeOrigin))
        if !isC {
            var statics: Int?
            if let s = sizes, let data = s.dataBytes, let bss = s.bssBytes {
                statics = data + bss - (s.arenaInBss == true ? (s.arenaBytes ?? 0) : 0)
            }
            ramItems.append(.init(label: "firmware statics (.data + .bss)", bytes: statics, origin: sizeOrigin))
        }
        if let load = entry?.cores[countSource?.core ?? ""]?.loadInstructions, let source = countSource {
            notes.append(String(format: "loading the model at boot takes %@ instructions (%.1f ms)", ReportText.grouped(load),
                                Double(load) * source.cyclesPerInstruction / Double(profile.clockHz.value) * 1e3))
        }
        if profile.executesFromRAM != nil {
            ramItems.append(.init(label: "code (runs from RAM)", bytes: code, origin: sizeOrigin))
            ramItems.append(.init(label: "\(constants.label), copied to RAM at boot", bytes: constants.bytes, origin: constants.origin))
        }
        let ramReserved = config.reserved?.ramBytes ?? 0
        let ram = DeploymentReport.Budget(items: ramItems, available: profile.ramBytes - ramReserved,
                                          capacity: profile.ramBytes, reserved: ramReserved)
        if let measuredArena = sizes?.arenaBytes, measuredArena != arena, sizeSource?.estimate == false {
            notes.append("the firmware's arena (\(measuredArena) B) differs from the planner's (\(arena) B)")
        }

        // Fit.
        for (name, budget) in [("flash", flash), ("RAM", ram)] where budget.headroom < 0 {
            let unknown = budget.missing
            problems.append("\(name) short by \(unknown.isEmpty ? "" : "at least ")\(ReportText.grouped(-budget.headroom)) B "
                + "(\(ReportText.grouped(budget.used)) B needed, \(ReportText.grouped(budget.available)) B available"
                + (unknown.isEmpty ? ")" : "; not counted: \(unknown.joined(separator: ", ")))"))
        }
        let region = profile.largestRegion.map { ($0.name, $0.bytes.value) } ?? ("RAM", profile.ramBytes)
        if arena > region.1 {
            problems.append("arena of \(ReportText.grouped(arena)) B does not fit the largest contiguous RAM region "
                + "(\(region.0), \(ReportText.grouped(region.1)) B) by \(ReportText.grouped(arena - region.1)) B")
        }

        // Latency and real time.
        var latency: DeploymentReport.Latency?
        if let source = countSource, let instructions = entry?.cores[source.core]?.instructionsPerInference {
            latency = DeploymentReport.Latency(
                instructions: instructions, core: source.core, estimate: source.estimate,
                cyclesPerInstruction: source.cyclesPerInstruction, cyclesPerInstructionLow: source.cyclesPerInstructionLow,
                cyclesPerInstructionHigh: source.cyclesPerInstructionHigh, clockHz: profile.clockHz.value,
                frontendInstructions: frontend, alwaysOnInstructions: alwaysOn)
            latency?.countLabel = source.label
            if let h = entry?.cores[source.core]?.helpers { notes.append(helperNote(h, of: instructions, label: source.label ?? source.core)) }
            if source.estimate { notes.append("latency is an estimate from \(source.core) instruction counts (\(profile.title) itself not measured)") }
        } else {
            missing.append("instruction count of \(config.model) on \(profile.latency.map(\.core).joined(separator: " or "))")
        }
        // A C-export board whose whole exported pipeline was measured on a count core: time per hop
        // from that run (front end, model and post-processing), not from the summed parts, and the
        // input double buffer checked against its worst hop.
        var hop: DeploymentReport.HopTiming?
        if isC, let facts = config.pipelineFacts {
            let found = PipelineReportCalculator.measuredPipeline(config: config, facts: facts, measurements: measurements,
                                                                  sources: profile.latency)
            missing += found.stale
            if let m = found.measured {
                let timed = PipelineReportCalculator.hopTiming(m, facts: facts, profile: profile, problems: &problems, notes: &notes,
                                                               missing: &missing)
                if let t = timed.1 {
                    (latency, hop) = (timed.0, t)
                    PipelineReportCalculator.checkInputBuffers(config.buffers.filter { $0.kind == .audio }, timing: t,
                                                               problems: &problems, notes: &notes)
                    if let h = m.m.helpers, let total = m.m.instructionsTotal {
                        notes.append("whole pipeline: " + helperNote(h, of: total, label: m.source.label ?? m.source.core))
                    }
                    notes.append("time per hop from the whole exported pipeline (pipelines.\(m.key) on \(m.source.core): front end, model and "
                        + "post-processing), not from the parts above")
                }
            }
        }
        if let accuracy = config.accuracy { notes.append("accuracy at this stride: \(accuracy)") }
        if hop == nil, let l = latency, l.seconds > config.strideSeconds {
            problems.append(String(format: "misses real time: %.3f ms per inference, stride %.3f ms (over by %.3f ms)",
                                   l.seconds * 1e3, config.strideSeconds * 1e3, (l.seconds - config.strideSeconds) * 1e3))
        }
        return DeploymentReport(basis: isC ? .cExport : .modelAndFrontEnd, hop: hop, link: nil, pipeline: config.pipeline, board: profile.id, boardTitle: profile.title, runtime: profile.runtime,
                                model: config.model, modelSHA256: footprint.sha256, flash: flash, ram: ram, arenaBytes: arena,
                                largestRegion: region, latency: latency, strideSeconds: hop?.hopSeconds ?? config.strideSeconds,
                                dutyCycle: config.dutyCycle, problems: problems, missing: missing, notes: notes)
    }
}
