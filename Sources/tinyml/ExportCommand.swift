import ArgumentParser
import Foundation
import TinyBoards
import TinyCExport
import TinyCLI
import TinyDSP
import TinyFeatures
import PipelineCatalog
import TinyRuntime

/// `tinyml export --target c --pipeline PIPELINE(.json, dir or name) --out DIR [--board B]`: the
/// whole pipeline as C99 (`ExportPipelineC.swift`).
///
/// `tinyml export --target c --model M.tflite | --pipeline REFERENCE [--board B] --out DIR [--name N]`
/// (a reference deployment, which has no pipeline file):
/// writes a self-contained C99 library (const weights and quantization parameters, precomputed
/// tables, the kernels the model uses, a static arena, `<name>_invoke`) with an ESP-IDF component
/// CMakeLists.txt and a README. A model with unsupported operators fails with the full list.
///
/// `tinyml export --target frontend --spec SPEC --out FILE`: writes the feature front end of SPEC
/// (a feature spec JSON, a pipeline.json holding one, or a preset) as a `TinyDSP.FrontEndImage`,
/// the binary a device links beside the .tflite and reads with `FrontEndImage(bytes:)`; a
/// sensor-window spec (motion pipelines) as a `TinyDSP.SensorWindowImage`.
///
/// `tinyml export --target c-frontend --spec SPEC --out DIR [--name N] [--input-stride K]
/// [--frames-per-input F]`: writes the feature front end of SPEC as C99 (`N.h`, `N.c`, an ESP-IDF
/// CMakeLists.txt, README.md) that gives the inputs of `StreamingFrontEnd<PortableRealFFT>` bit for
/// bit, with the spec's int8 quantisation when it has one.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a model as a self-contained C99 library (ESP32-S3 / any board without Swift), or a feature front end as a device image.")

    enum Target: String, ExpressibleByArgument { case c, frontend, cFrontend = "c-frontend", image }

    @Option(help: "Export target: 'c' (a model as a C99 library), 'frontend' (a feature spec as a FrontEndImage file), 'c-frontend' (a feature spec as a C99 front end) or 'image' (a whole pipeline as the binary image the firmware links).") var target: Target
    @Option(help: "With --target frontend or c-frontend: the feature spec (JSON, pipeline.json or preset); with --target image: the pipeline.json (or its directory).") var spec: String?
    @Option(help: "The .tflite model.") var model: String?
    @Option(help: "With --target c: the whole pipeline as C99 — a pipeline.json, its directory, or its name as the report gives it (kws, kws-mlperf, ...); a reference deployment's name (no pipeline file) exports its model.") var pipeline: String?
    @Option(help: "With --pipeline: the board whose config names the model (needed when boards differ).") var board: String?
    @Option(help: "Output directory (--target c, c-frontend) or file (--target frontend).") var out: String
    @Option(help: "C symbol prefix (default: from the model file name, or the feature spec's name).") var name: String?
    @Option(help: "With --target c-frontend: frames between the starts of consecutive inputs (default 1).") var inputStride: Int?
    @Option(help: "With --target c-frontend: frames per model input instead of the spec's (e.g. 1 for a frame-level front end).")
    var framesPerInput: Int?
    @Option(help: "Checkout root for --pipeline (default: found from the current directory).") var root: String?

    func validate() throws {
        if target != .cFrontend, inputStride != nil || framesPerInput != nil {
            throw ValidationError("--input-stride and --frames-per-input go with --target c-frontend")
        }
        if target == .cFrontend {
            if spec == nil || model != nil || pipeline != nil || board != nil {
                throw ValidationError("--target c-frontend takes --spec, --out and optionally --name, --input-stride, --frames-per-input")
            }
            return
        }
        if target == .image {
            if spec == nil || model != nil || pipeline != nil || name != nil {
                throw ValidationError("--target image takes --spec PIPELINE, --out FILE and optionally --board")
            }
            return
        }
        if target == .frontend {
            if spec == nil || model != nil || pipeline != nil || board != nil || name != nil {
                throw ValidationError("--target frontend takes --spec and --out only")
            }
            return
        }
        if spec != nil { throw ValidationError("--spec goes with --target frontend or c-frontend") }
        if (model == nil) == (pipeline == nil) { throw ValidationError("give exactly one of --model and --pipeline") }
        if board != nil && pipeline == nil { throw ValidationError("--board goes with --pipeline") }
        if let pipeline, Self.isPipelinePath(pipeline), name != nil {
            throw ValidationError("--name does not apply to a whole pipeline (its API is tml_pipeline_*)")
        }
    }

    func run() throws {
        withToolErrors("tinyml export") {
            try OutputPaths.refuseInputs([("--out", out)], inputs: [model, spec, pipeline])
            if target == .cFrontend, let spec {
                try exportCFrontEnd(spec)
                return
            }
            if target == .image, let spec {
                try exportImage(spec)
                return
            }
            if target == .frontend, let spec {
                if let sensor = try SensorFeaturesJob.load(spec)?.spec {
                    guard let q = sensor.quantization else { throw ToolError("sensor spec '\(sensor.name)' has no quantization") }
                    let bytes = SensorWindowImage(channelCount: sensor.channelCount, windowLength: sensor.windowLength,
                                                  quantization: q).encoded()
                    try Data(bytes).write(to: URL(fileURLWithPath: out))
                    print("wrote \(out): sensor window '\(sensor.name)', \(bytes.count) B")
                    return
                }
                let loaded = try FeatureSpec.load(spec)
                let bytes = FrontEndImage(configuration: loaded.frontEnd, quantization: loaded.quantization).encoded()
                try Data(bytes).write(to: URL(fileURLWithPath: out))
                print("wrote \(out): front end '\(loaded.name)', \(bytes.count) B")
                return
            }
            if let pipeline, model == nil {
                if Self.isPipelinePath(pipeline) { try exportCPipeline(pipeline); return }
                if let file = try pipelineFile(named: pipeline) { try exportCPipeline(file); return }
            }
            let path = try model ?? resolvePipelineModel()
            let loaded = try Model(contentsOf: path)
            let library = try CExporter.export(model: loaded, name: name)
            try library.write(to: out)
            print("wrote \(library.files.map(\.name).joined(separator: ", ")) to \(out)")
            print("\(library.name): arena \(library.arenaBytes) B (static), constants \(library.constantBytes) B, "
                + "kernels \(library.kernelNames.joined(separator: ", "))")
        }
    }

    /// `--target image`: the pipeline (with `--board`'s overrides) as a `PipelineImage`.
    func exportImage(_ spec: String) throws {
        var pipeline = try AnyPipeline(path: spec)
        if let board { pipeline = try pipeline.applying(try BoardOverrides.load(pipeline: pipeline, board: board, root: root)) }
        let bytes = try pipeline.image()
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        let model = pipeline.modelPath.map { " + model \(($0 as NSString).lastPathComponent)" } ?? ""
        print("wrote \(out): \(pipeline.kind) pipeline '\(pipeline.name)'\(model), \(bytes.count) B" + (board.map { " (board \($0))" } ?? ""))
    }

    /// `--target c-frontend`: the spec's front end (and quantisation) as C99.
    func exportCFrontEnd(_ spec: String) throws {
        if try SensorFeaturesJob.load(spec) != nil {
            throw ToolError("'\(spec)' is a sensor-window spec; the C front end covers streaming audio/vibration front ends "
                + "(a sensor window is the model input as it is: quantise it with its spec's scale and zero point)")
        }
        let loaded = try FeatureSpec.load(spec)
        var configuration = loaded.frontEnd
        if let f = framesPerInput {
            configuration.framesPerInput = f
            configuration.clipSamples = nil   // a clip is the spec's whole input; fewer frames span fewer samples
        }
        let frontEnd = try CFrontEndExporter.export(configuration: configuration, quantization: loaded.quantization,
                                                    inputStride: inputStride ?? 1,
                                                    name: name ?? CFrontEndExporter.defaultName(specName: loaded.name))
        try frontEnd.write(to: out)
        print("wrote \(frontEnd.files.map(\.name).joined(separator: ", ")) to \(out)")
        print("\(frontEnd.name): \(frontEnd.inputFloats) floats an input\(frontEnd.quantizes ? " (and int8)" : ""), "
            + "tables \(frontEnd.constantBytes) B, buffers \(frontEnd.stateBytes) B")
    }

    /// The checkout whose Pipelines/ a bare pipeline name refers to.
    func layout() throws -> ProjectLayout {
        guard let layout = root.map(ProjectLayout.init(root:)) ?? ProjectLayout.find() ?? BundledPipeline.checkoutOfExecutable().map(ProjectLayout.init(root:)) else {
            throw ToolError("no TinyMLSuite checkout here (Package.swift and Pipelines/ not found); use --root")
        }
        return layout
    }

    /// The pipeline file a pipeline name denotes (`kws` → Pipelines/kws/pipeline.json, `kws-mlperf`
    /// → Pipelines/kws/mlperf/pipeline.json, as the report names them); nil for a deployment
    /// without one (the reference deployments: their model alone is exported).
    func pipelineFile(named name: String) throws -> String? {
        guard let configs = try layout().deploymentFiles()[name], let any = configs.values.first else { return nil }
        return try layout().pipelineFile(ofConfig: any)
    }

    /// The model file named by the pipeline's configs (one model for all boards, or `--board`'s).
    func resolvePipelineModel() throws -> String {
        let layout = try layout()
        let pipeline = pipeline ?? ""
        guard let boards = layout.deploymentFiles()[pipeline] else {
            throw ToolError("no pipeline '\(pipeline)' with board configs under Pipelines/")
        }
        var models = Set<String>()
        for b in boards.keys where board == nil || b == board {
            models.insert(try layout.loadDeployment(pipeline: pipeline, board: b).model)
        }
        if models.isEmpty { throw ToolError("pipeline '\(pipeline)' has no config for board '\(board ?? "")'") }
        if models.count > 1 {
            throw ToolError("pipeline '\(pipeline)' uses different models on different boards (\(models.sorted().joined(separator: ", "))); choose one with --board")
        }
        return layout.modelPath(models.first!)
    }
}
