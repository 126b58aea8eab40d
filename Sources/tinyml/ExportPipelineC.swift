import Foundation
import PipelineCatalog
import TinyCExport
import TinyCLI
import TinyRuntime

/// `tinyml export --target c --pipeline PIPELINE --out DIR [--board B]` where PIPELINE is a
/// pipeline.json or its directory: the whole pipeline (front end, quantisation, model,
/// post-processing) as a C99 library with an example `main.c`, an ESP-IDF component and a Makefile.
/// (A bare name, not a path, keeps its older meaning: the model that pipeline's board configs name.)
extension ExportCommand {
    /// Whether `--pipeline` names a pipeline file or directory (a `.json` or anything with a `/`, even
    /// one that does not exist: loading it then says so) rather than a pipeline name.
    static func isPipelinePath(_ value: String) -> Bool {
        if value.hasSuffix(".json") || value.contains("/") { return true }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory) else { return false }
        return !isDirectory.boolValue || FileManager.default.fileExists(atPath: (value as NSString).appendingPathComponent("pipeline.json"))
    }

    func exportCPipeline(_ path: String) throws {
        var pipeline = try AnyPipeline(path: path)
        if let board { pipeline = try pipeline.applying(try BoardOverrides.load(pipeline: pipeline, board: board, root: root)) }
        let configuration = try pipeline.configuration()
        if let modelPath = pipeline.modelPath, !FileManager.default.fileExists(atPath: modelPath) {
            throw ToolError("the \(pipeline.kind) pipeline '\(pipeline.name)' needs its model file '\(modelPath)', which does not exist")
        }
        let graph = try pipeline.modelPath.map { try Model(contentsOf: $0).graph }
        let source = CPipelineSource(name: pipeline.name, labels: pipeline.labels, sampleRate: pipeline.sampleRate,
                                     format: pipeline.sampleFormat, configuration: configuration, model: graph,
                                     modelSource: pipeline.modelPath.map { ($0 as NSString).lastPathComponent } ?? "none")
        let exported = try CPipelineExporter.export(source)
        try exported.write(to: out)
        print("wrote \(exported.files.count) files to \(out): \(pipeline.kind) pipeline '\(pipeline.name)'"
            + (pipeline.modelPath.map { " + model \(($0 as NSString).lastPathComponent)" } ?? "") + (board.map { " (board \($0))" } ?? ""))
        print("build: make -C \(out) && \(out)/tml_pipeline_example < samples")
    }
}
