import Foundation
import Testing
@testable import TinyIO

/// Raw PCM from files and pipes: encodings, partial frames, non-finite samples, bad options.
@Suite struct PCMStreamReaderTests {
    static let s16 = FixtureFiles.url("resample/stereo_44100.s16").path
    static let wav = FixtureFiles.url("resample/stereo_44100.wav").path

    /// The raw s16le twin of the stereo WAV reads identically, and streams to 16 kHz mono
    /// exactly as the WAV does.
    @Test func s16leMatchesTheWav() throws {
        let (_, wav) = try AudioFileReader.readAll(path: Self.wav)
        let reader = try PCMStreamReader(path: Self.s16, encoding: .s16le, channels: 2, sampleRate: 44100)
        var samples = [Float](repeating: 0, count: wav.count + 100)
        let frames = try samples.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) }
        #expect(frames == 2205 && Array(samples[0 ..< wav.count]) == wav && reader.droppedTrailingBytes == 0)
        let viaPCM = try AudioStream(source: PCMStreamReader(path: Self.s16, encoding: .s16le, channels: 2, sampleRate: 44100),
                                     outputRate: 16000).readAll()
        #expect(viaPCM == (try AudioStream.readMono(path: Self.wav, outputRate: 16000)))
    }

    /// A pipe delivering odd-sized writes joins split frames; 3 trailing bytes are dropped, counted,
    /// and reported as `.endedMidFrame` by the read after every whole frame was delivered.
    @Test func pipeWithSplitFramesAndTrailingBytes() throws {
        let values: [Float] = (0 ..< 999).map { Float($0) / 1000 - 0.5 }
        var bytes = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        bytes += [1, 2, 3]
        let reader = try PCMStreamReader(input: Self.pipe(bytes, chunk: 7), encoding: .f32le, channels: 3, sampleRate: 100)
        var out = [Float](repeating: 0, count: 30)
        var all: [Float] = []
        var cut: IOError?
        while true {
            do {
                let frames = try out.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) }
                all += out[0 ..< frames * 3]
            } catch {
                cut = error as? IOError
                break
            }
        }
        #expect(all == values && reader.framesRead == 333 && reader.droppedTrailingBytes == 3)
        #expect(cut == .endedMidFrame(source: "<test>", frames: 333, trailingBytes: 3, frameBytes: 12))
        #expect(cut?.endedEarly == true)
        #expect(try out.withUnsafeMutableBufferPointer { try reader.readFrames(into: $0) } == 0, "then 0, as for any ended input")
    }

    /// `.skip` holds the channel's previous good sample (0 before the first) and reports each live.
    @Test func nonFiniteSamplesFailOrAreHeldAndCounted() throws {
        let values: [Float] = [0.25, .nan, -0.5, .infinity, 0.125, 0.5]
        let bytes = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        let strict = try PCMStreamReader(input: Self.pipe(bytes), encoding: .f32le, channels: 2, sampleRate: 16000)
        var out = [Float](repeating: 0, count: 6)
        do {
            _ = try out.withUnsafeMutableBufferPointer { try strict.readFrames(into: $0) }
            Issue.record("NaN accepted")
        } catch let error as IOError {
            guard case .nonFiniteSample("<test>", 1, 2, let value) = error else { Issue.record("\(error)"); return }
            #expect(value.isNaN)
        }
        let lenient = try PCMStreamReader(input: Self.pipe(bytes), encoding: .f32le, channels: 2, sampleRate: 16000, nonFinite: .skip)
        var skipped: [Int] = []
        lenient.onSkipped = { skipped.append($0.frame) }
        #expect(try out.withUnsafeMutableBufferPointer { try lenient.readFrames(into: $0) } == 3)
        #expect(out == [0.25, 0, -0.5, 0, 0.125, 0.5] && lenient.badSamples.nonFinite == 2)
        #expect(skipped == [0, 1])
        let held = [Float](arrayLiteral: 0.25, 0.75, .nan, .nan, -0.5, .infinity)
        let holding = try PCMStreamReader(input: Self.pipe(held.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }),
                                          encoding: .f32le, channels: 2, sampleRate: 16000, nonFinite: .skip)
        #expect(try out.withUnsafeMutableBufferPointer { try holding.readFrames(into: $0) } == 3)
        #expect(out == [0.25, 0.75, 0.25, 0.75, -0.5, 0.75])
        let allBad = try PCMStreamReader(input: Self.pipe(bytes.prefix(8).map { _ in 0xff }), encoding: .f32le, channels: 2,
                                         sampleRate: 16000, nonFinite: .skip)
        #expect(throws: IOError.noValidData(source: "<test>", skipped: 2)) { try out.withUnsafeMutableBufferPointer { try allBad.readFrames(into: $0) } }
    }

    @Test func emptyStreamsAndAbsurdOptions() throws {
        let empty = try PCMStreamReader(input: Self.pipe([]), encoding: .s16le, channels: 1, sampleRate: 16000)
        var out = [Float](repeating: 0, count: 8)
        #expect(throws: IOError.empty(source: "<test>")) { try out.withUnsafeMutableBufferPointer { try empty.readFrames(into: $0) } }
        let oneByte = try PCMStreamReader(input: Self.pipe([7]), encoding: .s16le, channels: 1, sampleRate: 16000)
        #expect(throws: IOError.empty(source: "<test>")) { try out.withUnsafeMutableBufferPointer { try oneByte.readFrames(into: $0) } }
        #expect(throws: IOError.invalidSampleRate(0, accepted: 1 ... 768_000)) {
            try PCMStreamReader(input: Self.pipe([]), encoding: .s16le, channels: 1, sampleRate: 0)
        }
        #expect(throws: IOError.invalidSampleRate(-16000, accepted: 1 ... 768_000)) {
            try PCMStreamReader(input: Self.pipe([]), encoding: .s16le, channels: 1, sampleRate: -16000)
        }
        #expect(throws: IOError.unsupportedChannelCount(0, accepted: 1 ... 256)) {
            try PCMStreamReader(input: Self.pipe([]), encoding: .s16le, channels: 0, sampleRate: 16000)
        }
        #expect(IOError.invalidSampleRate(0, accepted: 1 ... 768_000).description
                == "sample rate 0 Hz is not accepted (accepted: 1...768000 Hz)")
    }

    /// `bytes` through a real pipe, written `chunk` bytes at a time from another thread.
    static func pipe(_ bytes: [UInt8], chunk: Int = 1 << 16) -> ByteInput {
        ByteInput(fileDescriptor: pipeDescriptor(bytes, chunk: chunk), name: "<test>", closeWhenDone: true)
    }

    /// The read end (a descriptor the caller closes or hands over) of a pipe fed with `bytes`.
    static func pipeDescriptor(_ bytes: [UInt8], chunk: Int = 1 << 16) -> Int32 {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                writer.write(Data(bytes[start ..< min(start + chunk, bytes.count)]))
            }
            try? writer.close()
        }
        return dup(pipe.fileHandleForReading.fileDescriptor)
    }
}
