import Foundation
import TinyFormats

/// Where a checkout keeps its deployment data: board profiles in `Pipelines/boards/`, deployment
/// configs in `Pipelines/<dir>/boards/<board>.json` (the pipeline's name is its directory path
/// below `Pipelines/` with `/` turned into `-`: `Pipelines/reference/kws` is `reference-kws`),
/// measurements in `Embedded/measurements.json` and `Pipelines/boards/measurements-c.json`, and
/// shared files (`shared/...` model paths) beside the checkout.
public struct ProjectLayout: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// The checkout containing the current directory (walking up to `Package.swift` next to
    /// `Pipelines/`), or nil.
    public static func find(from directory: String = FileManager.default.currentDirectoryPath) -> ProjectLayout? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let fm = FileManager.default
            if fm.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: url.appendingPathComponent("Pipelines").path) {
                return ProjectLayout(root: url.path)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public var pipelinesDirectory: String { path("Pipelines") }
    public var boardsDirectory: String { path("Pipelines/boards") }
    public var measurementFiles: [String] { [path("Embedded/measurements.json"), path("Pipelines/boards/measurements-c.json")] }

    /// The board links of `Embedded/links.sh`.
    public var linksFile: String { path("Embedded/links.json") }

    public func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// A path relative to the root for messages.
    public func display(_ path: String) -> String {
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        let standardRoot = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
        let standardPath = URL(fileURLWithPath: path).standardizedFileURL.path
        return standardPath.hasPrefix(standardRoot) ? String(standardPath.dropFirst(standardRoot.count)) : path
    }

    /// The file a config's model path names: `shared/reference-models/...` honours
    /// `$TINYML_REFERENCE_MODELS`, other `shared/...` paths resolve beside the checkout
    /// (`../shared`), everything else inside it.
    public func modelPath(_ model: String) -> String {
        let env = ProcessInfo.processInfo.environment
        if model.hasPrefix("shared/reference-models/"), let dir = env["TINYML_REFERENCE_MODELS"], !dir.isEmpty {
            return (dir as NSString).appendingPathComponent(String(model.dropFirst("shared/reference-models/".count)))
        }
        if model.hasPrefix("shared/") {
            return ((root as NSString).deletingLastPathComponent as NSString).appendingPathComponent(model)
        }
        return path(model)
    }

    /// Every deployment config file, keyed by pipeline name, then board id (file stem).
    public func deploymentFiles() -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(atPath: pipelinesDirectory) else { return out }
        while let relative = enumerator.nextObject() as? String {
            let parts = relative.split(separator: "/").map(String.init)
            guard parts.count >= 3, parts.count <= 4, parts[parts.count - 2] == "boards", relative.hasSuffix(".json"),
                  parts[0] != "boards" else { continue }
            let pipeline = parts.dropLast(2).joined(separator: "-")
            let board = String(parts[parts.count - 1].dropLast(5))
            out[pipeline, default: [:]][board] = (pipelinesDirectory as NSString).appendingPathComponent(relative)
        }
        return out
    }

    /// The pipeline file a deployment config belongs to: `pipeline.json` in the directory above its
    /// `boards/` directory, or nil (a reference deployment, which states its own facts).
    public func pipelineFile(ofConfig file: String) -> String? {
        let directory = ((file as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
        let candidate = (directory as NSString).appendingPathComponent("pipeline.json")
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Parses the config `o` read from `file` (where it lives decides its pipeline file: see
    /// `pipelineFile(ofConfig:)`).
    public func deployment(json o: JSONReader, at file: String) throws(ConfigError) -> DeploymentConfig {
        var facts: ((_ overrides: [String: Double]) throws(ConfigError) -> PipelineFacts)?
        if let pipelineFile = pipelineFile(ofConfig: file) {
            facts = { (overrides: [String: Double]) throws(ConfigError) -> PipelineFacts in
                try PipelineFacts(pipelineAt: pipelineFile, displayName: self.display(pipelineFile), overrides: overrides,
                                  configFile: o.file)
            }
        }
        return try DeploymentConfig(json: o, facts: facts, modelKey: { self.display($0) })
    }

    /// Loads one deployment config and checks its `pipeline` and `board` keys against its location;
    /// a config beside a pipeline file takes the model, sample rate, window and stride from it, with
    /// its overrides (`DeploymentConfig.init(json:facts:modelKey:)`).
    public func loadDeployment(pipeline: String, board: String) throws(ConfigError) -> DeploymentConfig {
        let files = deploymentFiles()
        guard let boards = files[pipeline] else {
            throw .noPipeline(name: pipeline, known: files.keys.sorted())
        }
        guard let file = boards[board] else {
            throw .noBoardConfig(pipeline: pipeline, board: board, has: boards.keys.sorted())
        }
        let o = try ConfigError.reading { () throws(JSONError) in try JSONReader(contentsOf: file, displayName: display(file)) }
        let config = try deployment(json: o, at: file)
        if config.pipeline != pipeline { throw .json(o.invalid("pipeline", "is \"\(config.pipeline)\" but the file lives in the '\(pipeline)' pipeline")) }
        if config.board != board { throw .json(o.invalid("board", "is \"\(config.board)\" but the file is named \(board).json")) }
        return config
    }
}
