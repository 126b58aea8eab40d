import ArgumentParser
import Foundation
import TinyBoards
import TinyCLI

/// `tinyml report --pipeline NAME --board NAME | --all [--json] [--report FILE]`: does a pipeline
/// fit a board, and does it keep up? Flash and RAM budgets with headroom or the exact shortfall,
/// latency from the measured instruction counts (`Embedded/measurements.json`) and the board's
/// cycles-per-instruction model, against the stride; estimated energy per inference, average power
/// and battery life (`--battery`, `EnergyModel`) from the board's sourced power figures. Exit 1 when a deployment does not fit or
/// misses real time (or a config is bad); missing measurements are reported as missing
/// (`--strict` turns them into exit 2).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Fit, latency and energy of pipelines on boards (flash, RAM, time per inference vs stride, µJ, battery life).")

    @Option(help: "Pipeline name (directory under Pipelines/ with '/' as '-', e.g. reference-kws).") var pipeline: String?
    @Option(help: "Board id (Pipelines/boards/<board>.json).") var board: String?
    @Flag(help: "Every deployment config of every pipeline.") var all = false
    @Flag(help: "One JSON object per deployment on stdout.") var json = false
    @Option(help: "Also write a picture: .svg, or .html (picture and text).") var report: String?
    @Option(help: "Measurement files (default: Embedded/measurements.json and Pipelines/boards/measurements-c.json).")
    var measurements: [String] = []
    @Option(help: "Board links of Embedded/links.sh (default: Embedded/links.json).") var linksFile: String?
    @Option(help: "Checkout root (default: found from the current directory).") var root: String?
    @Flag(help: "Exit 2 when measurements are missing.") var strict = false
    @Option(help: "Battery for the battery life: cr2032 (225 mAh, 3.0 V), 2xaa (2,500 mAh, 3.0 V) or <mAh>@<volts>.")
    var battery = "cr2032"

    /// What `--report` writes.
    static let reportFormats: [ReportFormat] = [.svg, .html]

    func validate() throws {
        if !all && pipeline == nil && board == nil {
            throw ValidationError("give --pipeline and/or --board, or --all")
        }
    }

    func run() throws {
        let status: Int32 = withToolErrors("tinyml report") {
            guard let layout = root.map(ProjectLayout.init(root:)) ?? ProjectLayout.find() ?? BundledPipeline.checkoutOfExecutable().map(ProjectLayout.init(root:)) else {
                throw ToolError("no TinyMLSuite checkout here (Package.swift and Pipelines/ not found); use --root")
            }
            let chosenBattery: Battery
            do { chosenBattery = try Battery.parse(battery) } catch { throw ToolError("\(error)") }
            if let report {
                _ = try ReportFormat.of(report, option: "--report", accepted: Self.reportFormats)
                try OutputPaths.refuseInputs([("--report", report)], inputs: measurements + [linksFile ?? layout.linksFile] + layout.measurementFiles)
            }
            let files = layout.deploymentFiles()
            var pairs: [(String, String)] = []
            for p in files.keys.sorted() where pipeline == nil || p == pipeline {
                for b in files[p]!.keys.sorted() where board == nil || b == board { pairs.append((p, b)) }
            }
            if pairs.isEmpty {
                if let pipeline, let board { _ = try layout.loadDeployment(pipeline: pipeline, board: board) }
                throw ToolError("no deployment config matches" + (pipeline.map { " pipeline '\($0)'" } ?? "")
                    + (board.map { " board '\($0)'" } ?? "") + " (known pipelines: \(files.keys.sorted().joined(separator: ", ")))")
            }
            let measured = try Measurements(files: measurements.isEmpty ? layout.measurementFiles : measurements,
                                            display: layout.display)
            for missing in measured.filesMissing where !json { printError("tinyml report: note: no measurement file \(missing)") }
            let links = try BoardLinks(contentsOf: linksFile.map { $0 } ?? layout.linksFile, displayName: layout.display(linksFile ?? layout.linksFile))
            var reports: [DeploymentReport] = []
            var failed = false
            for (p, b) in pairs {
                do {
                    let config = try layout.loadDeployment(pipeline: p, board: b)
                    let profile = try BoardProfile.load(id: b, directory: layout.boardsDirectory)
                    let footprint = try ModelFootprint(modelAt: layout.modelPath(config.model))
                    var r = ReportCalculator.report(profile: profile, config: config, footprint: footprint,
                                                    measurements: measured, links: links)
                    EnergyModel.attach(to: &r, profile: profile, config: config, battery: chosenBattery)
                    reports.append(r)
                } catch {
                    printError("tinyml report: error: \(p) on \(b): \(error)")
                    failed = true
                }
            }
            if json {
                for r in reports { print(Self.json(r).text) }
            } else {
                if reports.count > 1 { print(ReportText.summary(reports) + "\n") }
                print(reports.map(ReportText.detail).joined(separator: "\n\n"))
            }
            if let report {
                let format = try ReportFormat.of(report, option: "--report", accepted: Self.reportFormats)
                let text = format == .svg ? ReportPicture.svg(reports) : ReportPicture.html(reports)
                do { try text.write(toFile: report, atomically: true, encoding: .utf8) } catch {
                    throw ToolError("cannot write report '\(report)'")
                }
            }
            if failed || reports.contains(where: { $0.verdict == .doesNotFit }) { return 1 }
            if strict && reports.contains(where: { $0.verdict == .incomplete }) { return 2 }
            return 0
        }
        if status != 0 { throw ExitCode(status) }
    }

    static func json(_ r: DeploymentReport) -> JSONValue {
        func budget(_ b: DeploymentReport.Budget) -> [(String, JSONValue)] {
            [("capacity", .int(b.capacity)), ("reserved", .int(b.reserved)), ("available", .int(b.available)),
             ("used", .int(b.used)), ("complete", .bool(b.isComplete)), ("headroom", .int(b.headroom)),
             ("items", .array(b.items.map { item in
                 .object([("label", .string(item.label)), ("bytes", item.bytes.map(JSONValue.int) ?? .null),
                          ("origin", .string(item.origin))])
             }))]
        }
        var latency = JSONValue.null
        if let l = r.latency {
            latency = .object([
                ("instructions", .int(l.instructions)), ("frontend_instructions", l.frontendInstructions.map(JSONValue.int) ?? .null),
                ("always_on_instructions", .int(l.alwaysOnInstructions)),
                ("core", .string(l.core)), ("estimate", .bool(l.estimate)),
                ("count_source", l.countLabel.map(JSONValue.string) ?? .null), ("origin", .string(l.origin)),
                ("cycles_per_instruction", .object([("nominal", .number(l.cyclesPerInstruction)),
                                                    ("low", .number(l.cyclesPerInstructionLow)),
                                                    ("high", .number(l.cyclesPerInstructionHigh))])),
                ("clock_hz", .int(l.clockHz)), ("seconds", .number(l.seconds)), ("seconds_low", .number(l.secondsLow)),
                ("seconds_high", .number(l.secondsHigh)),
            ])
        }
        var hop = JSONValue.null
        if let h = r.hop {
            hop = .object([("hop_samples", .int(h.hopSamples)), ("hop_seconds", .number(h.hopSeconds)),
                           ("instructions_mean", .int(h.meanInstructions)), ("instructions_worst", .int(h.worstInstructions)),
                           ("seconds_mean", .number(h.meanSeconds)), ("seconds_worst", .number(h.worstSeconds)),
                           ("seconds_worst_high", .number(h.worstSecondsHigh)), ("buffered_hops", .int(h.bufferedHops))])
        }
        var link = JSONValue.null
        if let l = r.link {
            link = .object([("linked", .bool(l.linked)), ("error", l.error.map(JSONValue.string) ?? .null), ("memory", .string(l.memory)),
                            ("heap_bytes", .int(l.heapBytes)), ("stack_bytes", .int(l.stackBytes))])
        }
        return .object([
            ("pipeline", .string(r.pipeline)), ("basis", .string(r.basis.rawValue)), ("hop", hop), ("link", link), ("board", .string(r.board)), ("runtime", .string(r.runtime.rawValue)),
            ("model", .string(r.model)), ("sha256", .string(r.modelSHA256)), ("verdict", .string(r.verdict.rawValue)),
            ("flash", .object(budget(r.flash))),
            ("ram", .object(budget(r.ram) + [("arena", .int(r.arenaBytes)),
                                             ("largest_region", .object([("name", .string(r.largestRegion.name)),
                                                                         ("bytes", .int(r.largestRegion.bytes))]))])),
            ("latency", latency), ("stride_seconds", .number(r.strideSeconds)),
            ("load", r.load.map(JSONValue.number) ?? .null), ("real_time_margin", r.realTimeMargin.map(JSONValue.number) ?? .null),
            ("duty_cycle", .number(r.dutyCycle)), ("average_load", r.averageLoad.map(JSONValue.number) ?? .null),
            ("energy", r.energy.map(energyJSON) ?? .null),
            ("problems", .array(r.problems.map(JSONValue.string))), ("missing", .array(r.missing.map(JSONValue.string))),
            ("notes", .array(r.notes.map(JSONValue.string))),
        ])
    }

    /// `{"nominal", "low", "high"}` of an estimate, or null.
    static func estimateJSON(_ e: Estimate?) -> JSONValue {
        e.map { .object([("nominal", .number($0.nominal)), ("low", .number($0.low)), ("high", .number($0.high))]) } ?? .null
    }

    /// The energy figures in SI units (joules, watts, seconds), with what is unknown or left out.
    static func energyJSON(_ e: EnergyReport) -> JSONValue {
        .object([
            ("joules_per_inference", estimateJSON(e.perInference)), ("joules_per_hop", estimateJSON(e.perHop)),
            ("joules_worst_hop", estimateJSON(e.worstHop)), ("run_watts", estimateJSON(e.runWatts)),
            ("average_watts", estimateJSON(e.averageWatts)), ("sleep_mode", e.sleepMode.map(JSONValue.string) ?? .null),
            ("battery", .object([("name", .string(e.battery.name)), ("milliamp_hours", .number(e.battery.milliampHours)),
                                 ("volts", .number(e.battery.volts)), ("source", .string(e.battery.source)),
                                 ("life_seconds", estimateJSON(e.batterySeconds))])),
            ("unknown", .array(e.unknown.map(JSONValue.string))), ("excluded", .array(e.excluded.map(JSONValue.string))),
            ("sources", .array(e.sources.map(JSONValue.string))),
            ("basis", .string("estimate: QEMU instruction counts × CPI model / clock × datasheet power; not measured with a power meter")),
        ])
    }
}
