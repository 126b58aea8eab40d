import Foundation
import Testing
import TinyCExport
import TinyFeatures
import TinyTestSupport

/// `tinyml export --target c-frontend` writes exactly what `CFrontEndExporter` gives for the spec
/// with its options, and refuses a sensor-window spec with a reason.
@Suite struct CFrontEndCommandTests {
    /// The `tinyml` that `swift build` / `swift test` built beside the running test binary.
    static let tool = TestPaths.builtTool("tinyml")

    @Test(.enabled(if: tool != nil, "tinyml is not built (swift build)"))
    func writesTheExportersFiles() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tinyml-cfe-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let spec = TestPaths.repoRoot.appendingPathComponent("Pipelines/wildlife/pipeline.json").path
        let result = try runProcess(Self.tool!, ["export", "--target", "c-frontend", "--spec", spec, "--out", out.path,
                                                 "--input-stride", "2", "--frames-per-input", "1"])
        #expect(result.status == 0, "\(result.output)")
        let loaded = try FeatureSpec.load(spec)
        var c = loaded.frontEnd
        c.framesPerInput = 1
        c.clipSamples = nil
        let expected = try CFrontEndExporter.export(configuration: c, quantization: loaded.quantization, inputStride: 2,
                                                    name: "wildlife_logmel32")
        for file in expected.files {
            let written = try String(contentsOf: out.appendingPathComponent(file.name), encoding: .utf8)
            #expect(written == file.contents, "\(file.name)")
        }
    }

    @Test(.enabled(if: tool != nil, "tinyml is not built (swift build)"))
    func refusesASensorWindowSpec() throws {
        let spec = TestPaths.repoRoot.appendingPathComponent("Pipelines/gesture/pipeline.json").path
        let result = try runProcess(Self.tool!, ["export", "--target", "c-frontend", "--spec", spec, "--out", "/tmp/unused"])
        #expect(result.status != 0)
        #expect(result.output.contains("sensor-window"), "\(result.output)")
    }
}
