import Foundation
import Testing
@testable import TinyIO

/// Truncated and randomly corrupted files end in data or a typed error, never a crash or a hang.
@Suite struct HostileInputTests {
    /// WAV and FLAC cut at ~60 lengths and with 150 random 8-byte mutations each.
    @Test func corruptedAudioFiles() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let wav = [UInt8](try Data(contentsOf: FixtureFiles.url("resample/stereo_44100.wav")))
        let flacPath = dir.appendingPathComponent("x.flac").path
        try AudioFileWriter.write(try AudioFileReader.readAll(path: FixtureFiles.url("resample/stereo_44100.wav").path).samples,
                                  to: flacPath, sampleRate: 44100, channels: 2, container: .flac)
        let flac = [UInt8](try Data(contentsOf: URL(fileURLWithPath: flacPath)))
        var rng = SplitMix64(seed: 42)
        var outcomes = (ok: 0, failed: 0)
        for (name, bytes) in [("w.wav", wav), ("f.flac", flac)] {
            var variants = stride(from: 0, to: bytes.count, by: max(1, bytes.count / 60)).map { Array(bytes[0 ..< $0]) }
            for _ in 0 ..< 150 {
                var mutated = bytes
                for _ in 0 ..< 8 { mutated[Int(rng.next() % UInt64(mutated.count))] = UInt8(truncatingIfNeeded: rng.next()) }
                variants.append(mutated)
            }
            let url = dir.appendingPathComponent(name)
            for variant in variants {
                try Data(variant).write(to: url)
                do {
                    _ = try AudioStream.readMono(path: url.path, outputRate: 16000)
                    outcomes.ok += 1
                } catch {
                    #expect(!error.description.isEmpty && !error.description.contains("\n"))
                    outcomes.failed += 1
                }
            }
        }
        #expect(outcomes.failed > 0 && outcomes.ok > 0)
    }

    /// Random text of CSV-significant bytes through the sensor reader (both policies) and the manifest parser.
    @Test func randomCSVText() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let alphabet = Array("0123456789.,-e\"\n\r \tnaif#x".utf8) + [0, 0xFF, 0xEF, 0xBB, 0xBF]
        var rng = SplitMix64(seed: 7)
        let url = dir.appendingPathComponent("r.csv")
        for round in 0 ..< 200 {
            let length = Int(rng.next() % 400)
            let bytes = (0 ..< length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            try Data(bytes).write(to: url)
            for policy in [BadInputPolicy.fail, .skip] {
                do {
                    let reader = try CSVSensorReader(path: url.path, options: CSVOptions(badLines: policy))
                    let values = try reader.readAll()
                    #expect(values.count == reader.rowsRead * reader.channelCount && values.allSatisfy(\.isFinite))
                } catch {
                    #expect(!error.description.contains("\n"), "round \(round): \(error)")
                }
            }
            do { _ = try Manifest(contentsOf: url) } catch { #expect(!error.description.contains("\n")) }
        }
    }
}
