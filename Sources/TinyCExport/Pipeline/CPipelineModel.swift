import TinyCore

/// The pipeline's int8 model as its own generated C library (`tml_pipeline_model`, `CExporter`),
/// with its one input and one output as the glue sees them.
struct CPipelineModel {
    static let name = "tml_pipeline_model"

    let library: CLibrary
    let input: Port
    let output: Port

    init(graph: Graph, source: String) throws(CExportError) {
        guard graph.inputs.count == 1, graph.outputs.count == 1 else {
            throw .modelPorts(inputs: graph.inputs.count, outputs: graph.outputs.count)
        }
        library = try CExporter.export(graph: graph, name: Self.name, source: source)
        input = try Port(graph: graph, id: graph.inputs[0], data: "")
        output = try Port(graph: graph, id: graph.outputs[0], data: "")
    }
}
