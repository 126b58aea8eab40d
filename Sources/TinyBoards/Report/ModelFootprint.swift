import Foundation
import TinyFormats
import TinyCExport
import TinyCore
import TinyRuntime

/// What a model needs, from the core's planner and the C exporter (no measurement involved).
public struct ModelFootprint: Sendable {
    /// sha256 of the .tflite file (lower-case hex).
    public let sha256: String
    /// Constant data the core keeps: weights, biases and constant tensors (`Graph.constants.owned`
    /// of the host's copying load, with 16-byte alignment padding).
    public let constantBytes: Int
    /// Arena of the Swift core: activations plus kernel scratch (`Graph.planArena()`).
    public let arenaBytes: Int
    /// Per-channel multipliers, shifts and int32 biases the Swift kernels precompute (RAM).
    public let persistentBytes: Int
    /// Arena of the exported C library: activations only (`planArena(includeScratch: false)`).
    public let cArenaBytes: Int
    /// `static const` data of the exported C library (weights, biases, multipliers, shifts, tables).
    public let cConstantBytes: Int
    public let multiplyAccumulates: Int

    public init(sha256: String, constantBytes: Int, arenaBytes: Int, persistentBytes: Int, cArenaBytes: Int,
                cConstantBytes: Int, multiplyAccumulates: Int) {
        self.sha256 = sha256
        self.constantBytes = constantBytes
        self.arenaBytes = arenaBytes
        self.persistentBytes = persistentBytes
        self.cArenaBytes = cArenaBytes
        self.cConstantBytes = cConstantBytes
        self.multiplyAccumulates = multiplyAccumulates
    }

    /// Loads the model at `path` (unsupported operators and malformed files throw) and plans it.
    public init(modelAt path: String) throws(ConfigError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableModel(path: path)
        }
        let bytes = [UInt8](data)
        let model: Model
        do { model = try Model(bytes: bytes) } catch { throw .badModel(path: path, problem: error.description) }
        let library: CLibrary
        do { library = try CExporter.export(model: model, name: "footprint") } catch { throw .badModel(path: path, problem: "\(error)") }
        let graph = model.graph
        self.init(sha256: SHA256.hex(bytes), constantBytes: graph.constants.owned.count, arenaBytes: graph.planArena().arenaBytes,
                  persistentBytes: graph.persistentBytes, cArenaBytes: library.arenaBytes,
                  cConstantBytes: library.constantBytes, multiplyAccumulates: graph.multiplyAccumulates)
    }
}
