import Foundation
import Testing
import TinyBoards
import TinyFormats
import TinyTestSupport

/// The committed board profiles and deployment configs load, carry a source for every figure and
/// agree with their locations; bad files fail with one line naming the file and the key.
@Suite struct ConfigLoadingTests {
    static let layout = ProjectLayout(root: TestPaths.repoRoot.path)

    @Test func committedBoardProfilesLoadWithSources() throws {
        let boards = try BoardProfile.loadAll(directory: Self.layout.boardsDirectory)
        #expect(Set(boards.map(\.id)) == ["stm32h743", "nrf52840", "k210", "esp32s3"])
        for b in boards {
            let sources = [b.core.source, b.isa.source, b.clockHz.source, b.flashBytes.source] + b.regions.map(\.bytes.source)
                + b.features.map(\.fact.source)
            #expect(sources.allSatisfy { $0.count > 10 }, "\(b.id): a figure without a real source")
            #expect(b.latency.allSatisfy { $0.justification.count > 80 }, "\(b.id): CPI without a justification")
        }
        let byID = Dictionary(uniqueKeysWithValues: boards.map { ($0.id, $0) })
        // DESIGN.md §5 facts (the seed article was wrong about the ESP32-S3: 384 KB is ROM, RAM is 512 KB).
        #expect(byID["esp32s3"]?.ramBytes == 512 * 1024 && byID["esp32s3"]?.runtime == .cExport)
        #expect(byID["stm32h743"]?.clockHz.value == 480_000_000 && byID["stm32h743"]?.flashBytes.value == 2 * 1024 * 1024)
        #expect(byID["stm32h743"]?.regions.contains { $0.name.hasPrefix("DTCM") && $0.bytes.value == 128 * 1024 } == true)
        #expect(byID["nrf52840"]?.ramBytes == 256 * 1024 && byID["nrf52840"]?.clockHz.value == 64_000_000)
        #expect(byID["k210"]?.ramBytes == 8 * 1024 * 1024 && byID["k210"]?.executesFromRAM != nil)
        // Estimates are labelled: only the ESP32-S3 times from another ISA.
        for b in boards { #expect(b.latency.allSatisfy(\.estimate) == (b.id == "esp32s3")) }
    }

    @Test func committedDeploymentConfigsLoadAndMatchTheirLocation() throws {
        let files = Self.layout.deploymentFiles()
        #expect(Set(files["reference-kws"]?.keys.map { $0 } ?? []) == ["stm32h743", "nrf52840", "k210", "esp32s3"])
        #expect(Set(files["reference-ad"]?.keys.map { $0 } ?? []) == ["stm32h743", "nrf52840", "k210", "esp32s3"])
        for (pipeline, boards) in files {
            for board in boards.keys {
                let config = try Self.layout.loadDeployment(pipeline: pipeline, board: board)
                #expect(config.strideSeconds > 0 && config.strideSeconds <= config.windowSeconds)
                _ = try BoardProfile.load(id: board, directory: Self.layout.boardsDirectory)
            }
        }
        let kws = try Self.layout.loadDeployment(pipeline: "reference-kws", board: "nrf52840")
        #expect(kws.model == "shared/reference-models/kws/kws_ref_model.tflite" && kws.strideSeconds == 0.5)
    }

    static let valid = """
    {"pipeline": "p", "board": "b", "model": "m.tflite", "sample_rate_hz": 16000, "window_samples": 16000,
     "stride_samples": 8000, "duty_cycle": 1, "buffers": [{"name": "audio", "kind": "audio", "bytes": 100}]}
    """

    /// Each bad variant of a valid config, and the key its one-line error must name.
    static let badConfigs: [(String, String, String)] = [
        ("missing key", valid.replacingOccurrences(of: #""stride_samples": 8000,"#, with: ""), "stride_samples: missing"),
        // A misspelt required key is missing under its real name; a misspelt optional one is unknown.
        ("typo", valid.replacingOccurrences(of: "stride_samples", with: "strides"), "stride_samples: missing"),
        ("optional typo", valid.replacingOccurrences(of: "}]}", with: #"}], "note": "x"}"#), "note: unknown key"),
        ("string for number", valid.replacingOccurrences(of: "16000,", with: "\"fast\","), "sample_rate_hz: expected a number"),
        ("zero stride", valid.replacingOccurrences(of: "8000", with: "0"), "stride_samples: must be at least 1"),
        ("fraction", valid.replacingOccurrences(of: "8000", with: "8000.5"), "stride_samples: expected an integer"),
        ("duty cycle", valid.replacingOccurrences(of: #""duty_cycle": 1"#, with: #""duty_cycle": 1.5"#), "duty_cycle: must be at most 1"),
        ("NaN-like", valid.replacingOccurrences(of: #""duty_cycle": 1"#, with: #""duty_cycle": null"#), "duty_cycle: missing"),
        ("bool", valid.replacingOccurrences(of: #""duty_cycle": 1"#, with: #""duty_cycle": true"#), "duty_cycle: expected a number, got true"),
        ("buffer kind", valid.replacingOccurrences(of: #""kind": "audio""#, with: #""kind": "cache""#), "buffers[0].kind: expected one of"),
        ("buffer bytes", valid.replacingOccurrences(of: #""bytes": 100"#, with: #""bytes": -4"#), "buffers[0].bytes: must be at least 1"),
        ("not a model", valid.replacingOccurrences(of: "m.tflite", with: "m.onnx"), "model: expected a .tflite path"),
        ("frontend", valid.replacingOccurrences(of: "}]}", with: #"}], "frontend": {"measurement": "x"}}"#),
         "frontend.calls_per_inference: missing"),
        ("always on", valid.replacingOccurrences(of: "}]}", with: #"}], "frontend": {"measurement": "x", "calls_per_inference": 1, "always_on": 1}}"#),
         "frontend.always_on: expected"),
        ("accuracy", valid.replacingOccurrences(of: "}]}", with: #"}], "accuracy": 0.9}"#), "accuracy: expected"),
        ("not an object", "[1, 2]", "the top level must be an object"),
        ("truncated", String(valid.dropLast(30)), "not valid JSON"),
    ]

    @Test(arguments: badConfigs.indices)
    func badConfigsNameTheKey(_ i: Int) throws {
        let (label, text, message) = Self.badConfigs[i]
        do {
            _ = try DeploymentConfig(json: JSONReader(data: Data(text.utf8), file: "bad.json"))
            Issue.record("\(label): accepted")
        } catch let error as CustomStringConvertible {
            #expect(error.description.hasPrefix("bad.json: "), "\(label): \(error)")
            #expect(error.description.contains(message), "\(label): \(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func configMustAgreeWithItsFileLocation() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-layout-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.appendingPathComponent("Pipelines/demo/boards")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.valid.replacingOccurrences(of: #""pipeline": "p", "board": "b""#, with: #""pipeline": "demo", "board": "other""#)
            .write(to: dir.appendingPathComponent("nrf52840.json"), atomically: true, encoding: .utf8)
        try "".write(to: dir.appendingPathComponent("empty.json"), atomically: true, encoding: .utf8)
        let layout = ProjectLayout(root: root.path)
        #expect(throws: ConfigError.json(.invalid(file: "Pipelines/demo/boards/nrf52840.json", key: "board",
                                                  problem: "is \"other\" but the file is named nrf52840.json"))) {
            try layout.loadDeployment(pipeline: "demo", board: "nrf52840")
        }
        #expect(throws: ConfigError.json(.unreadable(file: "Pipelines/demo/boards/empty.json", reason: "the file is empty"))) {
            try layout.loadDeployment(pipeline: "demo", board: "empty")
        }
        #expect(throws: ConfigError.noPipeline(name: "nope", known: ["demo"])) { try layout.loadDeployment(pipeline: "nope", board: "nrf52840") }
    }

    @Test func badBoardProfilesNameTheKey() throws {
        let board = try String(contentsOfFile: Self.layout.path("Pipelines/boards/nrf52840.json"), encoding: .utf8)
        let cases = [
            (board.replacingOccurrences(of: #""source": "nRF52840 PS v1.7 §1 Key features: 64 MHz Arm Cortex-M4 with FPU""#,
                                        with: #""source": """#), "clock_hz.source: "),
            (board.replacingOccurrences(of: #""runtime": "swift-embedded""#, with: #""runtime": "micropython""#), "runtime: "),
            (board.replacingOccurrences(of: #""nominal": 1.3, "low": 1.1"#, with: #""nominal": 1.3, "low": 1.4"#),
             "latency[0].cycles_per_instruction.low: must be at most 1.3"),
        ]
        for (text, key) in cases {
            #expect(text != board)
            do {
                _ = try BoardProfile(json: JSONReader(data: Data(text.utf8), file: "nrf52840.json"), id: "nrf52840")
                Issue.record("accepted a bad profile (\(key))")
            } catch {
                #expect(error.description.contains(key), "\(error)")
            }
        }
        #expect(throws: JSONError.invalid(file: "x.json", key: "board", problem: "is \"nrf52840\" but the file is named stm32h743.json")) {
            try BoardProfile(json: JSONReader(data: Data(board.utf8), file: "x.json"), id: "stm32h743")
        }
    }

    @Test func measurementFilesAreTypeChecked() throws {
        var m = Measurements()
        do {
            try m.merge(JSONReader(data: Data(#"{"models": {"a.tflite": {"cores": {"cortex-m4": {"stack_bytes": "big"}}}}}"#.utf8),
                                   file: "measurements.json"))
            Issue.record("accepted a string stack size")
        } catch {
            #expect(error.description == "measurements.json: models.a.tflite.cores.cortex-m4.stack_bytes: expected an integer, got \"big\"")
        }
        let one = #"{"models": {"a.tflite": {"sha256": "ab", "cores": {"cortex-m4": {"instructions_per_inference": 5}}}}}"#
        var twice = Measurements()
        try twice.merge(JSONReader(data: Data(one.utf8), file: "one.json"))
        #expect(twice.models["a.tflite"]?.cores["cortex-m4"]?.instructionsPerInference == 5)
        #expect(throws: JSONError.invalid(file: "two.json", key: "models.a.tflite.cores.cortex-m4",
                                          problem: "model 'a.tflite' on 'cortex-m4' is measured in two files")) {
            try twice.merge(JSONReader(data: Data(one.utf8), file: "two.json"))
        }
    }

    /// A pipeline measured in two files (the Swift firmware's cores and the exported C's on Xtensa)
    /// merges its cores; the same core twice, or another hop, is an error.
    @Test func pipelineCoresMergeAcrossFiles() throws {
        func file(_ core: String, hop: Int = 512) -> String {
            #"{"pipelines": {"p": {"hop_samples": \#(hop), "sample_rate_hz": 16000, "cores": {"\#(core)": {"instructions_per_hop_mean": 7, "soft_float_instructions": 3, "instructions_total": 70}}}}}"#
        }
        var m = Measurements()
        try m.merge(JSONReader(data: Data(file("cortex-m4").utf8), file: "swift.json"))
        try m.merge(JSONReader(data: Data(file("xtensa-lx106").utf8), file: "c.json"))
        #expect(Set(m.pipelines["p"]?.cores.keys.map { $0 } ?? []) == ["cortex-m4", "xtensa-lx106"])
        #expect(m.pipelines["p"]?.cores["xtensa-lx106"]?.helpers == HelperInstructions(softFloat: 3, integer: 0))
        #expect(m.pipelines["p"]?.cores["xtensa-lx106"]?.instructionsTotal == 70)
        #expect(throws: JSONError.invalid(file: "again.json", key: "pipelines.p",
                                          problem: "pipeline 'p' on 'cortex-m4' is measured in two files")) {
            try m.merge(JSONReader(data: Data(file("cortex-m4").utf8), file: "again.json"))
        }
        var hops = Measurements()
        try hops.merge(JSONReader(data: Data(file("cortex-m4").utf8), file: "swift.json"))
        #expect(throws: JSONError.invalid(file: "c.json", key: "pipelines.p",
                                          problem: "pipeline 'p' is measured with another hop than in swift.json")) {
            try hops.merge(JSONReader(data: Data(file("xtensa-lx106", hop: 256).utf8), file: "c.json"))
        }
    }
}
