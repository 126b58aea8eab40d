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
        #expect(run.summary.samples == samples.count, "every good line is a sample")
        #expect(run.summary.note?.contains("is not") == true, "the last problem is reported: \(run.summary.note ?? "none")")
        #expect(run.summary.alarmsRaised == 0)
    }

    @Test func nonFiniteFloatSamplesAreReplacedAndCounted() throws {
        var samples = SyntheticVibration.signal(seconds: 4)
        samples[40_000] = .nan
        samples[41_000] = .infinity
        let run = try MonitorHarness.run(samples, learn: 3)
        #expect(run.summary.skippedValues == 2)
    }

    @Test func streamEndingMidWindowReportsTheTrailingSamples() throws {
        let extra = 700   // the last window ends at 512·w + 1024; 700 more samples complete no window
        let whole = (4 * 12000 - 1024) / 512 * 512 + 1024
        let run = try MonitorHarness.run(Array(SyntheticVibration.signal(seconds: 5).prefix(whole + extra)), learn: 3)
        #expect(run.summary.windows == (whole - 1024) / 512 + 1 + (extra >= 512 ? 1 : 0))
        #expect(run.summary.trailingSamples == extra - 512)
        #expect(run.summary.samples == whole + extra)
    }

    @Test func oddTrailingByteOfRawPCMIsDroppedNotFatal() throws {
        let s16 = SyntheticVibration.signal(seconds: 4).flatMap { v -> [UInt8] in
            let i = UInt16(bitPattern: Int16(max(-32768, min(32767, (v * 32768).rounded()))))
            return [UInt8(i & 0xff), UInt8(i >> 8)]
        }
        let path = try MonitorHarness.temporaryFile(s16 + [0x7f])
        defer { MonitorHarness.remove(path) }
        let run = try MonitorHarness.run(format: .s16le, path: path, learn: 3)
        #expect(run.summary.samples == 48_000)
    }

    @Test func wrongRateIsRefusedClearly() throws {
        let path = try MonitorHarness.temporaryFile(MonitorHarness.f32le(SyntheticVibration.signal(seconds: 4)))
        defer { MonitorHarness.remove(path) }
        let m = Self.message { _ = try MonitorHarness.run(format: .f32le, path: path, rate: 16000, learn: 3) }
        #expect(m.contains("16000 Hz") && m.contains("12000 Hz"), "\(m)")

        let wav = FileManager.default.temporaryDirectory.appendingPathComponent("motor-anomaly-\(UUID().uuidString).wav").path
        defer { MonitorHarness.remove(wav) }
        let writer = try AudioFileWriter(path: wav, sampleRate: 44100, channels: 1)
        try writer.write(SyntheticVibration.signal(seconds: 1))
        try writer.close()
        let fileMessage = Self.message { _ = try MonitorSource.file(wav, expectedRate: 12000, scale: nil) }
        #expect(fileMessage.contains("44100 Hz") && fileMessage.contains("12000 Hz"), "\(fileMessage)")
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
        let summary = try monitor.run(MonitorSource.file(flac, expectedRate: 12000, scale: nil)) { _ in }
        #expect(summary.inputError != nil, "the damage is reported")
        #expect(summary.samples > 36_000 && summary.samples < 72_000)
    }

    @Test func missingAndCorruptFilesAreClearErrors() throws {
        let missing = Self.message { _ = try MonitorSource.file("/nonexistent/x.flac", expectedRate: 12000, scale: nil) }
        #expect(missing.contains("no such file"), "\(missing)")
        let corrupt = try MonitorHarness.temporaryFile(Array("RIFF this is not audio at all".utf8), suffix: ".wav")
        defer { MonitorHarness.remove(corrupt) }
        let m = Self.message { _ = try MonitorSource.file(corrupt, expectedRate: 12000, scale: nil) }
        #expect(m.contains("not a readable audio file"), "\(m)")
    }
}
