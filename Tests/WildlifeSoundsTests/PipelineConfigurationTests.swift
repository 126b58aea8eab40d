import Foundation
import Testing
import TinyTestSupport
import WildlifeSounds

/// The committed pipeline.json and model agree, and bad pipeline files fail with one line naming
/// the problem.
@Suite struct PipelineConfigurationTests {
    @Test func committedPipelineLoadsAndMatchesItsModel() throws {
        let p = try WildlifeTestSupport.pipeline()
        #expect(p.labels.count == 12 && p.labels.first == "cat" && p.labels.last == "sheep")
        #expect(p.windowFrames == 32 && p.bands == 32)
        #expect(p.frameSpec.frontEnd.framesPerInput == 1 && p.frameSpec.quantization == nil)
        #expect(abs(p.hopSeconds - 0.032) < 1e-12)
        #expect(abs(p.decibelsPerUnit - 10 / log(10.0)) < 1e-12)
        let c = try WindowClassifier(pipeline: p)
        #expect(c.model.inputs[0].shape == [1, 32, 32, 1])
        #expect(c.model.outputs[0].elementCount == 12)
    }

    /// Writes the committed pipeline.json with `edit` applied into a temporary directory (the model
    /// path made absolute) and loads it.
    static func load(editing edit: (inout [String: Any]) -> Void) throws -> WildlifePipeline {
        let source = URL(fileURLWithPath: WildlifeTestSupport.pipelinePath).appendingPathComponent("pipeline.json")
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        object["model"] = URL(fileURLWithPath: WildlifeTestSupport.pipelinePath).appendingPathComponent(object["model"] as! String).path
        edit(&object)
        let path = WildlifeTestSupport.temporaryPath("pipeline.json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return try WildlifePipeline(path: path)
    }

    static func error(editing edit: (inout [String: Any]) -> Void) -> String? {
        do {
            _ = try load(editing: edit)
            return nil
        } catch {
            return "\(error)"
        }
    }

    static func section(_ o: inout [String: Any], _ name: String, _ key: String, _ value: Any) {
        var s = o[name] as! [String: Any]
        s[key] = value
        o[name] = s
    }

    @Test func badPipelinesAreOneLineErrors() throws {
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("detector.onsetDb: unknown key", { Self.section(&$0, "detector", "onsetDb", 3) }),
            ("offsetDecibels ≤ onsetDecibels", { Self.section(&$0, "detector", "offsetDecibels", 12) }),
            ("detector.loudestBands", { Self.section(&$0, "detector", "loudestBands", 40) }),
            ("aggregation.prerollFrames", { Self.section(&$0, "aggregation", "prerollFrames", 32) }),
            ("labels: must be distinct", { $0["labels"] = ["cat", "cat"] }),
            ("format", { $0["format"] = "tinyml-anomaly-pipeline" }),
            ("detector.hangoverSeconds: missing", { var d = $0["detector"] as! [String: Any]; d["hangoverSeconds"] = nil; $0["detector"] = d }),
            ("detector.onsetDecibels: expected a number", { Self.section(&$0, "detector", "onsetDecibels", "loud") }),
            ("features.dct", { Self.section(&$0, "features", "dct", ["coefficients": 10, "normalization": "ortho", "lifter": 0]) }),
        ]
        for (expected, edit) in cases {
            let message = try #require(Self.error(editing: edit), "accepted: \(expected)")
            #expect(message.contains(expected), "\(message)")
            #expect(!message.contains("\n"))
        }
        #expect(Self.error { _ in } == nil, "the unedited copy loads")
        #expect(throws: WildlifeError.self) { try WildlifePipeline(path: "/nonexistent/wildlife") }
    }

    @Test func modelWhoseQuantizationDiffersIsRefused() throws {
        let p = try Self.load { Self.section(&$0, "features", "quantization", ["scale": 0.5, "zeroPoint": 0, "rounding": "half-to-even"]) }
        #expect {
            try WindowClassifier(pipeline: p)
        } throws: { "\($0)".contains("differs from the model input") }
        let wrongLabels = try Self.load { $0["labels"] = ["a", "b", "c"]; Self.section(&$0, "aggregation", "topK", 3) }
        #expect {
            try WindowClassifier(pipeline: wrongLabels)
        } throws: { "\($0)".contains("12 outputs for 3 labels") }
    }
}
