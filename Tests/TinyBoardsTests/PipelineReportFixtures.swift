import Foundation
import TinyBoards

/// A measured whole pipeline and its board link for the report tests (the shapes of
/// `Embedded/measurements.json` `pipelines` and `Embedded/links.json`), on the synthetic board of
/// `ReportFixtures` (100 MHz, core "core-a" with CPI 2 (1..3)).
enum PipelineReportFixtures {
    /// Facts of pipeline "p": 16 kHz, hop 1,600 samples (100 ms).
    static let facts = PipelineFacts(file: "Pipelines/p/pipeline.json", kind: "kws", model: "/r/m.tflite", modelInImage: true,
                                     sampleRateHz: 16_000, windowSamples: 16_000, strideSamples: 1_600, hopSamples: 1_600,
                                     overridableKeys: ["strideSeconds"])

    /// A config of "p" on "test" with an audio (input double) buffer of `audioBytes` (16,000 B: two
    /// halves of 4,000 int16 samples, 250 ms) and a work buffer of 500 B.
    static func config(audioBytes: Int = 16_000, extra: String = "") throws -> DeploymentConfig {
        try DeploymentConfig(json: ReportFixtures.object("""
        {"pipeline": "p", "board": "test", "duty_cycle": 1,
         "buffers": [{"name": "dma", "kind": "audio", "bytes": \(audioBytes)}, {"name": "ring", "kind": "work", "bytes": 500}]\(extra)}
        """), facts: { (_: [String: Double]) throws(ConfigError) -> PipelineFacts in facts }, modelKey: { _ in "m.tflite" })
    }

    /// `pipelines.<key>` with one core entry on "core-a".
    static func measurements(key: String = "p@test", hop: Int = 1_600, mean: Int = 1_000_000, worst: Int = 3_000_000,
                             heap: Int = 20_000, stack: Int = 2_000) throws -> Measurements {
        var m = Measurements()
        try m.merge(ReportFixtures.object("""
        {"pipelines": {"\(key)": {"pipeline": "Pipelines/p/pipeline.json", "board": "test", "image_bytes": 5000,
          "sample_rate_hz": 16000, "hop_samples": \(hop), "cores": {"core-a": {"qemu_machine": "q", "hops": 40,
          "instructions_per_hop_mean": \(mean), "instructions_per_hop_worst": \(worst), "setup_instructions": 99,
          "heap_bytes": \(heap), "stack_bytes": \(stack), "allocations_after_setup": 0}}}}}
        """))
        return m
    }

    /// The link of "p@test": text 30,000, rodata 8,000, data 1,000, bss 500; flash 100,000, RAM 50,000.
    static func links(linked: Bool = true, heap: Int = 20_000, stack: Int = 2_000, memory: String = "measured",
                      reservedFlash: Int = 0, reservedRAM: Int = 0) -> BoardLinks {
        let error = linked ? nil : "ld.lld: error: section '.heap' will not fit in region 'RAM': overflowed by 12 bytes"
        return BoardLinks(links: ["p@test": BoardLink(
            pipeline: "Pipelines/p/pipeline.json", board: "test", core: "core-a", imageBytes: 5000, memory: memory, heapBytes: heap,
            stackBytes: stack, reservedFlashBytes: reservedFlash, reservedRAMBytes: reservedRAM, linked: linked, error: error,
            textBytes: 30_000, rodataBytes: 8_000, dataBytes: 1_000, bssBytes: 500,
            flashUsedBytes: 39_000 + reservedFlash, flashCapacityBytes: 100_000,
            ramUsedBytes: 1_500 + heap + stack + reservedRAM, ramCapacityBytes: 50_000)], file: "links.json")
    }

    static func report(config: DeploymentConfig? = nil, measurements: Measurements? = nil, links: BoardLinks? = nil,
                       fromRAM: Bool = false) throws -> DeploymentReport {
        ReportCalculator.report(profile: try ReportFixtures.board(fromRAM: fromRAM), config: try config ?? Self.config(),
                                footprint: ReportFixtures.footprint, measurements: try measurements ?? Self.measurements(),
                                links: links ?? Self.links())
    }
}
