import Foundation
import Testing
import TinyBoards

/// The report maths on synthetic boards: budgets, headroom and exact shortfalls, latency from
/// instruction counts and the CPI model, real time, estimates and missing measurements.
@Suite struct ReportCalculatorTests {
    typealias F = ReportFixtures

    @Test func fitsWithExactHeadroomAndLatency() throws {
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        // flash = constants 20,000 + code (3,000 + 500 + 100) = 23,600 of 100,000.
        #expect(r.flash.used == 23_600)
        #expect(r.flash.headroom == 76_400)
        // RAM = arena 8,000 + persistent 1,000 + buffer 1,000 + stack 700 + statics (100 + 400) = 11,200 of 50,000.
        #expect(r.ram.used == 11_200)
        #expect(r.ram.headroom == 38_800)
        // 1,000,000 instructions x CPI 2 / 100 MHz = 20 ms (10..30 ms); stride 1600 / 16 kHz = 100 ms.
        let l = try #require(r.latency)
        #expect(abs(l.seconds - 0.020) < 1e-12 && abs(l.secondsLow - 0.010) < 1e-12 && abs(l.secondsHigh - 0.030) < 1e-12)
        #expect(abs(r.strideSeconds - 0.1) < 1e-12)
        #expect(abs(r.load! - 0.2) < 1e-12 && abs(r.realTimeMargin! - 5) < 1e-9 && abs(r.averageLoad! - 0.1) < 1e-12)
        #expect(r.verdict == .fits)
        #expect(r.problems.isEmpty && r.missing.isEmpty)
    }

    @Test func flashShortfallIsExact() throws {
        let r = ReportCalculator.report(profile: try F.board(flash: 20_000), config: try F.config(), footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        #expect(r.verdict == .doesNotFit)
        #expect(r.flash.headroom == -3_600)
        #expect(r.problems.contains { $0.hasPrefix("flash short by 3,600 B") })
    }

    @Test func shortfallWithMissingItemsIsALowerBound() throws {
        var m = F.complete
        m.stackBytes = nil
        let r = ReportCalculator.report(profile: try F.board(regions: [("R0", 10_000)]), config: try F.config(),
                                        footprint: F.footprint, measurements: try F.measurements(m))
        // Known RAM: 8,000 + 1,000 + 1,000 + 500 = 10,500 > 10,000, stack unknown.
        #expect(r.ram.used == 10_500 && !r.ram.isComplete)
        #expect(r.problems.contains { $0.hasPrefix("RAM short by at least 500 B") && $0.contains("stack") })
        #expect(r.verdict == .doesNotFit)
    }

    @Test func arenaMustFitOneRegion() throws {
        let r = ReportCalculator.report(profile: try F.board(regions: [("A", 7_000), ("B", 53_000)]),
                                        config: try F.config(), footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        #expect(r.largestRegion.bytes == 53_000 && r.problems.isEmpty)
        let tight = ReportCalculator.report(profile: try F.board(regions: [("A", 7_000), ("B", 7_500)]),
                                            config: try F.config(), footprint: F.footprint,
                                            measurements: try F.measurements(F.complete))
        #expect(tight.ram.headroom == 3_300) // the total fits, the arena does not fit a region
        #expect(tight.problems.contains { $0.contains("largest contiguous RAM region (B, 7,500 B) by 500 B") })
    }

    @Test func missingMeasurementsAreReportedNotGuessed() throws {
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                        measurements: Measurements())
        #expect(r.latency == nil)
        #expect(r.verdict == .incomplete)
        #expect(r.flash.items.contains { $0.bytes == nil })
        #expect(r.missing.contains { $0.hasPrefix("instruction count of m.tflite on core-a") })
        #expect(r.missing.contains { $0.hasPrefix("code/stack sizes") })
    }

    @Test func staleMeasurementsAreIgnored() throws {
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                        measurements: try F.measurements(F.complete, sha: "cd"))
        #expect(r.latency == nil && r.verdict == .incomplete)
        #expect(r.missing.contains { $0.contains("stale") })
    }

    @Test func missingRealTimeFails() throws {
        // 1,000,000 x 2 / 100 MHz = 20 ms against a 16-sample (1 ms) stride: over by 19 ms.
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(stride: 16), footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        #expect(r.verdict == .doesNotFit)
        #expect(r.problems.contains { $0.contains("misses real time: 20.000 ms per inference, stride 1.000 ms (over by 19.000 ms)") })
    }

    @Test func frontendInstructionsAreAddedPerCall() throws {
        let features = #", "features": {"fe": {"cores": {"core-a": {"instructions_per_call": 10000}}}}"#
        let r = ReportCalculator.report(
            profile: try F.board(), config: try F.config(extra: #", "frontend": {"measurement": "fe", "calls_per_inference": 5}"#),
            footprint: F.footprint, measurements: try F.measurements(F.complete, features: features))
        let l = try #require(r.latency)
        #expect(l.frontendInstructions == 50_000 && l.totalInstructions == 1_050_000)
        #expect(abs(l.seconds - 0.021) < 1e-12)
        let missing = ReportCalculator.report(
            profile: try F.board(), config: try F.config(extra: #", "frontend": {"measurement": "other", "calls_per_inference": 5}"#),
            footprint: F.footprint, measurements: try F.measurements(F.complete, features: features))
        #expect(missing.verdict == .incomplete && missing.missing.contains { $0.contains("'other'") })
    }

    @Test func averageLoadCountsAlwaysOnPartsOnEveryStride() throws {
        // Model 1,000,000 + always-on part 10,000 x 5 + triggered part 20,000 x 1 instructions at
        // CPI 2 / 100 MHz in a 100 ms stride, duty cycle 0.5: worst stride 21.4 %, average
        // (50,000 + 0.5 x 1,020,000) x 2e-8 / 0.1 = 11.2 % (not 0.5 x 21.4 % = 10.7 %).
        let features = #", "features": {"fe": {"cores": {"core-a": {"instructions_per_call": 10000}}}, "#
            + #""fi": {"cores": {"core-a": {"instructions_per_call": 20000}}}}"#
        let parts = #", "frontend": [{"measurement": "fe", "calls_per_inference": 5, "always_on": true}, "#
            + #"{"measurement": "fi", "calls_per_inference": 1}]"#
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(extra: parts), footprint: F.footprint,
                                        measurements: try F.measurements(F.complete, features: features))
        let l = try #require(r.latency)
        #expect(l.alwaysOnInstructions == 50_000 && l.totalInstructions == 1_070_000)
        #expect(abs(r.load! - 0.214) < 1e-12)
        #expect(abs(r.averageLoad! - 0.112) < 1e-12)
        #expect(ReportText.detail(r).contains("average load 11.2 % = always on 1.00 % + duty cycle 0.5 × 20.4 % triggered"))
    }

    @Test func accuracyAtTheStrideIsReported() throws {
        let config = try F.config(extra: #", "accuracy": "40 hits, 3 false alarms""#)
        let r = ReportCalculator.report(profile: try F.board(), config: config, footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        #expect(r.notes.contains("accuracy at this stride: 40 hits, 3 false alarms"))
    }

    @Test func reservedMemoryReducesWhatIsAvailable() throws {
        let config = try F.config(extra: #", "reserved": {"flash_bytes": 80000, "ram_bytes": 1000, "reason": "BLE stack"}"#)
        let r = ReportCalculator.report(profile: try F.board(), config: config, footprint: F.footprint,
                                        measurements: try F.measurements(F.complete))
        #expect(r.flash.available == 20_000 && r.flash.capacity == 100_000)
        #expect(r.ram.available == 49_000)
        #expect(r.problems.contains { $0.hasPrefix("flash short by 3,600 B") })
    }

    @Test func firmwareFieldsAvoidDoubleCounting() throws {
        var m = F.complete
        m.rodataBytes = 20_500       // model constants (20,000) linked into rodata
        m.modelRodataBytes = 20_000
        m.bssBytes = 8_400           // the 8,000-byte arena is a static buffer
        m.arenaInBss = true
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                        measurements: try F.measurements(m))
        #expect(r.flash.used == 23_600 && r.flash.items[0].bytes == 20_000 && r.flash.items[1].bytes == 3_600)
        #expect(r.ram.used == 11_200)
    }

    @Test func measuredHeapReplacesArenaAndPersistentData() throws {
        var m = F.complete
        m.heapBytes = 30_000
        m.rodataBytes = 7_500        // the 7,000-byte .tflite is linked into rodata (model-level model_bytes)
        let r = ReportCalculator.report(profile: try F.board(), config: try F.config(), footprint: F.footprint,
                                        measurements: try F.measurements(m, modelBytes: 7_000))
        // RAM = heap 30,000 + buffer 1,000 + stack 700 + statics 500 (the arena and per-channel data are in the heap).
        #expect(r.ram.used == 32_200)
        #expect(!r.ram.items.contains { $0.label == "arena" })
        // flash = the linked model 7,000 + code (3,000 + 7,500 + 100 - 7,000).
        #expect(r.flash.items[0].label.contains(".tflite") && r.flash.items[0].bytes == 7_000)
        #expect(r.flash.used == 7_000 + 3_600)
    }

    @Test func boardsThatRunFromRAMCountCodeAndConstantsInRAM() throws {
        let r = ReportCalculator.report(profile: try F.board(regions: [("R0", 100_000)], fromRAM: true), config: try F.config(),
                                        footprint: F.footprint, measurements: try F.measurements(F.complete))
        #expect(r.ram.used == 11_200 + 3_600 + 20_000)
    }

    @Test func cExportUsesItsOwnArenaAndConstantsAndLabelsEstimates() throws {
        let sources = """
        [{"core": "m4-c", "estimate": true, "uses_sizes": true,
          "cycles_per_instruction": {"nominal": 1.5, "low": 1, "high": 2}, "justification": "t"},
         {"core": "m4", "estimate": true, "uses_sizes": false,
          "cycles_per_instruction": {"nominal": 1.5, "low": 1, "high": 2}, "justification": "t"}]
        """
        let board = try F.board(runtime: "c-export", sources: sources)
        let fromC = ReportCalculator.report(profile: board, config: try F.config(), footprint: F.footprint,
                                            measurements: try F.measurements(core: "m4-c", F.complete))
        // flash = C constants 22,000 + code 3,600; RAM = C arena 6,000 + buffer 1,000 + stack 700 (no persistent data).
        #expect(fromC.flash.used == 25_600 && fromC.ram.used == 7_700)
        #expect(fromC.latency?.estimate == true && fromC.latency?.core == "m4-c")
        #expect(abs(fromC.latency!.seconds - 0.015) < 1e-12)
        #expect(fromC.verdict == .fits)
        // Only the Swift M4 count: latency estimated from it, sizes not used (different code).
        let fromSwift = ReportCalculator.report(profile: board, config: try F.config(), footprint: F.footprint,
                                                measurements: try F.measurements(core: "m4", F.complete))
        #expect(fromSwift.latency?.core == "m4")
        #expect(fromSwift.flash.items.contains { $0.bytes == nil })
        #expect(fromSwift.verdict == .incomplete)
    }
}
