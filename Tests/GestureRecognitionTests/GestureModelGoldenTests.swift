import Foundation
import GestureRecognition
import Testing
import TinyFeatures
import TinyRuntime
import TinyTestSupport

/// The committed int8 model through the Swift core against LiteRT BUILTIN_REF
/// (`Pipelines/gesture/train/golden.py`; regenerate it whenever the model is retrained).
@Suite struct GestureModelGoldenTests {
    @Test func outputsMatchLiteRTBitForBit() throws {
        let inputs = try GestureTestData.int8("litert_in.npy")
        let expected = try GestureTestData.int8("litert_out.npy")
        let p = try GestureTestData.pipeline()
        let session = Session(model: try Model(contentsOf: p.modelURL.path))
        let size = inputs.shape[1] * inputs.shape[2]
        let classes = expected.shape[1]
        for i in 0 ..< inputs.shape[0] {
            try session.setInput(0, int8: Array(inputs.values[i * size ..< (i + 1) * size]))
            session.invoke()
            #expect(try session.outputInt8(0) == Array(expected.values[i * classes ..< (i + 1) * classes]), "vector \(i)")
        }
    }

    /// The Swift front end and quantiser give exactly the int8 inputs numpy made from the same
    /// files (numpy rounds half away from zero as the spec says).
    @Test(.enabled(if: GestureTestData.dataset != nil, Comment(rawValue: GestureTestData.datasetMissing)))
    func frontEndAndQuantiserMatchTheGoldenInputs() throws {
        let dataset = try #require(GestureTestData.dataset)
        let files = try String(contentsOf: TestPaths.fixture("GestureRecognitionTests", "litert_files.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let inputs = try GestureTestData.int8("litert_in.npy")
        let p = try GestureTestData.pipeline()
        let quantizer = try #require(p.spec.quantization)
        let size = inputs.shape[1] * inputs.shape[2]
        #expect(files.count == inputs.shape[0])
        for (i, file) in files.enumerated() {
            let recording = try SensorRecording(path: dataset.appendingPathComponent(file).path, spec: p.spec, inputRate: p.inputRate)
            let window = recording.window(length: p.spec.windowLength)
            let q = window.map { quantizer.quantize($0) }
            #expect(q == Array(inputs.values[i * size ..< (i + 1) * size]), "\(file)")
        }
    }
}
