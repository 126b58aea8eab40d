import TinyCore
import TinyDSP
import TinyPipeline

/// A whole pipeline as a generated C99 library: the front end, the int8 model, the input
/// quantisation and the post-processing, with `tml_pipeline.h` as its API, an example `main.c`, an
/// ESP-IDF component and a Makefile. `files` are paths relative to the output directory.
public struct CPipeline: Sendable {
    public let files: [(name: String, contents: String)]
    /// `kws`, `anomaly`, `gesture` or `wildlife`.
    public let kind: String

    /// Writes every file under `directory` (created if needed, with its subdirectories).
    public func write(to directory: String) throws(CExportError) {
        try writeFiles(files, to: directory, what: "the C pipeline")
    }
}

/// What a pipeline file gives the export: its name, labels, input and decision path (a
/// `PipelineImage`'s contents) and the model graph (nil when the pipeline runs none).
public struct CPipelineSource {
    public var name: String
    public var labels: [String]
    public var sampleRate: Int
    public var format: SampleFormat
    public var configuration: PipelineConfiguration
    public var model: Graph?
    /// Where the model came from (for comments).
    public var modelSource: String

    public init(name: String, labels: [String], sampleRate: Int, format: SampleFormat, configuration: PipelineConfiguration,
                model: Graph?, modelSource: String) {
        self.name = name
        self.labels = labels
        self.sampleRate = sampleRate
        self.format = format
        self.configuration = configuration
        self.model = model
        self.modelSource = modelSource
    }
}

/// Exports a pipeline as C99 whose events equal, bit for bit and in order, those of
/// `PipelineEngine<PortableRealFFT>` on the same samples (`tinyml export --target c --pipeline P`).
/// The engine is built here first, so whatever the Swift engine refuses (a model that does not fit,
/// a configuration out of range) is refused with its reason.
public enum CPipelineExporter {
    /// The API's symbol prefix (`tml_pipeline_init`, `TML_PIPELINE_SAMPLE_RATE`).
    static let name = "tml_pipeline"

    public static func export(_ source: CPipelineSource) throws(CExportError) -> CPipeline {
        let c = source.configuration
        if c.needsModel && source.model == nil {
            throw .missingModel(kind: "\(c.kindName)", pipeline: source.name)
        }
        if !c.needsModel && source.model != nil {
            throw .unexpectedModel(kind: "\(c.kindName)", pipeline: source.name)
        }
        do {
            _ = try PipelineEngine<PortableRealFFT>(configuration: c, interpreter: source.model.map { Interpreter(graph: $0) },
                                                     makeFFT: { (n) throws(DSPError) in try PortableRealFFT(size: n) })
        } catch {
            throw .invalidPipeline(name: source.name, error)
        }
        if case .anomaly = c {} else if source.labels.count != c.classCount {
            throw .labelCount(pipeline: source.name, labels: source.labels.count, classes: c.classCount)
        }
        let model = try source.model.map { (g) throws(CExportError) in try CPipelineModel(graph: g, source: source.modelSource) }
        let stage = try CPipelineStage.make(c, model: model)
        var files: [(name: String, contents: String)] = []
        if let fe = stage.frontEnd {
            let frontEnd = try CFrontEndExporter.export(configuration: fe.configuration, quantization: nil, inputStride: fe.inputStride,
                                                        name: CPipelineStage.frontEndName)
            files += try placed(frontEnd.files, library: frontEnd.name)
        }
        if let model {
            files += try placed(model.library.files, library: model.library.name)
        }
        let text = try CPipelineText(source: source, stage: stage, model: model)
        files += [
            (name: "include/\(name).h", contents: text.header),
            (name: "include/\(CSourceFile.pipelineHeader.name)", contents: CSourceFile.pipelineHeader.text),
            (name: "src/\(name).c", contents: text.implementation),
            (name: "example/main.c", contents: CPipelineExample.main(source: source)),
        ]
        let sources = files.map(\.name).filter { $0.hasPrefix("src/") }
        files += [
            (name: "CMakeLists.txt", contents: CPipelineBuildFiles.espIDFComponent(sources: sources)),
            (name: "Makefile", contents: CPipelineBuildFiles.makefile(sources: sources)),
            (name: "README.md", contents: CPipelineBuildFiles.readme(source: source, stage: stage, model: model)),
        ]
        return CPipeline(files: files, kind: "\(c.kindName)")
    }

    /// A generated library's `.h` under include/, its `.c` under src/ (its own build files dropped).
    static func placed(_ files: [(name: String, contents: String)], library: String) throws(CExportError) -> [(name: String, contents: String)] {
        guard let h = files.first(where: { $0.name == "\(library).h" }), let c = files.first(where: { $0.name == "\(library).c" }) else {
            throw .incompleteLibrary(library)
        }
        return [(name: "include/\(h.name)", contents: h.contents), (name: "src/\(c.name)", contents: c.contents)]
    }
}
