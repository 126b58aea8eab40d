import Foundation
import MotorAnomaly
import Testing
import TinyIO
import TinyTestSupport

/// Bad input never kills the monitor silently: it is counted and reported, or refused with one
/// clear line (the `AnomalyError` description).
@Suite struct BadInputTests {
    static func message(_ body: () throws -> Void) -> String { errorMessage(body) }

    /// A CSV stream: normal, with garbage, NaN, empty-field and short lines sprinkled in.
    @Test func garbageAndNaNCSVLinesAreSkippedAndCounted() throws {
        let samples = SyntheticVibration.signal(seconds: 5)
        var text = "accel_g\n"
        var bad = 0
        for (i, v) in samples.enumerated() {
            text += "\(v)\n"
            if i % 5000 == 17 {
                text += ["nan\n", "garbage\n", "1.0e\n", "inf\n"][bad % 4]
                bad += 1
            }
        }
        let path = try MonitorHarness.temporaryFile(text: text)
        defer { MonitorHarness.remove(path) }
        let run = try MonitorHarness.run(format: .csv, path: path, learn: 3)
        #expect(bad == 12)
        #expect(run.summary.skippedValues == bad)
        #expect(run.summary.samples == samples.count + bad, "every data line is a sample, a bad one held at the previous value")
        #expect(run.summary.note?.contains("is not") == true, "the last problem is reported: \(run.summary.note ?? "none")")
        #expect(run.summary.alarmsRaised == 0)
        // Reported live, one event per line, at the sample it stands for: the (i % 5000 == 17)-th
        // good sample is followed by its bad line, which is sample i + 1 + (bad lines before it).
        #expect(run.skipped.count == bad)
        for (k, s) in run.skipped.enumerated() {
            #expect(s.frame == 5000 * k + 17 + 1 + k, "skipped line \(k) fills sample \(s.frame)")
            #expect(s.problem.line == s.frame + 2, "header is line 1, sample n is line n + 2")
        }
    }

    /// The clock rule: a skipped line advances the sample clock, so windows and alarms after it keep
    /// their true times. The same signal with and without garbage lines in place of samples gives
    /// windows at the same sample indices.
    @Test func skippedLinesKeepTheSampleClockTrue() throws {
        let samples = SyntheticVibration.signal(seconds: 5)
        let clean = samples.map { "\($0)" }
        var dirty = clean
        for i in stride(from: 1000, to: samples.count, by: 3000) { dirty[i] = "garbage" }
        func run(_ lines: [String]) throws -> MonitorHarness.Run {
            let path = try MonitorHarness.temporaryFile(text: "accel_g\n" + lines.joined(separator: "\n") + "\n")
            defer { MonitorHarness.remove(path) }
            return try MonitorHarness.run(format: .csv, path: path, learn: 3)
        }
        let a = try run(clean), b = try run(dirty)
        #expect(b.summary.skippedValues == dirty.filter { $0 == "garbage" }.count)
        #expect(a.reports.map(\.sample) == b.reports.map(\.sample))
        #expect(a.reports.map(\.time) == b.reports.map(\.time))
        #expect(a.summary.samples == b.summary.samples)
    }

    /// An all-NaN stream is never learned as normal: it is refused at its end when learning is not
    /// over yet (`.noValidData`), or when the held substitutes complete a learning phase, by the
    /// threshold check (`.unusableLearning`). Exit 1 either way.
    @Test func allNaNInputIsAnErrorNotANormalBaseline() throws {
        let path = try MonitorHarness.temporaryFile(text: "accel_g\n" + String(repeating: "nan\n", count: 24_000))
        defer { MonitorHarness.remove(path) }
        #expect(throws: AnomalyError.input(.noValidData(source: path, skipped: 24_000))) {
            _ = try MonitorHarness.run(format: .csv, path: path, learn: 3)
        }
        let f32 = try MonitorHarness.temporaryFile(MonitorHarness.f32le([Float](repeating: .nan, count: 24_000)))
        defer { MonitorHarness.remove(f32) }
        #expect(throws: AnomalyError.input(.noValidData(source: f32, skipped: 24_000))) {
            _ = try MonitorHarness.run(format: .f32le, path: f32, learn: 3)
        }
        let long = try MonitorHarness.temporaryFile(MonitorHarness.f32le([Float](repeating: .nan, count: 72_000)))
        defer { MonitorHarness.remove(long) }
        let error = #expect(throws: AnomalyError.self) { _ = try MonitorHarness.run(format: .f32le, path: long, learn: 3) }
        guard case .unusableLearning? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    /// Constant input (a dead sensor, all zeros) learns a threshold of 0: refused, not used.
    @Test func aConstantLearningPhaseIsAnError() throws {
        let error = #expect(throws: AnomalyError.self) {
            _ = try MonitorHarness.run([Float](repeating: 0, count: 60_000), learn: 3)
        }
        guard case .unusableLearning(let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.contains("threshold is 0"), "\(reason)")
    }

    /// 1e30 overflows the power spectrum: such windows are skipped (never learned, never scored,
    /// no "score nan > threshold nan"), counted and reported; all of them bad is an error.
    @Test func hugeValuesGiveSkippedBadWindowsNotNaNScores() throws {
        let normal = SyntheticVibration.signal(seconds: 6)
        let half = try MonitorHarness.run(Array(normal.prefix(36_000)) + normal.suffix(from: 36_000).map { $0 * 1e30 }, learn: 3)
        #expect(half.summary.badWindows > 60 && half.summary.badWindows == half.badWindows.count)
        #expect(half.reports.allSatisfy { $0.decision.score?.isFinite ?? true })
        #expect(half.summary.threshold?.isFinite == true)
        #expect(half.summary.alarmsRaised == 0)
        #expect(half.badWindows.allSatisfy { !$0.value.isFinite && $0.time > 3 })
        let error = #expect(throws: AnomalyError.self) { _ = try MonitorHarness.run(normal.map { $0 * 1e30 }, learn: 3) }
        guard case .unusableLearning? = error else { Issue.record("got \(String(describing: error))"); return }
    }

    @Test func scaleMustBeFiniteAndNonZero() throws {
        let path = try MonitorHarness.temporaryFile(MonitorHarness.f32le(SyntheticVibration.signal(seconds: 4)))
        defer { MonitorHarness.remove(path) }
        for scale in [0, Double.nan, .infinity, -.infinity] {
            let error = #expect(throws: AnomalyError.self) { _ = try MonitorHarness.run(format: .f32le, path: path, learn: 3, scale: scale) }
            guard case .invalidScale(let got)? = error else { Issue.record("\(scale): got \(String(describing: error))"); continue }
            #expect(got == scale || (got.isNaN && scale.isNaN))
        }
    }

    @Test func nonFiniteFloatSamplesAreReplacedAndCounted() throws {
        var samples = SyntheticVibration.signal(seconds: 4)
        samples[40_000] = .nan
        samples[41_000] = .infinity
        let run = try MonitorHarness.run(samples, learn: 3)
        #expect(run.summary.skippedValues == 2)
        #expect(run.skipped.map(\.frame) == [40_000, 41_000])
        #expect(run.summary.samples == samples.count)
    }

    @Test func streamEndingMidWindowReportsTheTrailingSamples() throws {
        let extra = 700   // the last window ends at 512·w + 1024; 700 more samples complete no window
        let whole = (4 * 12000 - 1024) / 512 * 512 + 1024
        let run = try MonitorHarness.run(Array(SyntheticVibration.signal(seconds: 5).prefix(whole + extra)), learn: 3)
        #expect(run.summary.windows == (whole - 1024) / 512 + 1 + (extra >= 512 ? 1 : 0))
        #expect(run.summary.trailingSamples == extra - 512)
        #expect(run.summary.samples == whole + extra)
    }

    /// A stream cut mid-sample: monitored up to the cut, then reported as ended early (exit 4).
    @Test func oddTrailingByteOfRawPCMIsReportedAsEndedEarly() throws {
        let s16 = SyntheticVibration.signal(seconds: 4).flatMap { v -> [UInt8] in
            let i = UInt16(bitPattern: Int16(max(-32768, min(32767, (v * 32768).rounded()))))
            return [UInt8(i & 0xff), UInt8(i >> 8)]
        }
        let path = try MonitorHarness.temporaryFile(s16 + [0x7f])
        defer { MonitorHarness.remove(path) }
        let run = try MonitorHarness.run(format: .s16le, path: path, learn: 3)
        #expect(run.summary.samples == 48_000)
        #expect(run.summary.inputEndedEarly)
        #expect(run.summary.exitStatus == MonitorSummary.exitInputEndedEarly)
        #expect(run.summary.inputError == IOError.endedMidFrame(source: path, frames: 48_000, trailingBytes: 1, frameBytes: 2).description)
    }

    @Test func wrongRateIsRefusedClearly() throws {
        let path = try MonitorHarness.temporaryFile(MonitorHarness.f32le(SyntheticVibration.signal(seconds: 4)))
        defer { MonitorHarness.remove(path) }
        let rates = try MonitorHarness.pipeline().inputRates
        #expect(throws: AnomalyError.input(.rateOutsidePipeline(source: path, rate: 16000, consumer: "the anomaly pipeline", accepted: 12000 ... 12000))) {
            _ = try MonitorHarness.run(format: .f32le, path: path, rate: 16000, learn: 3)
        }
        #expect(rates.accepted == 12000 ... 12000)

        let wav = FileManager.default.temporaryDirectory.appendingPathComponent("motor-anomaly-\(UUID().uuidString).wav").path
        defer { MonitorHarness.remove(wav) }
        let writer = try AudioFileWriter(path: wav, sampleRate: 44100, channels: 1)
        try writer.write(SyntheticVibration.signal(seconds: 1))
        try writer.close()
        let fileMessage = Self.message { _ = try MonitorSource.file(wav, rates: MonitorHarness.pipeline().inputRates, scale: nil) }
        #expect(fileMessage.contains("44,100 Hz") && fileMessage.contains("12,000 Hz only"), "\(fileMessage)")
    }

    @Test func moreThanOneChannelIsRefusedUnlessAColumnIsChosen() throws {
        let samples = SyntheticVibration.signal(seconds: 4)
        let path = try MonitorHarness.temporaryFile(text: "x,y\n" + samples.map { "\($0),\(-$0)" }.joined(separator: "\n"))
        defer { MonitorHarness.remove(path) }
        let m = Self.message { _ = try MonitorHarness.run(format: .csv, path: path, learn: 3) }
        #expect(m.contains("2 channels"), "\(m)")
        let run = try MonitorHarness.run(format: .csv, path: path, learn: 3, column: "y")
        #expect(run.summary.samples == samples.count)
    }

    @Test func learningLongerThanTheStreamIsAClearError() throws {
        let m = Self.message { _ = try MonitorHarness.run(SyntheticVibration.signal(seconds: 2), learn: 3) }
        #expect(m.contains("ended after 2 s") && m.contains("learning period"), "\(m)")
    }

    @Test func learningPeriodTooShortIsAClearError() throws {
        let m = Self.message { _ = try MonitorHarness.run(SyntheticVibration.signal(seconds: 2), learn: 0.1) }
        #expect(m.contains("at least"), "\(m)")
    }

    @Test func emptyInputIsAClearError() throws {
        let path = try MonitorHarness.temporaryFile([])
        defer { MonitorHarness.remove(path) }
        let m = Self.message { _ = try MonitorHarness.run(format: .f32le, path: path, learn: 3) }
        #expect(m.contains("no data") || m.contains("empty"), "\(m)")
    }

    /// A FLAC cut at three quarters: libsndfile reports a decode error after the good frames; the
    /// monitor scores what it got and ends there, reporting the error in the summary.
    @Test func damagedAudioFileEndsTheStreamWithTheError() throws {
        let flac = FileManager.default.temporaryDirectory.appendingPathComponent("motor-anomaly-\(UUID().uuidString).flac").path
        defer { MonitorHarness.remove(flac) }
        let writer = try AudioFileWriter(path: flac, sampleRate: 12000, channels: 1, container: .flac)
        try writer.write(SyntheticVibration.signal(seconds: 6))
        try writer.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: flac))
        try bytes.prefix(bytes.count * 3 / 4).write(to: URL(fileURLWithPath: flac))
        let monitor = try AnomalyMonitor(pipeline: MonitorHarness.pipeline(), start: .learn(seconds: 3))
        let summary = try monitor.run(MonitorSource.file(flac, rates: MonitorHarness.pipeline().inputRates, scale: nil)) { _ in }
        #expect(summary.inputError != nil, "the damage is reported")
        #expect(summary.samples > 36_000 && summary.samples < 72_000)
    }

    @Test func missingAndCorruptFilesAreClearErrors() throws {
        let missing = Self.message { _ = try MonitorSource.file("/nonexistent/x.flac", rates: MonitorHarness.pipeline().inputRates, scale: nil) }
        #expect(missing.contains("no such file"), "\(missing)")
        let corrupt = try MonitorHarness.temporaryFile(Array("RIFF this is not audio at all".utf8), suffix: ".wav")
        defer { MonitorHarness.remove(corrupt) }
        let m = Self.message { _ = try MonitorSource.file(corrupt, rates: MonitorHarness.pipeline().inputRates, scale: nil) }
        #expect(m.contains("not a readable audio file"), "\(m)")
    }
}
