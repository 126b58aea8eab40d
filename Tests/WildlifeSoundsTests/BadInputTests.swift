import Foundation
import Testing
import TinyIO
import WildlifeSounds

/// Bad audio ends in one `WildlifeError` line naming the problem, never a crash; audio of another
/// rate or channel count is converted, not refused.
@Suite struct BadInputTests {
    static func recognize(_ path: String) throws -> RecognitionSummary {
        let p = try WildlifeTestSupport.pipeline()
        let r = try WildlifeRecognizer(pipeline: p, classifier: WindowClassifier(pipeline: p))
        return try r.recognize(path: path) { _ in }
    }

    static func message(_ path: String) -> String? {
        do {
            _ = try recognize(path)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func withFile(_ name: String, _ bytes: [UInt8], _ body: (String) throws -> Void) rethrows {
        let path = WildlifeTestSupport.temporaryPath(name)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func missingEmptyCorruptAndTruncatedFilesAreOneLineErrors() throws {
        let missing = try #require(Self.message("/nonexistent/field.wav"))
        #expect(missing.contains("no such file"))
        try Self.withFile("empty.wav", []) { path in
            let m = try #require(Self.message(path))
            #expect(!m.isEmpty && !m.contains("\n"))
        }
        try Self.withFile("corrupt.wav", Array("RIFF????WAVEnot really audio at all".utf8) + [UInt8](repeating: 7, count: 200)) { path in
            let m = try #require(Self.message(path))
            #expect(m.contains(path) && !m.contains("\n"))
        }
        // A valid 1 s WAV cut in the middle of its data chunk.
        let whole = WildlifeTestSupport.temporaryPath("whole.wav")
        defer { try? FileManager.default.removeItem(atPath: whole) }
        try AudioFileWriter.write([Float](repeating: 0.1, count: 16000), to: whole, sampleRate: 16000)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: whole)))
        try Self.withFile("truncated.wav", Array(bytes.prefix(bytes.count / 2))) { path in
            let m = try #require(Self.message(path))
            #expect(m.contains("truncated") || m.contains("ended"), "\(m)")
        }
    }

    @Test func nonFiniteSamplesAreRefused() throws {
        let path = WildlifeTestSupport.temporaryPath("nan.wav")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var samples = [Float](repeating: 0.01, count: 16000)
        samples[8000] = .nan
        try AudioFileWriter.write(samples, to: path, sampleRate: 16000, encoding: .float32)
        let p = try WildlifeTestSupport.pipeline()
        let error = #expect(throws: WildlifeError.self) {
            _ = try WildlifeRecognizer(pipeline: p, classifier: WindowClassifier(pipeline: p)).recognize(path: path) { _ in }
        }
        guard case .input(.nonFiniteSample(path, 8001, 1, let value))? = error, value.isNaN else {
            Issue.record("got \(String(describing: error))")
            return
        }
        let r = try WildlifeRecognizer(pipeline: p, classifier: WindowClassifier(pipeline: p))
        #expect(throws: WildlifeError.self) { try r.push([0, .infinity]) }
    }

    @Test func otherRatesAndChannelCountsAreConverted() throws {
        // 2 s of stereo 44.1 kHz holding a 0.5 s tone burst: read, downmixed, resampled to 16 kHz.
        let path = WildlifeTestSupport.temporaryPath("stereo.wav")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rate = 44100
        var interleaved = [Float](repeating: 0, count: 2 * 2 * rate)
        for i in 0 ..< 2 * rate {
            let t = Double(i) / Double(rate)
            let tone = t >= 1 && t < 1.5 ? 0.2 * sin(2 * Double.pi * 2000 * t) : 0
            let noise = 0.001 * sin(Double(i) * 12.9898).truncatingRemainder(dividingBy: 1)
            interleaved[2 * i] = Float(tone + noise)
            interleaved[2 * i + 1] = Float(tone - noise)
        }
        try AudioFileWriter.write(interleaved, to: path, sampleRate: rate, channels: 2)
        let p = try WildlifeTestSupport.pipeline()
        let r = try WildlifeRecognizer(pipeline: p, classifier: WindowClassifier(pipeline: p))
        var events: [RecognizedEvent] = []
        let summary = try r.recognize(path: path) { events.append($0) }
        #expect(abs(summary.seconds - 2) < 0.001)
        #expect(events.count == 1)
        #expect(events.first.map { abs($0.startSeconds - 1) < 0.1 && abs($0.endSeconds - 1.5) < 0.15 } == true)
    }

    @Test func recordingShorterThanAWindowIsPaddedAndClassified() throws {
        var samples = [Float](repeating: 0, count: 8000)
        for i in 2000 ..< 6000 { samples[i] = Float(0.2 * sin(2 * Double.pi * 1500 * Double(i) / 16000)) }
        let (events, summary) = try WildlifeTestSupport.recognize(samples)
        #expect(events.count == 1 && events[0].windows == 1)
        #expect(summary.inferences == 1 && summary.alwaysOnInferences == 1)
        #expect(summary.classifiedFrames == summary.frames, "the window covers the whole 0.5 s")
    }
}
