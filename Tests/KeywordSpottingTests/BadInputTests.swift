import Foundation
import KeywordSpotting
import Testing
import TinyIO

/// Audio input the spotter cannot use is refused with one line naming the file and the problem;
/// audio it can use arrives in any rate and channel count.
@Suite struct BadInputTests {
    static func runError(_ input: KWSAudioInput) throws -> String {
        let spotter = try KWSTestData.spotter()
        return KWSTestData.message {
            let stream = try input.open(for: spotter.pipeline)
            _ = try spotter.run(stream) { _ in }
        }
    }

    static func runFile(bytes: [UInt8], name: String) throws -> String {
        let path = try KWSTestData.temporaryFile(name, bytes: bytes)
        defer { KWSTestData.remove(path) }
        return try runError(.file(path)).replacingOccurrences(of: path, with: "<file>")
    }

    /// A 16-bit mono WAV header for `dataBytes` bytes of samples at `rate`.
    static func wavHeader(rate: Int, dataBytes: Int) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { (0 ..< 4).map { UInt8((v >> (8 * $0)) & 0xff) } }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8((v >> 8) & 0xff)] }
        return Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(rate) + le32(rate * 2) + le16(2) + le16(16) + Array("data".utf8) + le32(dataBytes)
    }

    @Test func missingEmptyCorruptAndTruncatedFilesAreRefused() throws {
        #expect(try Self.runError(.file("/nonexistent/clip.wav")).contains("no such file"))
        #expect(try Self.runFile(bytes: [], name: "empty.wav").contains("no data"))
        let corrupt = try Self.runFile(bytes: (0 ..< 5000).map { UInt8(($0 * 37) & 0xff) }, name: "corrupt.wav")
        #expect(corrupt.contains("not a readable audio file"), "\(corrupt)")
        let truncated = try Self.runFile(bytes: Self.wavHeader(rate: 16000, dataBytes: 64000) + [UInt8](repeating: 1, count: 20000),
                                         name: "truncated.wav")
        #expect(truncated.contains("truncated"), "\(truncated)")
        let noFrames = try Self.runFile(bytes: Self.wavHeader(rate: 16000, dataBytes: 0), name: "noframes.wav")
        #expect(noFrames.contains("no data"), "\(noFrames)")
    }

    @Test func ratesTooLowForTheFrontEndAreRefused() throws {
        let path = try KWSTestData.temporaryFile("low.wav", bytes: Self.wavHeader(rate: 4000, dataBytes: 8000) + [UInt8](repeating: 0, count: 8000))
        defer { KWSTestData.remove(path) }
        let p = try KWSTestData.pipeline()
        #expect(p.inputRates.accepted == 8000 ... 192_000)
        #expect(throws: KWSError.input(.rateOutsidePipeline(source: path, rate: 4000, consumer: "the kws pipeline", accepted: 8000 ... 192_000))) {
            _ = try KWSAudioInput.file(path).open(for: p)
        }
        // Raw PCM on stdin carries no rate: a wrong --rate is refused before anything is read.
        let zero = KWSTestData.message { _ = try KWSAudioInput.standardInputPCM(rate: 0, channels: 1, encoding: .s16le).open(for: p) }
        #expect(zero.contains("sample rate"), "\(zero)")
        #expect(throws: KWSError.input(.rateOutsidePipeline(source: "<stdin>", rate: 4000, consumer: "the kws pipeline", accepted: 8000 ... 192_000))) {
            _ = try KWSAudioInput.standardInputPCM(rate: 4000, channels: 1, encoding: .s16le).open(for: p)
        }
        let channels = KWSTestData.message { _ = try KWSAudioInput.standardInputPCM(rate: 16000, channels: 0, encoding: .s16le).open(for: p) }
        #expect(channels.contains("channel"), "\(channels)")
    }

    @Test func nonFiniteSamplesAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kws-\(UUID().uuidString)-nan.wav").path
        defer { KWSTestData.remove(path) }
        var samples = [Float](repeating: 0.1, count: 20000)
        samples[12345] = .nan
        try AudioFileWriter.write(samples, to: path, sampleRate: 16000, encoding: .float32)
        let spotter = try KWSTestData.spotter()
        let error = #expect(throws: KWSError.self) { _ = try spotter.run(KWSAudioInput.file(path).open(for: spotter.pipeline)) { _ in } }
        guard case .input(.nonFiniteSample(path, 12346, 1, let value))? = error, value.isNaN else {
            Issue.record("got \(String(describing: error))")
            return
        }
    }

    /// A `test` clip of "yes" written as 44.1 kHz stereo float: downmixed, resampled, detected.
    @Test(.enabled(if: KWSTestData.haveDataset, "\(KWSTestData.missing)"))
    func otherRatesAndChannelCountsAreResampledAndDetected() throws {
        let row = try #require(try KWSTestData.manifest().entries(split: "test", label: "yes").first)
        let clip = try AudioStream.readMono(path: row.url.path, outputRate: 44100)
        let padded = [Float](repeating: 0, count: 22050) + clip + [Float](repeating: 0, count: 22050)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kws-\(UUID().uuidString)-stereo.wav").path
        defer { KWSTestData.remove(path) }
        try AudioFileWriter.write(padded.flatMap { [$0, $0] }, to: path, sampleRate: 44100, channels: 2, encoding: .float32)
        let spotter = try KWSTestData.spotter()
        var found: [Detection] = []
        let summary = try spotter.run(KWSAudioInput.file(path).open(for: spotter.pipeline)) { found.append($0) }
        #expect(abs(summary.seconds - 2.0) < 0.01)
        #expect(found.map(\.label) == ["yes"])
        #expect(found.allSatisfy { $0.time > 0.5 && $0.time < 2.0 })
    }
}
