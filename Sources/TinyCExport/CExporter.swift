import Foundation
import TinyCore
import TinyRuntime

/// A generated, self-contained C99 library for one model.
public struct CLibrary: Sendable {
    /// The C symbol prefix (`<name>_invoke`, `<NAME>_ARENA_BYTES`).
    public let name: String
    /// Relative file name and contents: `<name>.h`, `<name>.c`, `CMakeLists.txt`, `README.md`.
    public let files: [(name: String, contents: String)]
    /// Bytes of the static arena: the activations as the core's planner places them, then the C
    /// kernels' scratch (the CONV_2D receptive-field column), when a model needs it.
    public let arenaBytes: Int
    /// Bytes of `static const` data arrays (weights, biases, multipliers, shifts, tables, constants).
    public let constantBytes: Int
    /// Kernels the library contains.
    public let kernelNames: [String]

    /// Writes every file into `directory` (created if needed).
    public func write(to directory: String) throws(CExportError) {
        try writeFiles(files, to: directory, what: "the C library")
    }
}

/// Exports a prepared int8 graph as a C99 library: weights and quantization parameters as const
/// arrays, host-precomputed multipliers/shifts and SOFTMAX/LOGISTIC/TANH tables (so no libm is
/// needed and results are bit-exact with the Swift core), the hand-written kernels the model uses,
/// a static arena placed by the core's planner, and `<name>_invoke`. No dynamic allocation.
public enum CExporter {
    /// Exports a loaded model. `name` defaults to an identifier made from the model file name.
    public static func export(model: Model, name: String? = nil) throws(CExportError) -> CLibrary {
        let file = model.path.map { ($0 as NSString).lastPathComponent } ?? "model.tflite"
        return try export(graph: model.graph, name: name ?? CLiteral.identifier(fromFileName: file), source: file,
                          operatorNames: model.lite.operatorNames)
    }

    /// Exports `graph`. `source` names where it came from (for comments); `operatorNames` label the
    /// calls (defaults to the operator kinds).
    public static func export(graph: Graph, name: String, source: String,
                              operatorNames: [String]? = nil) throws(CExportError) -> CLibrary {
        guard CLiteral.isIdentifier(name) else {
            throw .notAnIdentifier(name)
        }
        let plan = graph.planArena(includeScratch: false)
        var emitter = COperatorEmitter(graph: graph, plan: plan)
        for (i, op) in graph.operators.enumerated() {
            let label = operatorNames.flatMap { i < $0.count ? $0[i] : nil } ?? "operator"
            try emitter.emit(op, index: i, name: label)
        }
        var inputs: [Port] = []
        for id in graph.inputs {
            inputs.append(try Port(graph: graph, id: id, data: try emitter.pointer(id, mutable: true)))
        }
        var outputs: [Port] = []
        for id in graph.outputs { outputs.append(try Port(graph: graph, id: id, data: try emitter.pointer(id))) }
        let arenaBytes = max(emitter.arenaBytes, 1)
        var kernels = emitter.kernels
        if !inputs.isEmpty || !outputs.isEmpty { kernels.insert(.copy) }
        let kernelList = kernels.sorted()
        let header = CLibraryText.header(name: name, source: source, graph: graph, arenaBytes: arenaBytes,
                                         constantBytes: emitter.constantBytes, inputs: inputs, outputs: outputs)
        let body = CLibraryText.implementation(name: name, source: source, kernels: kernelList,
                                                   declarations: emitter.declarations, statements: emitter.statements,
                                                   arenaBytes: arenaBytes, inputs: inputs, outputs: outputs)
        let files = [
            (name: "\(name).h", contents: header),
            (name: "\(name).c", contents: body),
            (name: "CMakeLists.txt", contents: CLibraryText.espIDFComponent(name: name)),
            (name: "README.md", contents: CLibraryText.readme(name: name, source: source, arenaBytes: arenaBytes,
                                                              constantBytes: emitter.constantBytes,
                                                              inputs: inputs, outputs: outputs,
                                                              kernels: kernelList)),
        ]
        return CLibrary(name: name, files: files, arenaBytes: arenaBytes, constantBytes: emitter.constantBytes,
                        kernelNames: kernelList.map { "\($0)" })
    }

    /// The C element type of a tensor type the library can exchange or hold.
    static func cType(_ type: ElementType) throws(CExportError) -> String {
        switch type {
        case .int8: return "int8_t"
        case .float32: return "float"
        case .int32: return "int32_t"
        case .uint8, .bool, .int16, .int64:
            throw .unsupportedTensorType(type.name)
        }
    }

    /// C literals of a constant tensor's little-endian bytes in its element type.
    static func literals(_ bytes: [UInt8], type: ElementType) throws(CExportError) -> [String] {
        func word(_ i: Int) -> UInt32 {
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
        switch type {
        case .int8: return bytes.map { String(Int8(bitPattern: $0)) }
        case .int32: return stride(from: 0, to: bytes.count, by: 4).map { CLiteral.int32(Int32(bitPattern: word($0))) }
        case .float32:
            var out: [String] = []
            for i in stride(from: 0, to: bytes.count, by: 4) { out.append(try CLiteral.float(Float(bitPattern: word(i)))) }
            return out
        default: throw .unsupportedConstantType(type.name)
        }
    }
}

/// A model input or output as the C API sees it.
struct Port {
    let id: Int
    let name: String
    let cType: String
    let elements: Int
    let bytes: Int
    let scale: Float
    let zeroPoint: Int32
    let isQuantized: Bool
    /// C expression of the tensor's data inside the library (arena slot or constant array).
    let data: String

    init(graph: Graph, id: Int, data: String) throws(CExportError) {
        let t = graph.tensors[id]
        guard t.type == .int8 || t.type == .float32 else {
            throw .unsupportedPortType(tensor: t.name, type: t.type.name)
        }
        self.id = id
        name = t.name
        cType = try CExporter.cType(t.type)
        elements = t.elementCount
        bytes = t.byteCount
        scale = t.scale
        zeroPoint = t.zeroPoint
        isQuantized = t.type == .int8
        self.data = data
    }
}
