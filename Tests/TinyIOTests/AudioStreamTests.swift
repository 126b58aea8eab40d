import Testing
@testable import TinyIO

/// File → mono → resampled blocks, against scipy (Tools/golden/resample.py) and the raw samples.
@Suite struct AudioStreamTests {
    static let wav = FixtureFiles.url("resample/stereo_44100.wav").path

    @Test func readsHeaderAndExactSamples() throws {
        let (info, samples) = try AudioFileReader.readAll(path: Self.wav)
        #expect(info.sampleRate == 44100 && info.channelCount == 2 && info.frames == 2205)
        #expect(info.container.hasPrefix("WAV") && info.encoding == "Signed 16 bit PCM")
        let raw = try FixtureFiles.int16("resample/stereo_44100.s16")
        #expect(samples == raw.map { Float($0) / 32768 })
    }

    /// Stereo 44.1 kHz int16 → mean → 16 kHz, against `resample_poly(mean(x), 160, 441)` in float64:
    /// tolerance 2e-6 absolute (peak ≈ 0.5), whatever the read sizes and input block size.
    @Test(arguments: [(4096, 16000), (1, 1), (100, 333), (441, 7)])
    func stereo44100ToMono16000MatchesScipy(_ sizes: (Int, Int)) throws {
        let expected = try FixtureFiles.float32("resample/stereo_44100_mono_16000.f32")
        let stream = try AudioStream(path: Self.wav, outputRate: 16000, blockFrames: sizes.0)
        var output: [Float] = []
        var block = [Float](repeating: 0, count: sizes.1)
        while true {
            let n = try stream.read(into: &block)
            output += block[0 ..< n]
            if n < block.count { break }
        }
        #expect(output.count == expected.count)
        #expect(FixtureFiles.maxAbsDifference(output, expected) < 2e-6)
        #expect(try stream.read(into: &block) == 0)
        #expect(stream.samplesDelivered == expected.count)
    }

    @Test func scalingOptions() throws {
        let raw = try FixtureFiles.int16("resample/stereo_44100.s16")
        let left = stride(from: 0, to: raw.count, by: 2).map { Float(raw[$0]) }
        let right = stride(from: 1, to: raw.count, by: 2).map { Float(raw[$0]) }
        let mean = zip(left, right).map { ($0 + $1) / 2 }
        let lsb = try AudioStream.readMono(path: Self.wav, scaling: .int16LSB)
        #expect(lsb == mean)
        let g = try AudioStream.readMono(path: Self.wav, scaling: .physical(unitsPerLSB: 2.5e-4))
        #expect(zip(g, mean).allSatisfy { abs($0 - $1 * 2.5e-4) <= 1e-6 * max(1, abs($0)) })
    }
}
