import TinyCore

/// Runs a `Model`: owns the arena (allocated once); set inputs, `invoke()`, read outputs.
/// Not thread-safe; use one session per thread.
public final class Session {
    public let model: Model
    public let interpreter: Interpreter

    public init(model: Model) {
        self.model = model
        interpreter = Interpreter(graph: model.graph)
    }

    public var inputs: [TensorInfo] { model.inputs }
    public var outputs: [TensorInfo] { model.outputs }
    /// Planned arena bytes of this session.
    public var arenaBytes: Int { interpreter.plan.arenaBytes }

    private func inputID(_ index: Int, count: Int) throws(RuntimeError) -> Int {
        let ids = model.graph.inputs
        if index < 0 || index >= ids.count { throw .noTensor(role: "input", index: index) }
        let expected = model.graph.tensors[ids[index]].elementCount
        if count != expected { throw .wrongSize(role: "input", index: index, expected: expected, got: count, unit: "values") }
        return ids[index]
    }

    private func outputID(_ index: Int) throws(RuntimeError) -> Int {
        let ids = model.graph.outputs
        if index < 0 || index >= ids.count { throw .noTensor(role: "output", index: index) }
        return ids[index]
    }

    /// Copies raw little-endian bytes (in the tensor's own type) into input `index`.
    public func setInput(_ index: Int = 0, bytes: [UInt8]) throws(RuntimeError) {
        let ids = model.graph.inputs
        if index < 0 || index >= ids.count { throw .noTensor(role: "input", index: index) }
        let t = model.graph.tensors[ids[index]]
        if bytes.count != t.byteCount { throw .wrongSize(role: "input", index: index, expected: t.byteCount, got: bytes.count, unit: "bytes") }
        let p = interpreter.tensorData(ids[index])
        bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    }

    /// Sets an int8 input.
    public func setInput(_ index: Int = 0, int8 values: [Int8]) throws(RuntimeError) {
        let id = try inputID(index, count: values.count)
        if model.graph.tensors[id].type != .int8 { throw .wrongType(role: "input", index: index, type: model.graph.tensors[id].type.name, expected: "int8") }
        let p = interpreter.tensorData(id).assumingMemoryBound(to: Int8.self)
        for (i, v) in values.enumerated() { p[i] = v }
    }

    /// Sets an input from real values: quantized with the input's scale and zero point
    /// (`clamp(round(x / scale) + zeroPoint)`, as TFLite QUANTIZE) for int8 inputs, copied for float inputs.
    public func setInput(_ index: Int = 0, float values: [Float]) throws(RuntimeError) {
        let id = try inputID(index, count: values.count)
        let t = model.graph.tensors[id]
        let p = interpreter.tensorData(id)
        switch t.type {
        case .int8:
            let q = p.assumingMemoryBound(to: Int8.self)
            for (i, v) in values.enumerated() {
                q[i] = QuantizeFloat.quantize(v, scale: t.scale, zeroPoint: t.zeroPoint)
            }
        case .float32:
            let f = p.assumingMemoryBound(to: Float.self)
            for (i, v) in values.enumerated() { f[i] = v }
        default:
            throw .wrongType(role: "input", index: index, type: t.type.name, expected: "int8 or float32")
        }
    }

    /// Runs the model once (no allocation).
    public func invoke() { interpreter.invoke() }

    /// Output `index` as int8 values.
    public func outputInt8(_ index: Int = 0) throws(RuntimeError) -> [Int8] {
        let id = try outputID(index)
        let t = model.graph.tensors[id]
        if t.type != .int8 { throw .wrongType(role: "output", index: index, type: t.type.name, expected: "int8") }
        let p = interpreter.tensorData(id).assumingMemoryBound(to: Int8.self)
        return Array(UnsafeBufferPointer(start: p, count: t.elementCount))
    }

    /// Output `index` as real values: dequantized `scale * (q - zeroPoint)` for int8, copied for float.
    public func outputFloat(_ index: Int = 0) throws(RuntimeError) -> [Float] {
        let id = try outputID(index)
        let t = model.graph.tensors[id]
        let p = interpreter.tensorData(id)
        switch t.type {
        case .int8:
            let q = p.assumingMemoryBound(to: Int8.self)
            return (0 ..< t.elementCount).map { Float(Double(t.scale) * Double(Int32(q[$0]) - t.zeroPoint)) }
        case .float32:
            return Array(UnsafeBufferPointer(start: p.assumingMemoryBound(to: Float.self), count: t.elementCount))
        default:
            throw .wrongType(role: "output", index: index, type: t.type.name, expected: "int8 or float32")
        }
    }

    /// Output `index` as raw little-endian bytes in its own type.
    public func outputBytes(_ index: Int = 0) throws(RuntimeError) -> [UInt8] {
        let id = try outputID(index)
        let t = model.graph.tensors[id]
        let p = interpreter.tensorData(id).assumingMemoryBound(to: UInt8.self)
        return Array(UnsafeBufferPointer(start: p, count: t.byteCount))
    }
}

extension Session {
    /// Current bytes of any run-time tensor by graph tensor id (for debugging and tooling; tensors
    /// whose arena space is reused hold the latest value written there).
    public func tensorBytes(_ id: Int) throws(RuntimeError) -> [UInt8] {
        let tensors = model.graph.tensors
        if id < 0 || id >= tensors.count { throw .noTensor(role: "tensor", index: id) }
        let p = interpreter.tensorData(id).assumingMemoryBound(to: UInt8.self)
        return Array(UnsafeBufferPointer(start: p, count: tensors[id].byteCount))
    }
}
