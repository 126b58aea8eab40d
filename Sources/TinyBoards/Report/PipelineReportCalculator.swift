import Foundation

/// The report of a pipeline file on a Swift board, from what was measured and linked for the whole
/// pipeline rather than a sum of model and front-end parts:
///
/// - Measurement: `pipelines.<pipeline>@<board>` of the measurements, else `pipelines.<pipeline>`,
///   on the board's count core; its hop (`hop_samples`, `sample_rate_hz`) must be the one the
///   pipeline has with the board's overrides, or it is stale (reported missing).
/// - Latency = worst hop instructions × CPI / clock (low/high from the CPI range); the real-time
///   budget is the hop period, hop samples / sample rate. Load = worst / period; average load =
///   mean / period. Real time fails only when the mean hop exceeds the period; a worst hop longer
///   than the period needs `HopTiming.bufferedHops` hops of input buffered (a note).
/// - Flash = the linked image's .text + .ARM.exidx, .rodata (holding the device image) and .data
///   of `Embedded/links.json`, against the linker script's flash less the reservation.
/// - RAM = linked .data + .bss + heap + stack (the link's HEAP_SIZE/STACK_SIZE: measured, or
///   labelled fallback) [+ .text + .rodata where the board runs from RAM] + the config's `audio`
///   buffers (the input DMA buffers, outside the engine; its other buffers are engine state inside
///   the measured heap), against the linker script's RAM less the reservation. A failed link is a
///   problem with lld's error line.
/// Missing measurement or link: the items are unknown and the report says which entry is missing.
public enum PipelineReportCalculator {
    public static func report(profile: BoardProfile, config: DeploymentConfig, facts: PipelineFacts,
                              footprint: ModelFootprint, measurements: Measurements, links: BoardLinks) -> DeploymentReport {
        var missing: [String] = [], notes: [String] = [], problems: [String] = []
        let boardKey = PipelineMeasurement.key(pipeline: config.pipeline, board: config.board)
        let sources = profile.latency.filter { !$0.estimate }
        let hopSeconds = Double(facts.hopSamples) / facts.sampleRateHz

        // The measured whole pipeline.
        let (measured, stale) = measuredPipeline(config: config, facts: facts, measurements: measurements, sources: sources)
        missing += stale
        let cores = sources.map(\.core).joined(separator: " or ")
        if measured == nil {
            missing.append("whole-pipeline measurement pipelines.\(boardKey) or pipelines.\(config.pipeline) on \(cores) "
                + "(Embedded/measurements.json): latency, real-time margin and the measured heap and stack are unknown")
        } else if let m = measured, m.key != boardKey, !config.overrides.isEmpty {
            notes.append("measured as pipelines.\(m.key) (the same hop as with this board's overrides)")
        }

        // Latency and real time from the worst and mean hop.
        var latency: DeploymentReport.Latency?
        var hop: DeploymentReport.HopTiming?
        if let found = measured {
            let (key, _, source, m) = found
            (latency, hop) = hopTiming(found, facts: facts, profile: profile, problems: &problems, notes: &notes, missing: &missing)
            var facts = "measured whole pipeline pipelines.\(key) on \(source.core)"
            if let n = m.hops { facts += ": \(n) hops" }
            if let s = m.setupInstructions { facts += ", setup \(ReportText.grouped(s)) instructions" }
            if let a = m.allocationsAfterSetup { facts += ", \(a) allocation\(a == 1 ? "" : "s") after setup" }
            notes.append(facts)
        }

        // Memory from the board link.
        let link = links[config.pipeline, config.board]
        let origin = "linked \(config.board).ld"
        var flashItems: [DeploymentReport.Item], ramItems: [DeploymentReport.Item]
        if let l = link {
            flashItems = [.init(label: ".text + .ARM.exidx", bytes: l.textBytes, origin: origin),
                          .init(label: ".rodata (holds the \(ReportText.grouped(l.imageBytes)) B device image)", bytes: l.rodataBytes, origin: origin),
                          .init(label: ".data (initial values)", bytes: l.dataBytes, origin: origin)]
            let memoryOrigin = l.memory == "measured" ? "measured, linked" : "FALLBACK, not measured (Embedded/links.sh)"
            ramItems = [.init(label: ".data + .bss", bytes: l.dataBytes + l.bssBytes, origin: origin),
                        .init(label: "heap (HEAP_SIZE: engine state, rings, arena, model data)", bytes: l.heapBytes, origin: memoryOrigin),
                        .init(label: "stack (STACK_SIZE)", bytes: l.stackBytes, origin: memoryOrigin)]
            if profile.executesFromRAM != nil {
                ramItems.append(.init(label: ".text + .rodata (runs from RAM)", bytes: l.textBytes + l.rodataBytes, origin: origin))
            }
            if !l.linked { problems.append("the board link fails (\(links.file ?? "Embedded/links.json")): \(l.error ?? "no error line recorded")") }
            if l.memory != "measured" {
                notes.append("heap and stack of the link are fallbacks (\(ReportText.grouped(l.heapBytes)) B, \(ReportText.grouped(l.stackBytes)) B): "
                    + "the link proves fit for those, not for a measured pipeline")
            }
            if let m = measured?.m, let h = m.heapBytes, let s = m.stackBytes, h != l.heapBytes || s != l.stackBytes {
                missing.append("Embedded/links.json is stale: linked with heap \(l.heapBytes) B and stack \(l.stackBytes) B, measured "
                    + "\(h) B and \(s) B (rerun Embedded/check.sh --update)")
            }
            let reserved = (config.reserved?.flashBytes ?? 0, config.reserved?.ramBytes ?? 0)
            if reserved != (l.reservedFlashBytes, l.reservedRAMBytes) {
                missing.append("Embedded/links.json is stale: linked with reservations \(l.reservedFlashBytes) B flash and \(l.reservedRAMBytes) B RAM, "
                    + "the config reserves \(reserved.0) B and \(reserved.1) B (rerun Embedded/check.sh --update)")
            }
            if l.linked { notes.append("the linker proved the fit: \(config.board).ld places the image, heap and stack (\(links.file ?? "Embedded/links.json"))") }
        } else {
            missing.append("board link \(config.pipeline)@\(config.board) in Embedded/links.json (Embedded/links.sh): flash and RAM are unknown")
            flashItems = [.init(label: "linked image (.text + .rodata + .data)", bytes: nil, origin: "not linked")]
            ramItems = [.init(label: "linked .data + .bss + heap + stack", bytes: nil, origin: "not linked")]
        }
        let inEngine = config.buffers.filter { $0.kind != .audio }
        if let timing = hop { checkInputBuffers(config.buffers.filter { $0.kind == .audio }, timing: timing, problems: &problems, notes: &notes) }
        for b in config.buffers where b.kind == .audio {
            ramItems.append(.init(label: "input buffer (outside the engine): \(b.name)", bytes: b.bytes, origin: "config"))
        }
        if !inEngine.isEmpty {
            notes.append("the config's other buffers (\(ReportText.grouped(inEngine.reduce(0) { $0 + $1.bytes })) B) are engine state inside the heap")
        }
        let flashReserved = link?.reservedFlashBytes ?? config.reserved?.flashBytes ?? 0
        let ramReserved = link?.reservedRAMBytes ?? config.reserved?.ramBytes ?? 0
        let flashCapacity = link?.flashCapacityBytes ?? profile.flashBytes.value
        let ramCapacity = link?.ramCapacityBytes ?? profile.ramBytes
        let flash = DeploymentReport.Budget(items: flashItems, available: flashCapacity - flashReserved, capacity: flashCapacity,
                                            reserved: flashReserved)
        let ram = DeploymentReport.Budget(items: ramItems, available: ramCapacity - ramReserved, capacity: ramCapacity, reserved: ramReserved)
        for (name, budget) in [("flash", flash), ("RAM", ram)] where budget.headroom < 0 {
            problems.append("\(name) short by \(budget.isComplete ? "" : "at least ")\(ReportText.grouped(-budget.headroom)) B "
                + "(\(ReportText.grouped(budget.used)) B needed, \(ReportText.grouped(budget.available)) B available)")
        }
        if !facts.modelInImage {
            notes.append("the device image carries no model (the pipeline's scorer needs none); \(config.model) is the model the pipeline names")
        }
        if let accuracy = config.accuracy { notes.append("accuracy at this stride: \(accuracy)") }
        if !config.overrides.isEmpty {
            notes.append("board overrides: " + config.overrides.keys.sorted().map { "\($0) \(String(format: "%g", config.overrides[$0]!))" }
                .joined(separator: ", "))
        }
        let region = profile.largestRegion.map { ($0.name, $0.bytes.value) } ?? ("RAM", profile.ramBytes)
        return DeploymentReport(basis: .measuredPipeline, hop: hop, link: link, pipeline: config.pipeline, board: profile.id,
                                boardTitle: profile.title, runtime: profile.runtime, model: config.model, modelSHA256: footprint.sha256,
                                flash: flash, ram: ram, arenaBytes: footprint.arenaBytes, largestRegion: region, latency: latency,
                                strideSeconds: hopSeconds, dutyCycle: config.dutyCycle, problems: problems, missing: missing,
                                notes: notes)
    }

    /// A whole-pipeline measurement: its key, entry, the count source whose core it was measured on, and that core's figures.
    typealias Measured = (key: String, entry: PipelineMeasurement, source: CountSource, m: PipelineCoreMeasurement)

    /// The whole-pipeline measurement that stands for the config: `pipelines.<pipeline>@<board>`, else
    /// `pipelines.<pipeline>`, on the first of `sources` it has. One measured with another hop
    /// (samples or rate) than the pipeline has with the board's overrides is stale: skipped, and said.
    static func measuredPipeline(config: DeploymentConfig, facts: PipelineFacts, measurements: Measurements,
                                 sources: [CountSource]) -> (measured: Measured?, stale: [String]) {
        var stale: [String] = []
        for key in [PipelineMeasurement.key(pipeline: config.pipeline, board: config.board), config.pipeline] {
            guard let entry = measurements.pipelines[key] else { continue }
            if entry.hopSamples != facts.hopSamples || entry.sampleRateHz.map({ abs($0 - facts.sampleRateHz) > 1e-9 }) ?? true {
                stale.append("pipelines.\(key) in \(entry.file) measured a hop of \(entry.hopSamples.map(String.init) ?? "?") samples at "
                    + "\(entry.sampleRateHz.map { String(format: "%g", $0) } ?? "?") Hz, but \(facts.file) with this board's overrides has "
                    + "\(facts.hopSamples) at \(String(format: "%g", facts.sampleRateHz)) Hz")
                continue
            }
            if let source = sources.first(where: { entry.cores[$0.core] != nil }), let m = entry.cores[source.core] {
                return ((key, entry, source, m), stale)
            }
        }
        return (nil, stale)
    }

    /// Latency (the worst hop × the source's CPI / clock) and hop timing of a measured pipeline. Real
    /// time fails only when the mean hop exceeds the hop period (a problem); a worst hop longer than
    /// the period is a note with the hops of input it needs buffered. Missing hop counts: a missing line, nils.
    static func hopTiming(_ measured: Measured, facts: PipelineFacts, profile: BoardProfile, problems: inout [String],
                          notes: inout [String], missing: inout [String]) -> (DeploymentReport.Latency?, DeploymentReport.HopTiming?) {
        let (key, entry, source, m) = measured
        guard let worst = m.instructionsPerHopWorst, let mean = m.instructionsPerHopMean else {
            missing.append("instructions_per_hop_worst/mean of pipelines.\(key) on \(source.core) (\(entry.file))")
            return (nil, nil)
        }
        let hopSeconds = Double(facts.hopSamples) / facts.sampleRateHz
        let timing = DeploymentReport.HopTiming(
            hopSamples: facts.hopSamples, hopSeconds: hopSeconds, meanInstructions: mean, worstInstructions: worst,
            hops: m.hops, core: source.core, cyclesPerInstruction: source.cyclesPerInstruction,
            cyclesPerInstructionLow: source.cyclesPerInstructionLow, cyclesPerInstructionHigh: source.cyclesPerInstructionHigh,
            clockHz: profile.clockHz.value)
        var latency = DeploymentReport.Latency(
            instructions: worst, core: source.core, estimate: source.estimate, cyclesPerInstruction: source.cyclesPerInstruction,
            cyclesPerInstructionLow: source.cyclesPerInstructionLow, cyclesPerInstructionHigh: source.cyclesPerInstructionHigh,
            clockHz: profile.clockHz.value, frontendInstructions: nil, alwaysOnInstructions: 0)
        latency.countLabel = source.label
        if timing.meanSeconds > hopSeconds {
            problems.append(String(format: "misses real time: the mean hop takes %.3f ms, the hop period is %.3f ms (over by %.3f ms)",
                                   timing.meanSeconds * 1e3, hopSeconds * 1e3, (timing.meanSeconds - hopSeconds) * 1e3))
        } else if timing.bufferedHops > 0 {
            notes.append(String(format: "the worst hop takes %.3f ms, %.2f× the %.3f ms hop period: keeps up on average, with %d hop%@ "
                                + "(%d samples) of input buffered while it runs",
                                timing.worstSeconds * 1e3, timing.worstSeconds / hopSeconds, hopSeconds * 1e3, timing.bufferedHops,
                                timing.bufferedHops == 1 ? "" : "s", timing.bufferedHops * facts.hopSamples))
        }
        return (latency, timing)
    }

    /// The input DMA buffers (`audio` kind: int16 mono samples, a double buffer) must outlast the
    /// worst hop: while one half is pushed through the pipeline the other fills, so a half must
    /// hold the samples that arrive during the worst hop (`ceil(worst × rate)`, at the nominal CPI)
    /// or the DMA overwrites samples not yet read. Checked only when the config declares them.
    static func checkInputBuffers(_ inputs: [DeploymentConfig.Buffer], timing: DeploymentReport.HopTiming,
                                  problems: inout [String], notes: inout [String]) {
        guard !inputs.isEmpty else { return }
        let bytes = inputs.reduce(0) { $0 + $1.bytes }
        let half = bytes / 2 / 2
        let rate = Double(timing.hopSamples) / timing.hopSeconds
        let needed = Int((timing.worstSeconds * rate).rounded(.up))
        let text = String(format: "input double buffer %@ B: each half holds %d samples (%.1f ms); the worst hop (%.2f ms) brings %d new samples",
                          ReportText.grouped(bytes), half, Double(half) / rate * 1e3, timing.worstSeconds * 1e3, needed)
        if half < needed {
            problems.append(text + " — too small: make each half at least \(needed) samples (\(ReportText.grouped(4 * needed)) B in all)")
        } else {
            notes.append(text + ": enough")
        }
    }

}
