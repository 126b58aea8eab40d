import Foundation
import PipelineCatalog
import TinyCLI
import TinyBoards

/// The overrides a board's deployment config makes to its pipeline (`--board` of
/// `tinyml export --target image`): found through the checkout's `Pipelines/<name>/boards/`, where
/// `<name>` is the pipeline directory's path below `Pipelines/`.
enum BoardOverrides {
    static func load(pipeline: AnyPipeline, board: String, root: String?) throws -> [String: Double] {
        guard let layout = root.map(ProjectLayout.init(root:)) ?? ProjectLayout.find()
            ?? BundledPipeline.checkoutOfExecutable().map(ProjectLayout.init(root:)) else {
            throw ToolError("no TinyMLSuite checkout here (Package.swift and Pipelines/ not found); use --root")
        }
        let directory = pipeline.url.deletingLastPathComponent().standardizedFileURL.path
        let base = URL(fileURLWithPath: layout.pipelinesDirectory).standardizedFileURL.path + "/"
        guard directory.hasPrefix(base) else {
            throw ToolError("--board needs a pipeline under \(base) (its board configs live beside it)")
        }
        let name = String(directory.dropFirst(base.count)).replacingOccurrences(of: "/", with: "-")
        return try layout.loadDeployment(pipeline: name, board: board).overrides
    }
}
