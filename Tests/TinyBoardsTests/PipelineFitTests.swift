import Foundation
import Testing
import TinyBoards
import TinyFormats
import TinyTestSupport

/// From the committed deployment configs and measurements (Embedded/measurements.json,
/// Pipelines/boards/measurements-c.json): every pipeline (every directory under Pipelines/ with a
/// pipeline.json, and the reference deployments) has a config for STM32H7 and K210, and the report
/// proves it fits both — flash, RAM, arena region and real time, from measured model and
/// front-end counts (nothing missing) for the reference deployments, and from the board link
/// (Embedded/links.json) and the measured whole pipeline for pipeline files on Swift boards: until
/// the firmware measures a pipeline, its report is incomplete and says which entry is missing,
/// never falling back to the parts. A config grown past the board by a known number of bytes is
/// reported as not fitting with exactly that shortfall.
@Suite struct PipelineFitTests {
    static let layout = ProjectLayout(root: TestPaths.repoRoot.path)
    static let requiredBoards = ["stm32h743", "k210"]

    /// Pipeline names (`Pipelines/a/b/pipeline.json` → `a-b`) of every pipeline file.
    static let pipelines: [String] = {
        let root = TestPaths.repoRoot.appendingPathComponent("Pipelines").path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix("/pipeline.json") }
            .map { $0.dropLast("/pipeline.json".count).replacingOccurrences(of: "/", with: "-") }.sorted()
    }()

    /// The reference deployments (models in ../shared) and every pipeline, with the configs present.
    static let deployments: [String] = Array(Set(pipelines + layout.deploymentFiles().keys)).sorted()

    static func report(_ pipeline: String, _ board: String, config: DeploymentConfig? = nil) throws -> DeploymentReport {
        let config = try config ?? layout.loadDeployment(pipeline: pipeline, board: board)
        let measurements = try Measurements(files: layout.measurementFiles)
        return ReportCalculator.report(profile: try BoardProfile.load(id: board, directory: layout.boardsDirectory),
                                       config: config, footprint: try ModelFootprint(modelAt: layout.modelPath(config.model)),
                                       measurements: measurements,
                                       links: try BoardLinks(contentsOf: layout.linksFile, displayName: "Embedded/links.json"))
    }

    /// Fits, or (a pipeline file on a Swift board whose whole pipeline is not measured yet) is
    /// incomplete for that reason only, with the link proving flash and RAM.
    static func fitsOrAwaitsPipelineMeasurement(_ r: DeploymentReport) -> Bool {
        if r.verdict == .fits { return true }
        guard r.basis == .measuredPipeline, r.verdict == .incomplete, r.link?.linked == true else { return false }
        return r.missing.allSatisfy { $0.hasPrefix("whole-pipeline measurement ") } && r.flash.isComplete && r.ram.isComplete
    }

    static func modelPresent(_ pipeline: String) -> Bool {
        guard let config = try? layout.loadDeployment(pipeline: pipeline, board: "stm32h743") else { return true }
        return FileManager.default.fileExists(atPath: layout.modelPath(config.model))
    }

    @Test func everyPipelineIsCovered() {
        #expect(Self.pipelines.count >= 7, "pipelines found: \(Self.pipelines)")
        for p in Self.pipelines {
            #expect(Set(Self.requiredBoards).isSubset(of: Set(Self.layout.deploymentFiles()[p]?.keys.map { $0 } ?? [])),
                    "\(p) lacks a config for \(Self.requiredBoards.joined(separator: " or "))")
        }
    }

    @Test(arguments: deployments.filter(modelPresent), requiredBoards)
    func fitsWithMeasuredNumbers(_ pipeline: String, _ board: String) throws {
        let r = try Self.report(pipeline, board)
        #expect(Self.fitsOrAwaitsPipelineMeasurement(r), "\(pipeline) on \(board): \(r.problems + r.missing)")
        #expect(r.flash.isComplete && r.ram.isComplete && r.flash.headroom >= 0 && r.ram.headroom >= 0)
        if r.basis == .measuredPipeline {
            // Latency and margin come from the measured hop, when measured.
            if r.verdict == .fits { #expect(try #require(r.hop).meanSeconds <= r.strideSeconds) }
            return
        }
        let latency = try #require(r.latency)
        #expect(!latency.estimate && latency.seconds <= r.strideSeconds)
        let config = try Self.layout.loadDeployment(pipeline: pipeline, board: board)
        #expect(!config.frontend.isEmpty, "\(pipeline): no measured front end in the \(board) config")
        #expect((latency.frontendInstructions ?? 0) > 0)
    }

    /// ESP32-S3 reports rest on the exported C's Xtensa LX106 counts, labelled so in the text and
    /// marked an estimate; a pipeline's time comes from its whole exported pipeline per hop, and the
    /// report states the share of helpers the S3 runs in hardware.
    @Test func esp32s3ReportsRestOnXtensaCounts() throws {
        var seen = 0
        for (pipeline, boards) in Self.layout.deploymentFiles() where boards["esp32s3"] != nil && Self.modelPresent(pipeline) {
            let r = try Self.report(pipeline, "esp32s3")
            let l = try #require(r.latency, "\(pipeline): no latency")
            #expect(l.core == "xtensa-lx106" && l.estimate && l.countLabel == "Xtensa LX106 counts", "\(pipeline): \(l.core)")
            #expect(ReportText.detail(r).contains("estimate from Xtensa LX106 counts, xtensa-lx106"))
            #expect(l.secondsLow < l.seconds && l.seconds < l.secondsHigh)
            #expect(r.notes.contains { $0.contains("soft-float helpers") })
            let config = try Self.layout.loadDeployment(pipeline: pipeline, board: "esp32s3")
            if config.pipelineFacts != nil {
                let hop = try #require(r.hop, "\(pipeline): not timed from the whole exported pipeline")
                #expect(hop.core == "xtensa-lx106" && r.strideSeconds == hop.hopSeconds)
            } else {
                #expect(r.hop == nil && (l.frontendInstructions ?? 0) > 0)
            }
            seen += 1
        }
        #expect(seen >= 7)
    }

    /// Every committed config meets its board (a slow board gets a longer stride, with the
    /// accuracy at that stride in the config), on every board profile, estimates included.
    @Test func everyConfigFitsItsBoard() throws {
        for (pipeline, boards) in Self.layout.deploymentFiles().sorted(by: { $0.key < $1.key }) where Self.modelPresent(pipeline) {
            for board in boards.keys.sorted() {
                let r = try Self.report(pipeline, board)
                #expect(Self.fitsOrAwaitsPipelineMeasurement(r), "\(pipeline) on \(board): \(r.problems + r.missing)")
                #expect((r.basis == .cExport) == (board == "esp32s3"))
            }
        }
    }

    @Test func anOversizedConfigIsShortByExactlyItsExcess() throws {
        let (pipeline, board) = ("wildlife", "stm32h743")
        let fitting = try Self.report(pipeline, board)
        let excess = 12_345
        let file = try #require(Self.layout.deploymentFiles()[pipeline]?[board])
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        var buffers = try #require(json["buffers"] as? [[String: Any]])
        buffers.append(["name": "oversized", "kind": "audio", "bytes": fitting.ram.headroom + excess])
        json["buffers"] = buffers
        let config = try Self.layout.deployment(json: JSONReader(data: JSONSerialization.data(withJSONObject: json), file: "oversized.json"),
                                                at: file)
        let r = try Self.report(pipeline, board, config: config)
        #expect(r.verdict == .doesNotFit && r.basis == .measuredPipeline)
        #expect(r.ram.headroom == -excess)
        let needed = fitting.ram.used + fitting.ram.headroom + excess
        #expect(r.problems == ["RAM short by 12,345 B (\(ReportText.grouped(needed)) B needed, \(ReportText.grouped(fitting.ram.available)) B available)"])
    }
}
