import Foundation
import Testing
import TinyTestSupport
@testable import TinyIO

/// `Manifest` on the four shared datasets (skipped without them) and on hostile manifests.
@Suite struct ManifestTests {
    @Test(.enabled(if: TestPaths.dataset("anomaly") != nil, Comment(rawValue: TestPaths.missingDatasetMessage("anomaly"))))
    func anomalyManifestQuotedCommasAndTypedColumns() throws {
        let manifest = try Manifest(contentsOf: TestPaths.dataset("anomaly")!)
        #expect(manifest.columns.contains("scale_g_per_lsb") && manifest.columns.contains("sample_rate_hz"))
        let first = manifest.entries[0]
        #expect(first.file == "normal/1797rpm_0hp_normal_DE_train.flac")
        #expect(first["source"] == "CWRU 97.mat (1797_Normal.npz), DE channel, 48k->12k")
        #expect(first["rpm"] == "1797" && first.label == "normal" && first.split == "train")
        #expect(first.sampleRateHz == 12000)
        #expect(first.scaleGPerLSB == 2.60769230769e-05)
        #expect(first.scaling == .physical(unitsPerLSB: 2.60769230769e-05))
        #expect(manifest.entries.allSatisfy { $0.values.count == manifest.columns.count })
        #expect(Set(manifest.labels) == ["normal", "inner_race", "ball", "outer_race"])
        #expect(manifest.entries(split: "test").count == 45)
        #expect(manifest.entries.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
    }

    /// Every anomaly row's FLAC header agrees with its `sample_rate_hz` and `n_samples`, and the first
    /// file streams in g: int16 × scale, as SOURCE.md defines (checked exactly against `.int16LSB` × scale).
    @Test(.enabled(if: TestPaths.dataset("anomaly") != nil, Comment(rawValue: TestPaths.missingDatasetMessage("anomaly"))))
    func anomalyHeadersAgreeWithTheManifest() throws {
        let manifest = try Manifest(contentsOf: TestPaths.dataset("anomaly")!)
        for entry in manifest.entries {
            let info = try AudioFileReader.info(path: entry.path)
            #expect(info.sampleRate == entry.sampleRateHz && info.channelCount == 1, "\(entry.file)")
            #expect(info.frames == Int(entry["n_samples"] ?? ""), "\(entry.file)")
        }
        let entry = manifest.entries[0]
        let g = try entry.audioStream().readAll()
        let lsb = try entry.audioStream(scaling: .int16LSB).readAll()
        #expect(g.count == 36591 && lsb.allSatisfy { $0 == $0.rounded() })
        let scale = Float(entry.scaleGPerLSB!)
        #expect(zip(g, lsb).allSatisfy { $0 == $1 * scale })
        let resampled = try entry.audioStream(outputRate: 16000).readAll()
        #expect(resampled.count == (36591 * 4 + 2) / 3)
    }

    @Test func declaredRateMustMatchTheHeader() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try AudioFileWriter.write([0, 0.5, -0.5], to: dir.appendingPathComponent("a.wav").path, sampleRate: 8000)
        try "file,sample_rate_hz\na.wav,16000\n".write(to: dir.appendingPathComponent("MANIFEST.csv"), atomically: true, encoding: .utf8)
        let entry = try Manifest(contentsOf: dir).entries[0]
        #expect(throws: IOError.sampleRateMismatch(path: entry.path, file: 8000, declared: 16000)) { try entry.audioStream() }
    }

    /// Each manifest parses, every row resolves to an existing file, and the split/label filter partitions it.
    @Test(arguments: ["kws", "anomaly", "gesture", "wildlife", "gesture/extra_spells"])
    func everySharedManifestLoads(_ name: String) throws {
        let root = TestPaths.datasetsRoot.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("MANIFEST.csv").path) else {
            print("skipped: \(TestPaths.missingDatasetMessage(name))")
            return
        }
        let manifest = try Manifest(contentsOf: root)
        #expect(!manifest.entries.isEmpty)
        #expect(manifest.entries.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        let partitioned = manifest.splits.reduce(0) { $0 + manifest.entries(split: $1).count }
        #expect(partitioned == manifest.entries.count)
        let label = try #require(manifest.labels.first)
        #expect(manifest.entries(label: label).allSatisfy { $0.label == label })
    }

    @Test func quotingRules() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "\u{FEFF}file,label,split,note\r\n"
            + "a.wav,yes,train,\"one, two\"\r\n"
            + "\r\n"
            + "b.wav,no,test,\"say \"\"hi\"\"\nsecond line\"\n"
            + "/abs/c.wav,no,val,\n"
        let url = dir.appendingPathComponent("MANIFEST.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let manifest = try Manifest(contentsOf: dir)
        #expect(manifest.columns == ["file", "label", "split", "note"])
        #expect(manifest.entries.count == 3)
        #expect(manifest.entries[0]["note"] == "one, two")
        #expect(manifest.entries[1]["note"] == "say \"hi\"\nsecond line")
        #expect(manifest.entries[1].line == 4)
        #expect(manifest.entries[2].line == 6 && manifest.entries[2].path == "/abs/c.wav")
        #expect(manifest.entries[0].url == dir.appendingPathComponent("a.wav"))
        #expect(manifest.entries[2]["note"] == "" && manifest.entries[2]["missing"] == nil)
        #expect(manifest.entries(split: "test", label: "no").map(\.file) == ["b.wav"])
    }

    @Test func badManifestsThrowWithLineNumbers() throws {
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func load(_ text: String) throws(IOError) -> Manifest {
            let url = dir.appendingPathComponent("m.csv")
            try! text.write(to: url, atomically: true, encoding: .utf8)
            return try Manifest(contentsOf: url)
        }
        let path = dir.appendingPathComponent("m.csv").path
        #expect(throws: IOError.wrongColumnCount(source: path, line: 3, expected: 3, found: 2)) {
            try load("file,label,split\na,b,c\nd,e\n")
        }
        #expect(throws: IOError.unterminatedQuote(source: path, line: 2)) { try load("file,label\n\"a,b\nc,d\n") }
        #expect(throws: IOError.unknownColumn(source: path, name: "file", available: ["path", "label"])) {
            try load("path,label\na,b\n")
        }
        #expect(throws: IOError.invalidValue(source: path, line: 2, column: "sample_rate_hz", text: "fast",
                                             expected: "a sample rate in 1...768000 Hz")) {
            try load("file,sample_rate_hz\na.wav,fast\n")
        }
        #expect(throws: IOError.invalidValue(source: path, line: 3, column: "scale_g_per_lsb", text: "nan",
                                             expected: "a finite positive number")) {
            try load("file,scale_g_per_lsb\na.wav,0.5\nb.wav,nan\n")
        }
        #expect(throws: IOError.empty(source: path)) { try load("") }
        #expect(throws: IOError.fileNotFound(path: dir.appendingPathComponent("nope.csv").path)) {
            try Manifest(contentsOf: dir.appendingPathComponent("nope.csv"))
        }
        let typed = try load("file,sample_rate_hz,scale_g_per_lsb\na.wav,,\nb.wav,25, 0.001 \n")
        #expect(typed.entries[0].sampleRateHz == nil && typed.entries[0].scaling == .fullScale)
        #expect(typed.entries[1].sampleRateHz == 25 && typed.entries[1].scaleGPerLSB == 0.001)
    }
}
