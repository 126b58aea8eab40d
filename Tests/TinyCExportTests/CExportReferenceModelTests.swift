import Foundation
import Testing
import TinyCExport
import TinyCore
import TinyRuntime
import TinyTestSupport

/// The MLPerf Tiny reference models exported to C reproduce the Swift core bit for bit (and the
/// shipped / BUILTIN_REF expected outputs).
@Suite struct CExportReferenceModelTests {
    static let root = TestPaths.referenceModelsRoot
    static let kws = root.appendingPathComponent("kws/kws_ref_model.tflite").path
    static let ad = root.appendingPathComponent("anomaly/ad01_int8.tflite").path
    static let haveKWS = FileManager.default.fileExists(atPath: kws) && CHarness.compiler != nil
    static let haveAD = FileManager.default.fileExists(atPath: ad) && CHarness.compiler != nil

    static func csv(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    @Test(.enabled(if: haveKWS, "KWS reference model or gcc missing (../shared/reference-models, TINYML_REFERENCE_MODELS)"))
    func kwsMatchesExpectedScores() throws {
        let model = try Model(contentsOf: Self.kws)
        let library = try CExporter.export(model: model)
        let harness = try CHarness(library: library, graph: model.graph)
        defer { harness.remove() }
        let input = try Self.csv(Self.root.appendingPathComponent("kws/kws_test_input_int8.csv").path)
            .flatMap { $0 }.compactMap { Int8($0) }
        #expect(input.count == 490)
        let expected = try Self.csv(Self.root.appendingPathComponent("kws/kws_test_expected_output.csv").path)
            .dropFirst().map { Int8($0[1])! }
        let got = try harness.invoke(input.map { UInt8(bitPattern: $0) }).map { Int8(bitPattern: $0) }
        #expect(got == expected)
        // Activations: the 16,000-byte lower bound of the DS-CNN (two 8,000-byte maps); then the
        // first CONV_2D's receptive-field column, 10 x 4 taps x 1 channel = 40 bytes.
        #expect(library.arenaBytes == 16_000 + 40)
    }

    @Test(.enabled(if: haveAD, "AD reference model or gcc missing (../shared/reference-models, TINYML_REFERENCE_MODELS)"))
    func adMatchesSwiftCoreOnAllWindows() throws {
        let model = try Model(contentsOf: Self.ad)
        let library = try CExporter.export(model: model)
        let harness = try CHarness(library: library, graph: model.graph)
        defer { harness.remove() }
        let data = try Data(contentsOf: Self.root.appendingPathComponent("anomaly/normal_id_01_00000000_hist_librosa.bin"))
        let features: [Float] = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        let info = model.inputs[0]
        var inputs: [UInt8] = []
        var swiftOutputs: [UInt8] = []
        let session = Session(model: model)
        for w in 0 ..< 196 {
            let window = Array(features[(w * 128) ..< (w * 128 + 640)])
            inputs += window.map { UInt8(bitPattern: QuantizeFloat.quantize($0, scale: info.scale, zeroPoint: info.zeroPoint)) }
            try session.setInput(float: window)
            session.invoke()
            swiftOutputs += try session.outputBytes()
        }
        let got = try harness.invoke(inputs)
        #expect(got.count == 196 * 640)
        let mismatches = zip(got, swiftOutputs).filter { $0 != $1 }.count
        #expect(mismatches == 0, "\(mismatches) of \(swiftOutputs.count) bytes differ from the Swift core")
        // First four windows: LiteRT BUILTIN_REF outputs (Tools/golden/reference_models.py).
        let golden = [UInt8](try Data(contentsOf: TestPaths.fixture("TinyCoreTests", "ad_builtin_ref_first4_int8.bin")))
        #expect(Array(got[0 ..< golden.count]) == golden)
    }
}
