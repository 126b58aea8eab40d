import Foundation
import TinyCore
import TinyLite

/// Shape, type and quantization of a model input or output.
public struct TensorInfo: Sendable, CustomStringConvertible {
    public let name: String
    public let shape: [Int]
    public let type: ElementType
    /// Per-tensor scale (0 for float tensors).
    public let scale: Float
    public let zeroPoint: Int32
    public var elementCount: Int { shape.reduce(1, *) }
    public var byteCount: Int { elementCount * type.byteWidth }

    public var description: String {
        "\(name) \(shape) \(type.name)" + (type == .int8 ? " scale \(scale) zero point \(zeroPoint)" : "")
    }
}

extension ElementType {
    /// Lower-case schema name ("int8", "float32", ...).
    public var name: String {
        switch self {
        case .float32: return "float32"
        case .int32: return "int32"
        case .uint8: return "uint8"
        case .int64: return "int64"
        case .bool: return "bool"
        case .int16: return "int16"
        case .int8: return "int8"
        }
    }
}

/// A loaded, validated, prepared .tflite model (immutable; share it between sessions).
public final class Model: Sendable {
    public let lite: LiteModel
    public let path: String?

    /// Loads and prepares a .tflite file. Throws `RuntimeError` with a one-line description
    /// (missing file, malformed model, all unsupported operators listed at once, bad shapes).
    /// `semantics`: the reference reproduced bit for bit where LiteRT and TFLM differ.
    public convenience init(contentsOf path: String, semantics: ReferenceSemantics = .liteRT) throws(RuntimeError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeError("cannot read model file '\(path)'")
        }
        try self.init(bytes: [UInt8](data), path: path, semantics: semantics)
    }

    public init(bytes: [UInt8], path: String? = nil, semantics: ReferenceSemantics = .liteRT) throws(RuntimeError) {
        self.path = path
        do {
            lite = try loadLiteModel(bytes, math: .portable, semantics: semantics)
        } catch {
            throw RuntimeError(describing: error, path: path)
        }
    }

    public var graph: Graph { lite.graph }
    public var inputs: [TensorInfo] { lite.graph.inputs.map { info($0) } }
    public var outputs: [TensorInfo] { lite.graph.outputs.map { info($0) } }

    func info(_ id: Int) -> TensorInfo {
        let t = lite.graph.tensors[id]
        return TensorInfo(name: t.name, shape: t.shape, type: t.type, scale: t.scale, zeroPoint: t.zeroPoint)
    }

    /// Arena bytes the static planner needs (and its lower bound).
    public var arenaPlan: ArenaPlan { lite.graph.planArena() }
}

/// A model load or run failure with a one-line description.
public struct RuntimeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    init(describing error: LiteError, path: String?) {
        let prefix = path.map { "\($0): " } ?? ""
        switch error {
        case .malformed(let reason):
            description = prefix + "malformed .tflite file (\(reason))"
        case .unsupportedOperators(let ops):
            let list = ops.map { "\($0.name) v\($0.version)" + ($0.count > 1 ? " ×\($0.count)" : "") }
            description = prefix + "unsupported operators: " + list.joined(separator: ", ")
        case .unsupportedTensorType(let tensor, let code):
            description = prefix + "tensor \(tensor) has unsupported type code \(code)"
        case .bufferSizeMismatch(let tensor, let expected, let actual):
            description = prefix + "tensor \(tensor): buffer holds \(actual) bytes, shape needs \(expected)"
        case .invalidGraph(let g):
            switch g {
            case .invalidOperator(let op, let reason):
                description = prefix + "operator \(op) is invalid: \(reason)"
            case .tensorIndexOutOfRange(let op, let tensor):
                description = prefix + "operator \(op) refers to missing tensor \(tensor)"
            case .arenaTooLarge:
                description = prefix + "arena too large"
            }
        case .noSubgraph:
            description = prefix + "model has no subgraph"
        }
    }
}
