import Foundation
import Testing
@testable import TinyIO

/// Writer round trips through the reader, clipping, and refused combinations.
@Suite struct AudioFileWriterTests {
    @Test(arguments: [(AudioFileWriter.Container.wav, AudioFileWriter.Encoding.pcm16), (.flac, .pcm16),
                      (.wav, .pcm24), (.flac, .pcm24), (.wav, .float32)])
    func roundTripIsExactOnTheSampleGrid(_ format: (AudioFileWriter.Container, AudioFileWriter.Encoding)) throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bits: Float = format.1 == .pcm24 ? 23 : 15
        let samples: [Float] = (0 ..< 3000).map { i in
            let x = 0.9 * sin(Float(i) * 0.05) * (i % 2 == 0 ? 1 : -0.5)
            return format.1 == .float32 ? x : (x * pow(2, bits)).rounded() / pow(2, bits)
        }
        let path = dir.appendingPathComponent("x.\(format.0.rawValue)").path
        let writer = try AudioFileWriter(path: path, sampleRate: 22050, channels: 2, container: format.0, encoding: format.1)
        try writer.write(Array(samples[0 ..< 1000]))
        try writer.write(Array(samples[1000...]))
        try writer.close()
        #expect(writer.framesWritten == 1500)
        let (info, back) = try AudioFileReader.readAll(path: path)
        #expect(info.sampleRate == 22050 && info.channelCount == 2 && info.frames == 1500)
        #expect(back == samples)
    }

    @Test func clipsAndWritesInt16Exactly() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("clip.wav").path
        try AudioFileWriter.write([1.5, -2, 1, -1, .nan], to: path, sampleRate: 8000)
        #expect(try AudioFileReader.readAll(path: path).samples == [32767.0 / 32768, -1, 32767.0 / 32768, -1, 0])
        let exact = dir.appendingPathComponent("exact.flac").path
        let writer = try AudioFileWriter(path: exact, sampleRate: 12000, channels: 1, container: .flac)
        try writer.write(int16: [-32768, -1, 0, 1, 32767])
        try writer.close()
        #expect(try AudioStream.readMono(path: exact, scaling: .int16LSB) == [-32768, -1, 0, 1, 32767])
    }

    @Test func refusedCombinationsAndMisuse() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("x.flac").path
        #expect(throws: IOError.unsupportedEncoding("FLAC stores integers only (use pcm16 or pcm24)")) {
            try AudioFileWriter(path: path, sampleRate: 16000, channels: 1, container: .flac, encoding: .float32)
        }
        #expect(throws: IOError.invalidSampleRate(0, accepted: AudioLimits.sampleRates)) {
            try AudioFileWriter(path: path, sampleRate: 0, channels: 1)
        }
        #expect(throws: IOError.unsupportedChannelCount(300, accepted: AudioLimits.channelCounts)) {
            try AudioFileWriter(path: path, sampleRate: 16000, channels: 300)
        }
        #expect(throws: IOError.self) {
            try AudioFileWriter(path: dir.appendingPathComponent("no/such/dir.wav").path, sampleRate: 16000, channels: 1)
        }
        let writer = try AudioFileWriter(path: dir.appendingPathComponent("y.wav").path, sampleRate: 16000, channels: 2)
        #expect(throws: IOError.invalidArgument("3 samples is not a whole number of 2-channel frames")) {
            try writer.write([0, 0, 0])
        }
        try writer.close()
        #expect(throws: IOError.self) { try writer.write([0, 0]) }
        #expect(AudioFileWriter.Container(pathExtension: "a/b.FLAC") == .flac)
        #expect(AudioFileWriter.Container(pathExtension: "a/b.mp3") == nil)
    }
}
