import Foundation
import Testing
import TinyBoards
import TinyTestSupport

/// The committed measurements of the exported C libraries (`Pipelines/boards/measurements-c.json`,
/// made by `Tools/measure/c_export.py`: Cortex-M4 and Xtensa LX106) still describe what the
/// exporter produces today: same model files, same constant data and arena; every ESP32-S3 config
/// has its Xtensa LX106 model and whole-pipeline entries, checked against the host when measured.
/// When this fails, re-run the script.
@Suite struct CExportMeasurementTests {
    static let layout = ProjectLayout(root: TestPaths.repoRoot.path)
    static let file = layout.path("Pipelines/boards/measurements-c.json")

    @Test func measurementsMatchTheCurrentExporter() throws {
        let m = try Measurements(files: [Self.file])
        #expect(m.filesRead.count == 1)
        #expect(!m.models.isEmpty)
        for (model, entry) in m.models {
            let path = Self.layout.modelPath(model)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let footprint = try ModelFootprint(modelAt: path)
            #expect(entry.sha256 == footprint.sha256, "\(model): measured a different file")
            let c = try #require(entry.cores["cortex-m4-c"])
            #expect(c.modelRodataBytes == footprint.cConstantBytes, "\(model): constants changed; re-run Tools/measure/c_export.py")
            #expect(c.arenaBytes == footprint.cArenaBytes, "\(model): arena changed; re-run Tools/measure/c_export.py")
            #expect((c.instructionsPerInference ?? 0) > footprint.multiplyAccumulates, "\(model): fewer instructions than MACs")
            #expect((c.rodataBytes ?? 0) >= footprint.cConstantBytes)
        }
    }

    /// The file's raw JSON (for the fields the report does not read: the host checks).
    static func raw() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
    }

    /// Every ESP32-S3 config's model has an xtensa-lx106 entry of the shipped file (sha256, the C
    /// export's constants and arena), whose output equalled `tinyml run`'s, with its helper
    /// profile; and its pipeline has an xtensa-lx106 whole-pipeline entry with the hop the pipeline
    /// has on the ESP32-S3, whose events equalled the host CLI's.
    @Test func xtensaEntriesCoverEveryESP32S3Config() throws {
        let m = try Measurements(files: [Self.file])
        let raw = try Self.raw()
        let rawModels = try #require(raw["models"] as? [String: [String: Any]])
        let rawPipelines = try #require(raw["pipelines"] as? [String: [String: Any]])
        #expect((raw["xtensa_toolchain"] as? String)?.contains("xtensa-lx106-elf-gcc") == true)
        #expect((raw["xtensa_toolchain"] as? String)?.contains("QEMU") == true)
        var configs = 0
        for (pipeline, boards) in Self.layout.deploymentFiles() where boards["esp32s3"] != nil {
            let config = try Self.layout.loadDeployment(pipeline: pipeline, board: "esp32s3")
            let path = Self.layout.modelPath(config.model)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            configs += 1
            let footprint = try ModelFootprint(modelAt: path)
            let entry = try #require(m.models[config.model], "\(pipeline): \(config.model) not measured")
            #expect(entry.sha256 == footprint.sha256, "\(config.model): measured a different file")
            let x = try #require(entry.cores["xtensa-lx106"], "\(config.model): no xtensa-lx106 entry")
            #expect(x.qemuMachine == "sim -cpu lx106")
            #expect(x.modelRodataBytes == footprint.cConstantBytes && x.arenaBytes == footprint.cArenaBytes)
            #expect((x.instructionsPerInference ?? 0) > footprint.multiplyAccumulates)
            #expect((x.instructionsPerInference ?? 0) % 25 == 0, "CCOUNT counts are multiples of 25")
            #expect(x.helpers != nil && (x.textBytes ?? 0) > 0 && (x.stackBytes ?? 0) > 0)
            let rawCore = (rawModels[config.model]?["cores"] as? [String: [String: Any]])?["xtensa-lx106"]
            #expect(rawCore?["output_equals_host"] as? Bool == true, "\(config.model): output not checked against the host")
            guard let facts = config.pipelineFacts else { continue }
            let key = PipelineMeasurement.key(pipeline: pipeline, board: config.overrides.isEmpty ? nil : "esp32s3")
            let p = try #require(m.pipelines[key], "pipelines.\(key) not measured on xtensa-lx106")
            #expect(p.hopSamples == facts.hopSamples && p.sampleRateHz == facts.sampleRateHz, "pipelines.\(key): stale hop")
            let c = try #require(p.cores["xtensa-lx106"])
            #expect((c.instructionsPerHopWorst ?? 0) >= (c.instructionsPerHopMean ?? .max) && (c.hops ?? 0) > 0)
            #expect(c.helpers != nil && (c.instructionsTotal ?? 0) > 0)
            let rawEntry = (rawPipelines[key]?["cores"] as? [String: [String: Any]])?["xtensa-lx106"]
            #expect(rawEntry?["events_equal_host"] as? Bool == true)
            #expect((rawPipelines[key]?["decisions"] as? Int ?? 0) > 0)
        }
        #expect(configs >= 7, "ESP32-S3 configs with a model present: \(configs)")
    }
}
