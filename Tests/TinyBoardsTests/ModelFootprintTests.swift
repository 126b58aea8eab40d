import Foundation
import Testing
import TinyBoards
import TinyRuntime
import TinyTestSupport

/// Model facts for the report: the file digest (checked against coreutils' sha256sum and the
/// reference-model SOURCE.md) and the planner's numbers.
@Suite struct ModelFootprintTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum"), "no sha256sum"))
    func digestMatchesSha256sum() throws {
        for name in ["ds_cnn", "autoencoder", "mul_concat_pad"] {
            let path = TestPaths.fixture("TinyCoreTests", "zoo/\(name).tflite").path
            let reference = try runProcess("/usr/bin/sha256sum", [path]).output.prefix(64)
            #expect(try ModelFootprint(modelAt: path).sha256 == String(reference))
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: TestPaths.referenceModelsRoot.path + "/kws/kws_ref_model.tflite"),
                   "reference models missing"))
    func kwsFootprint() throws {
        let path = TestPaths.referenceModelsRoot.appendingPathComponent("kws/kws_ref_model.tflite").path
        let f = try ModelFootprint(modelAt: path)
        #expect(f.sha256 == "aeea436800704fce17b17292e4412630ad856e9d777c044c64ef748a880bd0ae") // SOURCE.md
        let model = try Model(contentsOf: path)
        // C arena: two 8,000-byte maps, then the first CONV_2D's 10 x 4 x 1 receptive-field column.
        #expect(f.arenaBytes == model.arenaPlan.arenaBytes && f.cArenaBytes == 16_000 + 40)
        #expect(f.constantBytes == model.graph.constants.owned.count && f.persistentBytes == model.graph.persistentBytes)
        // DESIGN.md §5: DS-CNN is about 2.66 M MACs and 22.6 K weights.
        #expect(abs(Double(f.multiplyAccumulates) - 2.66e6) < 0.05e6)
        #expect(f.cConstantBytes > model.graph.weightBytes)
    }

    @Test func unreadableAndUnsupportedModelsFailWithOneLine() throws {
        #expect(throws: ConfigError.unreadableModel(path: "/nonexistent/m.tflite")) {
            try ModelFootprint(modelAt: "/nonexistent/m.tflite")
        }
        do {
            _ = try ModelFootprint(modelAt: TestPaths.fixture("TinyCoreTests", "zoo/unsupported_ops.tflite").path)
            Issue.record("accepted a model with unsupported operators")
        } catch {
            #expect(error.description.contains("unsupported operators") && error.description.contains("EXP"))
        }
    }
}
