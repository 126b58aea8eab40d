import Foundation
import TinyBoards
import TinyFormats

/// Small synthetic boards, configs, footprints and measurements for the report-maths tests.
enum ReportFixtures {
    static func object(_ text: String, file: String = "test.json") throws -> JSONReader {
        try JSONReader(data: Data(text.utf8), file: file)
    }

    static func fact(_ v: Any) -> String { "{\"value\": \(v is String ? "\"\(v)\"" : "\(v)"), \"source\": \"test\"}" }

    /// A board with `flash` bytes, RAM regions `regions` (name, bytes), a 100 MHz clock and one
    /// count source "core-a" with CPI 2 (1..3); `runtime`, `fromRAM` and the `power` object as given.
    static func board(flash: Int = 100_000, regions: [(String, Int)] = [("R0", 50_000)], runtime: String = "swift-embedded",
                      fromRAM: Bool = false, sources: String? = nil, power: String? = nil) throws -> BoardProfile {
        let regionText = regions.map { "{\"name\": \"\($0.0)\", \"bytes\": \(fact($0.1))}" }.joined(separator: ", ")
        let latency = sources ?? """
        [{"core": "core-a", "estimate": false, "uses_sizes": true,
          "cycles_per_instruction": {"nominal": 2, "low": 1, "high": 3}, "justification": "test"}]
        """
        return try BoardProfile(json: object("""
        {"board": "test", "title": "Test board", "runtime": "\(runtime)", "core": \(fact("core")), "isa": \(fact("isa")),
         "core_count": \(fact(1)), "clock_hz": \(fact(100_000_000)), "flash_bytes": \(fact(flash)),
         \(fromRAM ? "\"executes_from_ram\": \(fact("yes")),": "")
         \(power.map { "\"power\": \($0)," } ?? "")
         "ram_regions": [\(regionText)], "features": [], "latency": \(latency)}
        """), id: "test")
    }

    /// A config: 16 kHz, stride `stride` samples, buffers totalling `buffer` bytes, optional extras.
    static func config(stride: Int = 1600, buffer: Int = 1000, extra: String = "") throws -> DeploymentConfig {
        try DeploymentConfig(json: object("""
        {"pipeline": "p", "board": "test", "model": "m.tflite", "sample_rate_hz": 16000, "window_samples": 16000,
         "stride_samples": \(stride), "duty_cycle": 0.5,
         "buffers": [{"name": "audio", "kind": "audio", "bytes": \(buffer)}]\(extra)}
        """))
    }

    static let footprint = ModelFootprint(sha256: "ab", constantBytes: 20_000, arenaBytes: 8_000, persistentBytes: 1_000,
                                          cArenaBytes: 6_000, cConstantBytes: 22_000, multiplyAccumulates: 1)

    /// Measurements of "m.tflite" (sha "ab") on `core`.
    static func measurements(core: String = "core-a", _ m: CoreMeasurement, sha: String = "ab", modelBytes: Int? = nil,
                             features: String = "") throws -> Measurements {
        var fields: [String] = []
        if let v = m.instructionsPerInference { fields.append("\"instructions_per_inference\": \(v)") }
        if let v = m.textBytes { fields.append("\"text_bytes\": \(v)") }
        if let v = m.rodataBytes { fields.append("\"rodata_bytes\": \(v)") }
        if let v = m.dataBytes { fields.append("\"data_bytes\": \(v)") }
        if let v = m.bssBytes { fields.append("\"bss_bytes\": \(v)") }
        if let v = m.stackBytes { fields.append("\"stack_bytes\": \(v)") }
        if let v = m.arenaBytes { fields.append("\"arena_bytes\": \(v)") }
        if let v = m.heapBytes { fields.append("\"heap_bytes\": \(v)") }
        if let v = m.modelRodataBytes { fields.append("\"model_rodata_bytes\": \(v)") }
        if let v = m.arenaInBss { fields.append("\"arena_in_bss\": \(v)") }
        var result = Measurements()
        try result.merge(object("""
        {"toolchain": "test", "models": {"m.tflite": {"sha256": "\(sha)", \(modelBytes.map { "\"model_bytes\": \($0)," } ?? "") "cores": {"\(core)": {\(fields.joined(separator: ", "))}}}}
         \(features)}
        """))
        return result
    }

    /// A complete measurement: 1,000,000 instructions, code 3,000 + 500 + 100, bss 400, stack 700.
    static let complete = CoreMeasurement(qemuMachine: "q", instructionsPerInference: 1_000_000, textBytes: 3_000,
                                          rodataBytes: 500, dataBytes: 100, bssBytes: 400, stackBytes: 700, arenaBytes: 8_000)
}
