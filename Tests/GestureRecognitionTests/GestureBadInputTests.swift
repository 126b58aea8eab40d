import Foundation
import GestureRecognition
import Testing
import TinyFeatures
import TinyIO
import TinyTestSupport

/// Bad recordings, streams and pipeline files end in one clear error, never a crash or a guess.
@Suite struct GestureBadInputTests {
    /// 60 rows of plausible motion in g.
    static let rows: [[Float]] = (0 ..< 60).map { t in [0.1 * Float(t % 7) - 0.3, -0.8, 0.55] }

    static func message(_ body: () throws -> Void) -> String { errorMessage(body) }

    static func classify(_ text: String) throws {
        let classifier = try GestureFileClassifier(pipeline: try GestureTestData.pipeline())
        _ = try classifier.classify(path: try GestureTestData.temporaryFile(text))
    }

    @Test func aGoodFileClassifies() throws {
        try Self.classify(GestureTestData.csv(Self.rows))
    }

    @Test func shortRecordingsAreRefused() {
        let m = Self.message { try Self.classify(GestureTestData.csv(Array(Self.rows.prefix(10)))) }
        #expect(m.contains("10 samples") && m.contains("shorter"), "\(m)")
    }

    @Test func notANumberNamesTheLine() {
        var text = GestureTestData.csv(Self.rows)
        text = text.replacingOccurrences(of: "\n-0.3,-0.8,0.55\n", with: "\n-0.3,nan,0.55\n")
        let m = Self.message { try Self.classify(text) }
        #expect(m.contains("input.csv:2:") && m.contains("'nan' is not a finite number"), "\(m)")
    }

    @Test func garbageNamesTheLine() {
        let text = GestureTestData.csv(Self.rows) + "0.1,zz,0.9\n"
        let m = Self.message { try Self.classify(text) }
        #expect(m.contains("input.csv:62:") && m.contains("'zz' is not a number"), "\(m)")
    }

    @Test func aRowWithTheWrongColumnCountIsRefused() {
        let text = GestureTestData.csv(Self.rows) + "0.1,0.2\n"
        let m = Self.message { try Self.classify(text) }
        #expect(m.contains("input.csv:62: expected 3 columns, found 2"), "\(m)")
    }

    @Test func aFileWithTooFewColumnsIsRefused() {
        let text = GestureTestData.csv(Self.rows.map { Array($0.prefix(2)) }, header: "ax_g,ay_g")
        let m = Self.message { try Self.classify(text) }
        #expect(m.contains("2 columns"), "\(m)")
    }

    @Test func emptyAndMissingFilesAreRefused() throws {
        let empty = Self.message { try Self.classify("ax_g,ay_g,az_g\n") }
        #expect(empty.contains("input.csv"), "\(empty)")
        let classifier = try GestureFileClassifier(pipeline: try GestureTestData.pipeline())
        let missing = Self.message { _ = try classifier.classify(path: "/nonexistent/gesture.csv") }
        #expect(missing.contains("/nonexistent/gesture.csv"), "\(missing)")
    }

    @Test func dataWithoutGravityIsRefused() {
        let m = Self.message { try Self.classify(GestureTestData.csv(Self.rows.map { $0.map { $0 * 0.05 } })) }
        #expect(m.contains("accelerometer unit"), "\(m)")
    }

    @Test func aStreamShorterThanTheMinimumIsRefused() throws {
        let p = try GestureTestData.pipeline()
        let stream = try GestureStream(pipeline: p, inputRate: 25, sourceName: "<stdin>",
                                       unit: .g) { _ in }
        for row in Self.rows.prefix(5) { try stream.push(row) }
        let m = Self.message { try stream.finish() }
        #expect(m.contains("<stdin>") && m.contains("shorter"), "\(m)")
    }

    /// A copy of the committed pipeline.json with `edit` applied, beside the committed model.
    static func pipelineMessage(_ edit: (inout [String: Any]) -> Void) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: GestureTestData.pipelinePath))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["model"] = URL(fileURLWithPath: GestureTestData.pipelinePath).deletingLastPathComponent()
            .appendingPathComponent(object["model"] as? String ?? "").path
        edit(&object)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let path = try GestureTestData.temporaryFile(text, name: "pipeline.json")
        return message { _ = try GesturePipeline(path: path).makeClassifier() }
    }

    @Test func theCommittedPipelineCopyLoads() throws {
        #expect(try Self.pipelineMessage { _ in } == "no error")
    }

    @Test func badPipelineFilesNameTheProblem() throws {
        #expect(try Self.pipelineMessage { $0["hopp"] = 4 }.contains("hopp: unknown key"))
        #expect(try Self.pipelineMessage { $0.removeValue(forKey: "hop") }.contains("hop: missing"))
        #expect(try Self.pipelineMessage { $0["negativeLabel"] = "idle" }.contains("negativeLabel"))
        #expect(try Self.pipelineMessage { $0["labels"] = ["a", "b", "c"]; $0["negativeLabel"] = "a" }.contains("3 labels"))
        #expect(try Self.pipelineMessage { $0["model"] = "/nonexistent/model.tflite" }.contains("/nonexistent/model.tflite"))
        let stale = try Self.pipelineMessage { object in
            var features = object["features"] as? [String: Any] ?? [:]
            var q = features["quantization"] as? [String: Any] ?? [:]
            q["zeroPoint"] = 5
            features["quantization"] = q
            object["features"] = features
        }
        #expect(stale.contains("input quantisation"), "\(stale)")
    }
}
