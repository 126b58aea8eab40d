import Foundation
import Testing
@testable import TinyIO

/// Formats libsndfile reads, and every bad file ending in a typed error.
@Suite struct AudioFileReaderTests {
    static let wav = FixtureFiles.url("resample/stereo_44100.wav").path

    /// 3-channel 24-bit 8 kHz WAV (Python `wave`) → mean → 16 kHz against scipy; tolerance 2e-6.
    @Test func threeChannel24BitDownmixAndUpsample() throws {
        let path = FixtureFiles.url("formats/three_channel_8000_24bit.wav").path
        let info = try AudioFileReader.info(path: path)
        #expect(info.sampleRate == 8000 && info.channelCount == 3 && info.frames == 800)
        #expect(info.encoding == "Signed 24 bit PCM")
        let expected = try FixtureFiles.float32("formats/three_channel_8000_mono_16000.f32")
        let output = try AudioStream.readMono(path: path, outputRate: 16000)
        #expect(output.count == expected.count)
        #expect(FixtureFiles.maxAbsDifference(output, expected) < 2e-6)
    }

    /// Ogg Vorbis: header facts exact; samples equal to what `soundfile` decodes (1e-6), and the
    /// lossy audio still resembles the WAV it was encoded from (SNR > 5 dB on this noisy signal;
    /// `soundfile` gets 7.2 dB too).
    @Test func oggVorbis() throws {
        let (info, ogg) = try AudioFileReader.readAll(path: FixtureFiles.url("formats/stereo_44100.ogg").path)
        #expect(info.container.contains("OGG") && info.encoding.contains("Vorbis"))
        #expect(info.sampleRate == 44100 && info.channelCount == 2 && info.frames == 2205)
        let reference = try FixtureFiles.float32("formats/stereo_44100_ogg_decoded.f32")
        #expect(ogg.count == reference.count && FixtureFiles.maxAbsDifference(ogg, reference) < 1e-6)
        let (_, wav) = try AudioFileReader.readAll(path: Self.wav)
        let signal = wav.reduce(0) { $0 + Double($1 * $1) }
        let noise = zip(ogg, wav).reduce(0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
        #expect(10 * log10(signal / noise) > 5)
    }

    @Test func seekAndBlockReads() throws {
        let reader = try AudioFileReader(path: Self.wav)
        let (_, all) = try AudioFileReader.readAll(path: Self.wav)
        try reader.seek(toFrame: 2000)
        var block = [Float](repeating: 0, count: 1000)
        let frames = try block.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) }
        #expect(frames == 205)
        #expect(Array(block[0 ..< 410]) == Array(all[4000...]))
        #expect(try block.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) } == 0)
        #expect(throws: IOError.self) { try reader.seek(toFrame: 2205) }
    }

    @Test func missingDirectoryEmptyAndGarbageFiles() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.wav").path
        #expect(throws: IOError.fileNotFound(path: missing)) { try AudioFileReader(path: missing) }
        #expect(throws: IOError.unreadable(path: dir.path, reason: "is a directory")) { try AudioFileReader(path: dir.path) }
        let empty = dir.appendingPathComponent("empty.wav")
        try Data().write(to: empty)
        #expect(throws: IOError.empty(source: empty.path)) { try AudioFileReader(path: empty.path) }
        let garbage = dir.appendingPathComponent("garbage.wav")
        try Data((0 ..< 4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }).write(to: garbage)
        Self.expectError(path: garbage.path) { if case .unrecognizedFormat = $0 { true } else { false } }
    }

    /// A WAV whose data chunk is cut short, and a FLAC cut in the middle, never decode silently short.
    @Test func truncatedFiles() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.wav))
        let cutWav = dir.appendingPathComponent("cut.wav")
        try bytes.prefix(bytes.count / 2).write(to: cutWav)
        let flac = dir.appendingPathComponent("whole.flac").path
        let (_, samples) = try AudioFileReader.readAll(path: Self.wav)
        try AudioFileWriter.write(samples, to: flac, sampleRate: 44100, channels: 2, container: .flac)
        let flacBytes = try Data(contentsOf: URL(fileURLWithPath: flac))
        let cutFlac = dir.appendingPathComponent("cut.flac")
        try flacBytes.prefix(flacBytes.count * 2 / 3).write(to: cutFlac)
        for path in [cutWav.path, cutFlac.path] {
            Self.expectError(path: path) { error in
                switch error {
                case .truncated(_, let expected, let read): expected == 2205 && read < 2205
                case .unrecognizedFormat: true
                default: false
                }
            }
        }
    }

    /// A WAV whose data chunk claims 2 GiB (just below the placeholder sizes) but holds 100 bytes
    /// (found by fuzzing: `readAll` reserved the declared 2 G frames, 8.6 GB) reads its 100 frames
    /// and ends in `.truncated`.
    @Test func hugeDeclaredLengthReservesLittle() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var wav = Data("RIFF".utf8) + Data([0xFF, 0xFF, 0xFF, 0xF7]) + Data("WAVEfmt ".utf8)
        wav += Data([16, 0, 0, 0, 1, 0, 1, 0, 0x80, 0x3E, 0, 0, 0x80, 0x3E, 0, 0, 1, 0, 8, 0])  // PCM u8, mono, 16 kHz
        wav += Data("data".utf8) + Data([0x00, 0xFF, 0xFE, 0x7F]) + Data(repeating: 128, count: 100)
        let url = dir.appendingPathComponent("huge.wav")
        try wav.write(to: url)
        Self.expectError(path: url.path) { error in
            if case .truncated(_, 0x7FFE_FF00, 100) = error { true } else { false }
        }
    }

    /// An Ogg Vorbis file whose length libsndfile cannot tell (it says SF_COUNT_MAX frames; found by
    /// fuzzing: `readAll` overflowed reserving them) has an unknown length and, holding no audio, is empty.
    @Test func oggOfUnknownLength() throws {
        let path = FixtureFiles.url("fuzz/ogg-unknown-length.ogg").path
        #expect(try AudioFileReader.info(path: path).frames == 0)
        Self.expectError(path: path) { error in if case .empty = error { true } else { false } }
    }

    /// A zero-frame WAV is empty; a header rate of 0 or 1 GHz is refused naming the accepted range.
    @Test func zeroFramesAndAbsurdHeaderRates() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.wav))
        var header = Data(bytes.prefix(44))
        header.replaceSubrange(40 ..< 44, with: [0, 0, 0, 0])          // data chunk size 0
        header.replaceSubrange(4 ..< 8, with: [36, 0, 0, 0])           // RIFF size
        let zero = dir.appendingPathComponent("zero.wav")
        try header.write(to: zero)
        Self.expectError(path: zero.path) { error in
            if case .empty = error { true } else if case .unrecognizedFormat = error { true } else { false }
        }
        for rate: UInt32 in [0, 1_000_000_000] {
            var patched = bytes
            withUnsafeBytes(of: rate.littleEndian) { patched.replaceSubrange(24 ..< 28, with: $0) }
            let url = dir.appendingPathComponent("rate\(rate).wav")
            try patched.write(to: url)
            Self.expectError(path: url.path) { error in
                if case .invalidSampleRate(Int(rate), AudioLimits.sampleRates) = error { true }
                else if case .unrecognizedFormat = error { true } else { false }
            }
        }
    }

    /// A 300-channel WAV header (libsndfile allows 1024) is refused naming the accepted range.
    @Test func unsupportedChannelCount() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: Self.wav))
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset ..< offset + MemoryLayout<T>.size, with: $0) }
        }
        put(UInt16(300), at: 22)                 // channels
        put(UInt32(44100 * 600), at: 28)         // byte rate
        put(UInt16(600), at: 32)                 // block align
        let url = dir.appendingPathComponent("many.wav")
        try bytes.write(to: url)
        #expect(throws: IOError.unsupportedChannelCount(300, accepted: 1 ... 256)) { try AudioFileReader(path: url.path) }
    }

    /// Opening and reading `path` to the end throws an error `matches` accepts, with a one-line description.
    static func expectError(path: String, sourceLocation: SourceLocation = #_sourceLocation,
                            _ matches: (IOError) -> Bool) {
        do {
            _ = try AudioFileReader.readAll(path: path)
            Issue.record("\(path): read without error", sourceLocation: sourceLocation)
        } catch {
            print("\(path): \(error)")
            #expect(matches(error), "\(error)", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        }
    }
}
