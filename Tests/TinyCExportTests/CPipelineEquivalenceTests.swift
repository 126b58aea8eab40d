import Foundation
import Testing
import TinyCExport
import TinyIO
import TinyTestSupport

/// `tinyml export --target c --pipeline`: for each bundled pipeline, real recordings run through the
/// host engine (`PipelineEngine<PortableRealFFT>`) and through the exported C (gcc, strict C99, its
/// example program on stdin) give the same event lines — sample, label and confidence bits — in the
/// same order, the end of stream (`finish`) included. The Swift side pushes other chunk sizes than
/// the C program, so the events are also chunk-invariant.
@Suite(.serialized) struct CPipelineEquivalenceTests {
    static let hasCompiler = CHarness.compiler != nil

    @Test(.enabled(if: hasCompiler && TestPaths.dataset("kws") != nil, "needs gcc and \(TestPaths.missingDatasetMessage("kws"))"))
    func keywordSpottingEventsEqualSwift() throws {
        let h = try CPipelineHarness(bundled: "kws")
        defer { h.remove() }
        let clips = try ["yes", "no", "up", "stop", "_unknown_"].flatMap { label in
            try CPipelineHarness.manifestFiles(TestPaths.dataset("kws")!, labels: [label], count: 1, split: "test")
        }
        var audio: [Float] = []
        for clip in clips { audio += try AudioStream.readMono(path: clip.file.path, outputRate: 16000) }
        let (bytes, samples) = CPipelineHarness.pcm16(audio)
        let swift = try h.runSwift(samples, chunk: 1999, windows: true)
        let c = try h.runC(bytes, arguments: ["--windows"])
        #expect(c == swift)
        #expect(swift.contains { $0.hasPrefix("event detection") }, "the clips should give detections")
        let detections = swift.filter { !$0.hasPrefix("event window") }
        #expect(try h.runC(bytes) == detections, "without --windows only the detections are printed")
        print("kws: \(clips.count) clips, \(swift.count - detections.count) windows, \(detections.count) detections equal")
    }

    @Test(.enabled(if: hasCompiler && TestPaths.dataset("anomaly") != nil, "needs gcc and \(TestPaths.missingDatasetMessage("anomaly"))"))
    func anomalyEventsEqualSwift() throws {
        let h = try CPipelineHarness(bundled: "anomaly")
        defer { h.remove() }
        let data = TestPaths.dataset("anomaly")!
        let normal = try CPipelineHarness.manifestFiles(data, labels: ["normal"], count: 2)
        let fault = try #require(try CPipelineHarness.manifestFiles(data, labels: ["inner_race", "ball", "outer_race"], count: 1).first)
        func read(_ entry: (file: URL, row: [String: String])) throws -> [Float] {
            let scale = Double(entry.row["scale_g_per_lsb"] ?? "") ?? 1
            return try AudioStream.readMono(path: entry.file.path, scaling: .physical(unitsPerLSB: scale))
        }
        // Two normal recordings (train, then val: more than the 3 s learning period), then 3 s of a fault.
        let samples = try normal.flatMap { try read($0) } + Array(try read(fault).prefix(12000 * 3))
        let swift = try h.runSwift(samples, chunk: 3001, windows: true)
        #expect(try h.runC(CPipelineHarness.f32le(samples), arguments: ["--windows"]) == swift)
        let events = swift.filter { !$0.hasPrefix("event window") }
        #expect(events.first?.hasPrefix("event learned") == true)
        #expect(events.contains { $0.hasPrefix("event alarm-raised") }, "the fault should raise the alarm")
        #expect(try h.runC(CPipelineHarness.f32le(samples)) == events)
        print("anomaly: \(swift.count - events.count) windows, \(events.count) events equal: \(events.map { $0.split(separator: " ")[1] })")
    }

    @Test(.enabled(if: hasCompiler && TestPaths.dataset("gesture") != nil, "needs gcc and \(TestPaths.missingDatasetMessage("gesture"))"))
    func gestureEventsEqualSwift() throws {
        let h = try CPipelineHarness(bundled: "gesture")
        defer { h.remove() }
        let files = try ["ring", "slope", "wing", "negative", "ring", "slope", "wing", "ring", "wing"].enumerated().map { i, label in
            try #require(try CPipelineHarness.manifestFiles(TestPaths.dataset("gesture")!, labels: [label], count: i / 4 + 1).last).file
        }
        var csv = "ax,ay,az\n", samples: [Float] = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst() {
                let cells = line.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                let values = cells.compactMap(Float.init)
                guard values.count == 3 else { continue }
                samples += values
                csv += cells.joined(separator: ",") + "\n"
            }
        }
        let swift = try h.runSwift(samples, chunk: 37)
        #expect(try h.runC(Data(csv.utf8), arguments: ["--csv"]) == swift)
        #expect(try h.runC(CPipelineHarness.f32le(samples)) == swift)
        #expect(!swift.isEmpty, "the gestures should give events")
        print("gesture: \(files.count) recordings, \(samples.count / 3) frames, \(swift.count) events equal")
    }

    @Test(.enabled(if: hasCompiler && TestPaths.dataset("wildlife") != nil, "needs gcc and \(TestPaths.missingDatasetMessage("wildlife"))"))
    func wildlifeEventsEqualSwift() throws {
        let h = try CPipelineHarness(bundled: "wildlife")
        defer { h.remove() }
        let clips = try ["dog", "rooster", "crow"].flatMap { label in
            try CPipelineHarness.manifestFiles(TestPaths.dataset("wildlife")!, labels: [label], count: 1)
        }
        var audio: [Float] = []
        for clip in clips { audio += try AudioStream.readMono(path: clip.file.path, outputRate: 16000) }
        let (bytes, samples) = CPipelineHarness.pcm16(audio)
        let swift = try h.runSwift(samples, chunk: 4097)
        #expect(try h.runC(bytes) == swift)
        #expect(!swift.isEmpty, "the clips should give sound events")
        print("wildlife: \(clips.count) clips, \(swift.count) events equal")
    }

    @Test(.enabled(if: hasCompiler && CHarness.armCompiler != nil, "needs gcc and arm-none-eabi-gcc"),
          arguments: ["kws", "anomaly", "gesture", "wildlife"])
    func compilesForCortexM4AndM7(_ name: String) throws {
        let h = try CPipelineHarness(bundled: name)
        defer { h.remove() }
        let common = ["-mthumb", "-mfloat-abi=hard", "-O2", "-ffp-contract=off", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"]
        let m4 = try h.compileForArm(["-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16"] + common)
        #expect(m4 == nil, "Cortex-M4: \(m4 ?? "")")
        let m7 = try h.compileForArm(["-mcpu=cortex-m7", "-mfpu=fpv5-d16"] + common)
        #expect(m7 == nil, "Cortex-M7: \(m7 ?? "")")
    }

    @Test func refusesAPipelineWithoutItsModel() throws {
        let h = try CPipelineHarness(bundled: "kws")
        defer { h.remove() }
        var source = h.source
        source.model = nil
        let error = #expect(throws: CExportError.self) { try CPipelineExporter.export(source) }
        guard case .missingModel(kind: _, pipeline: source.name) = error else { Issue.record("wrong error \(String(describing: error))"); return }
        #expect("\(error!)".contains("runs a model and none was given"))
        #expect(!"\(error!)".contains("\n"))
    }
}
