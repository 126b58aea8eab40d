import Foundation
import Testing
import TinyBoards
import TinyTestSupport

/// The committed Cortex-M4 measurements of the exported C libraries
/// (`Pipelines/boards/measurements-c.json`, made by `Tools/measure/c_export.py`) still describe
/// what the exporter produces today: same model files, same constant data and arena. When this
/// fails, re-run the script.
@Suite struct CExportMeasurementTests {
    static let layout = ProjectLayout(root: TestPaths.repoRoot.path)
    static let file = layout.path("Pipelines/boards/measurements-c.json")

    @Test func measurementsMatchTheCurrentExporter() throws {
        let m = try Measurements(files: [Self.file])
        #expect(m.filesRead.count == 1)
        #expect(!m.models.isEmpty)
        for (model, entry) in m.models {
            let path = Self.layout.modelPath(model)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let footprint = try ModelFootprint(modelAt: path)
            #expect(entry.sha256 == footprint.sha256, "\(model): measured a different file")
            let c = try #require(entry.cores["cortex-m4-c"])
            #expect(c.modelRodataBytes == footprint.cConstantBytes, "\(model): constants changed; re-run Tools/measure/c_export.py")
            #expect(c.arenaBytes == footprint.cArenaBytes, "\(model): arena changed; re-run Tools/measure/c_export.py")
            #expect((c.instructionsPerInference ?? 0) > footprint.multiplyAccumulates, "\(model): fewer instructions than MACs")
            #expect((c.rodataBytes ?? 0) >= footprint.cConstantBytes)
        }
    }
}
