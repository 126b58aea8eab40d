import Foundation
import Testing
import TinyBoards

/// The report of a pipeline file on a Swift board from its measured whole pipeline and its board
/// link: worst-hop latency and real-time margin against the hop period, buffering when the worst
/// hop exceeds it, flash and RAM from the link, and plain statements of what is missing.
@Suite struct PipelineReportTests {
    typealias F = PipelineReportFixtures

    @Test func latencyAndMarginFromTheWorstAndMeanHop() throws {
        let r = try F.report(measurements: F.measurements(mean: 1_000_000, worst: 3_000_000))
        #expect(r.basis == .measuredPipeline && r.verdict == .fits)
        // worst 3,000,000 × CPI 2 / 100 MHz = 60 ms (30..90 ms); hop 1,600 / 16 kHz = 100 ms.
        let l = try #require(r.latency)
        #expect(abs(l.seconds - 0.060) < 1e-12 && abs(l.secondsLow - 0.030) < 1e-12 && abs(l.secondsHigh - 0.090) < 1e-12)
        let h = try #require(r.hop)
        #expect(abs(h.meanSeconds - 0.020) < 1e-12 && abs(h.hopSeconds - 0.1) < 1e-12 && h.bufferedHops == 0)
        #expect(abs(r.strideSeconds - 0.1) < 1e-12 && abs(r.load! - 0.6) < 1e-12 && abs(r.averageLoad! - 0.2) < 1e-12)
        #expect(r.notes.contains { $0.hasPrefix("measured whole pipeline pipelines.p@test on core-a: 40 hops") })
        let text = ReportText.detail(r)
        #expect(text.contains("60.00 ms worst hop") && text.contains("mean hop 20.00 ms"))
    }

    @Test func aWorstHopBeyondThePeriodNeedsBufferingButMeetsRealTimeOnAverage() throws {
        // worst 12,000,000 × 2 / 100 MHz = 240 ms = 2.4 hops: 2 more hops of input wait.
        let r = try F.report(measurements: F.measurements(mean: 2_000_000, worst: 12_000_000))
        #expect(r.verdict == .fits && r.hop?.bufferedHops == 2)
        #expect(r.notes.contains { $0.contains("2.40× the 100.000 ms hop period") && $0.contains("2 hops (3200 samples) of input buffered") })
        let slow = try F.report(measurements: F.measurements(mean: 6_000_000, worst: 12_000_000))
        #expect(slow.verdict == .doesNotFit)
        #expect(slow.problems == ["misses real time: the mean hop takes 120.000 ms, the hop period is 100.000 ms (over by 20.000 ms)"])
    }

    @Test func memoryComesFromTheLink() throws {
        let r = try F.report()
        // flash = 30,000 + 8,000 + 1,000 of 100,000.
        #expect(r.flash.used == 39_000 && r.flash.available == 100_000)
        // RAM = data + bss 1,500 + heap 20,000 + stack 2,000 + the audio buffer 16,000 (the work buffer is in the heap).
        #expect(r.ram.used == 39_500 && r.ram.isComplete && r.ram.headroom == 10_500)
        #expect(r.notes.contains { $0.hasPrefix("the linker proved the fit") })
        let fromRAM = try F.report(fromRAM: true)
        #expect(fromRAM.ram.used == 39_500 + 38_000)
        let reserved = try F.report(config: F.config(extra: #", "reserved": {"flash_bytes": 60000, "ram_bytes": 30000, "reason": "BLE"}"#),
                                    links: F.links(reservedFlash: 60_000, reservedRAM: 30_000))
        #expect(reserved.flash.available == 40_000 && reserved.ram.available == 20_000)
        #expect(reserved.problems == ["RAM short by 19,500 B (39,500 B needed, 20,000 B available)"])
    }

    @Test func anInputBufferThatTheWorstHopOverrunsIsAProblem() throws {
        // worst 60 ms at 16 kHz = 960 new samples; halves of 250 samples (1,000 B) are overwritten.
        let small = try F.report(config: F.config(audioBytes: 1_000))
        #expect(small.verdict == .doesNotFit)
        #expect(small.problems == ["input double buffer 1,000 B: each half holds 250 samples (15.6 ms); the worst hop (60.00 ms) brings 960 new "
            + "samples — too small: make each half at least 960 samples (3,840 B in all)"])
        let enough = try F.report(config: F.config(audioBytes: 3_840))
        #expect(enough.verdict == .fits && enough.notes.contains { $0.hasSuffix("brings 960 new samples: enough") })
    }

    @Test func aFailedLinkIsAProblemWithLldsError() throws {
        let r = try F.report(links: F.links(linked: false))
        #expect(r.verdict == .doesNotFit)
        #expect(r.problems.contains("the board link fails (links.json): ld.lld: error: section '.heap' will not fit in region 'RAM': overflowed by 12 bytes"))
    }

    @Test func missingMeasurementOrLinkIsSaidPlainly() throws {
        let none = try F.report(measurements: Measurements())
        #expect(none.verdict == .incomplete && none.latency == nil)
        #expect(none.missing.contains { $0.hasPrefix("whole-pipeline measurement pipelines.p@test or pipelines.p on core-a") })
        let unlinked = try F.report(links: BoardLinks())
        #expect(unlinked.verdict == .incomplete && !unlinked.flash.isComplete && !unlinked.ram.isComplete)
        #expect(unlinked.missing.contains { $0.hasPrefix("board link p@test in Embedded/links.json") })
        let fallback = try F.report(links: F.links(heap: 64_000, stack: 8_000, memory: "fallback"))
        #expect(fallback.ram.items.contains { $0.origin.hasPrefix("FALLBACK") })
        #expect(fallback.missing.contains { $0.hasPrefix("Embedded/links.json is stale: linked with heap 64000 B") })
    }

    @Test func theBoardKeyWinsAndAStaleHopIsMissing() throws {
        var m = try F.measurements(key: "p", mean: 5, worst: 5)
        try m.merge(ReportFixtures.object(#"{"pipelines": {"p@test": {"sample_rate_hz": 16000, "hop_samples": 1600, "cores": {"core-a": {"instructions_per_hop_mean": 7, "instructions_per_hop_worst": 9}}}}}"#))
        #expect(try F.report(measurements: m).hop?.worstInstructions == 9)
        let stale = try F.report(measurements: F.measurements(key: "p", hop: 3_200))
        #expect(stale.verdict == .incomplete && stale.latency == nil)
        #expect(stale.missing.contains { $0.hasPrefix("pipelines.p in test.json measured a hop of 3200 samples at 16000 Hz, but Pipelines/p/pipeline.json") })
    }
}
