import CSndFile
import Foundation
import Testing
import TinyTestSupport
@testable import TinyIO

/// Audio with a header arriving on a real pipe (as stdin would), in every container: WAV streams,
/// FLAC and Ogg Vorbis are spooled; each decodes to exactly the samples read from the same file by
/// path. Bad pipes end in one-line typed errors.
@Suite struct AudioFromPipeTests {
    /// The read end of a pipe fed `bytes` 1000 at a time from another thread (so every read of the
    /// reader sees a short, non-seekable stream).
    static func pipe(_ bytes: [UInt8]) -> Int32 { PCMStreamReaderTests.pipeDescriptor(bytes, chunk: 1000) }

    /// 1.5 s of stereo 22.05 kHz: a 440 Hz tone and seeded noise, different in each channel.
    static func signal() -> [Float] {
        var random = SplitMix(seed: 7)
        return (0 ..< 33075 * 2).map { i in
            Float(0.3 * sin(2 * Double.pi * 440 * Double(i / 2) / 22050 + Double(i % 2)) + 0.05 * random.nextGaussian())
        }
    }

    /// Writes `signal()` as `container` (wav/flac: `AudioFileWriter`, 16 bit; ogg: libsndfile's Vorbis encoder).
    static func makeFile(_ container: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("signal.\(container)").path
        if let kind = AudioFileWriter.Container(rawValue: container) {
            try AudioFileWriter.write(signal(), to: path, sampleRate: 22050, channels: 2, container: kind)
            return path
        }
        var info = SF_INFO()
        info.samplerate = 22050
        info.channels = 2
        info.format = Int32(SF_FORMAT_OGG) | Int32(SF_FORMAT_VORBIS)
        let file = try #require(sf_open(path, Int32(SFM_WRITE), &info))
        let samples = signal()
        #expect(sf_writef_float(file, samples, sf_count_t(samples.count / 2)) == samples.count / 2)
        #expect(sf_close(file) == 0)
        return path
    }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// Piped samples == samples by path, exactly; WAV keeps streaming (its data chunk declares the
    /// length, which the end of the pipe is checked against), FLAC and Ogg are spooled (length
    /// known, equal to the file's).
    @Test(arguments: ["wav", "flac", "ogg"]) func pipedEqualsFile(container: String) throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.makeFile(container, in: dir)
        let (info, byPath) = try AudioFileReader.readAll(path: path)
        #expect(info.frames == 33075 && byPath.count == 33075 * 2)
        let descriptor = Self.pipe(try Self.bytes(path))
        defer { close(descriptor) }
        let reader = try AudioFileReader(fileDescriptor: descriptor, name: "<stdin>")
        #expect(reader.info.frames == info.frames)
        #expect(reader.info.container == info.container && reader.info.encoding == info.encoding)
        #expect(reader.sampleRate == 22050 && reader.channelCount == 2)
        let piped = try reader.readAll()
        #expect(piped.count == byPath.count && piped == byPath)
    }

    /// A seekable descriptor (stdin redirected from a file) is read in place: FLAC, length known.
    @Test func flacOnASeekableDescriptor() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try Self.makeFile("flac", in: dir)
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        let reader = try AudioFileReader(fileDescriptor: descriptor, name: "<stdin>")
        #expect(reader.info.frames == 33075)
        #expect(try reader.readAll() == (try AudioFileReader.readAll(path: path).samples))
    }

    /// The committed 44.1 kHz stereo WAV through a pipe, resampled, equals the file resampled.
    @Test func wavThroughAPipeResampled() throws {
        let descriptor = Self.pipe(try Self.bytes(AudioFileReaderTests.wav))
        defer { close(descriptor) }
        let reader = try AudioFileReader(fileDescriptor: descriptor, name: "<stdin>")
        #expect(reader.info.frames == (try AudioFileReader.info(path: AudioFileReaderTests.wav)).frames)
        #expect(reader.info.presentFrames == nil, "a pipe's length is known only at its end")
        #expect(reader.sampleRate == 44100 && reader.channelCount == 2)
        let viaPipe = try AudioStream(source: reader, outputRate: 16000).readAll()
        #expect(viaPipe == (try AudioStream.readMono(path: AudioFileReaderTests.wav, outputRate: 16000)))
    }

    /// A WAV reader released after one block, while its relay thread is blocked sending the rest of
    /// a 2 MB stream: the thread's next send fails quietly (a SIGPIPE would end the test process),
    /// and the pipe can still be drained to its end.
    @Test func releasingAStreamingReaderEarlyIsQuiet() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("long.wav").path
        try AudioFileWriter.write([Float](repeating: 0.25, count: 1_000_000), to: path, sampleRate: 16000)
        let descriptor = Self.pipe(try Self.bytes(path))
        defer { close(descriptor) }
        do {
            let reader = try AudioFileReader(fileDescriptor: descriptor, name: "<stdin>")
            var block = [Float](repeating: 0, count: 1000)
            #expect(try block.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) } == 1000)
            #expect(block.allSatisfy { $0 == 0.25 })
        }
        let drain = ByteInput(fileDescriptor: descriptor, name: "<test>")
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while try buffer.withUnsafeMutableBytes({ try drain.read(into: $0) }) > 0 {}
    }

    /// Empty, garbage, too short, a WAV magic over garbage, and a FLAC cut at 60 %: each one typed
    /// error on one line naming `<stdin>`; the truncated FLAC fails as the same cut file does by path.
    @Test func badPipesGiveOneLineErrors() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let flac = try Self.bytes(Self.makeFile("flac", in: dir))
        let cut = Array(flac.prefix(flac.count * 6 / 10))
        let cutPath = dir.appendingPathComponent("cut.flac").path
        try Data(cut).write(to: URL(fileURLWithPath: cutPath))
        let cutByPath = errorMessage { _ = try AudioFileReader.readAll(path: cutPath) }
        #expect(cutByPath.contains("decode error after"), "\(cutByPath)")
        var random = SplitMix(seed: 3)
        let garbage = (0 ..< 5000).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
        func message(_ bytes: [UInt8]) -> String {
            let descriptor = Self.pipe(bytes)
            defer { close(descriptor) }
            return errorMessage { _ = try AudioFileReader(fileDescriptor: descriptor, name: "<stdin>").readAll() }
        }
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], IOError.empty(source: "<stdin>").description),
            ("garbage", garbage, "<stdin>: not a readable audio file: "),
            ("two bytes", [0x52, 0x49], "<stdin>: not a readable audio file: "),
            ("RIFF then garbage", Array("RIFF".utf8) + garbage, "<stdin>: not a readable audio file: "),
            ("truncated FLAC", cut, cutByPath.replacingOccurrences(of: cutPath, with: "<stdin>")),
        ]
        for (label, bytes, expected) in cases {
            let line = message(bytes)
            print("\(label): \(line)")
            #expect(line.hasPrefix(expected), "\(label): \(line)")
            #expect(!line.contains("\n"), "\(label): \(line)")
        }
    }
}
