import Foundation
import GestureRecognition
import TinyRuntime
import TinyTestSupport

/// Shared locations and loaders for the gesture tests: the committed pipeline, fixtures (golden
/// vectors from `Pipelines/gesture/train/golden.py`), the shared dataset, and scratch CSV files.
enum GestureTestData {
    static let pipelinePath = TestPaths.repoRoot.appendingPathComponent("Pipelines/gesture/pipeline.json").path
    static let dataset = TestPaths.dataset("gesture")
    static let datasetMissing = TestPaths.missingDatasetMessage("gesture")

    static func pipeline() throws -> GesturePipeline { try GesturePipeline(path: pipelinePath) }

    /// A float32 fixture as (shape, values).
    static func float32(_ name: String) throws -> (shape: [Int], values: [Float]) {
        let npy = try NpyTensor.read(try Data(contentsOf: TestPaths.fixture("GestureRecognitionTests", name)))
        precondition(npy.type == .float32, "\(name) is not float32")
        let values = npy.bytes.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        return (npy.shape, values)
    }

    /// An int8 fixture as (shape, values).
    static func int8(_ name: String) throws -> (shape: [Int], values: [Int8]) {
        let npy = try NpyTensor.read(try Data(contentsOf: TestPaths.fixture("GestureRecognitionTests", name)))
        precondition(npy.type == .int8, "\(name) is not int8")
        return (npy.shape, npy.bytes.map { Int8(bitPattern: $0) })
    }

    /// Writes `text` to a new temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gesture-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// CSV text of `rows` (one `a,b,c` line each) under `header` (nil: none).
    static func csv(_ rows: [[Float]], header: String? = "ax_g,ay_g,az_g") -> String {
        var lines = header.map { [$0] } ?? []
        lines += rows.map { $0.map { String($0) }.joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }
}
