import TinyCore

/// A .tflite model turned into a prepared TinyCore graph.
public struct LiteModel: Sendable {
    public var graph: Graph
    /// Schema name of each operator in `graph.operators` (same order).
    public var operatorNames: [String]
    /// Shape-only operators resolved at load time (names, in file order).
    public var foldedOperators: [String]
    /// The flatbuffer's `description` string.
    public var description: String
    /// Schema version of the file.
    public var version: UInt32

    /// Constant bytes the graph read in place from the file (none with `.copied`).
    public var mappedConstantBytes: Int {
        graph.tensors.reduce(0) { if case .mapped = $1.storage { return $0 + $1.byteCount } else { return $0 } }
    }

    /// Constant bytes the graph holds in its own block (`ConstantData.owned`, with alignment padding).
    public var copiedConstantBytes: Int { graph.constants.owned.count }
}

/// One operator as stored in the file.
struct RawOperator {
    var code: Int32
    var version: Int32
    var inputs: [Int]
    var outputs: [Int]
    /// The `builtin_options` table (its union type is implied by `code`).
    var options: Table?
}

/// Reads a .tflite flatbuffer and prepares it: validates every offset, length, shape and buffer
/// size, lists all unsupported operators at once, resolves shape-only ops, and builds kernels.
/// `math` supplies `expf`/`tanhf` for the SOFTMAX/LOGISTIC/TANH tables (see `HostMath`).
public func loadLiteModel(_ bytes: [UInt8], math: HostMath) throws(LiteError) -> LiteModel {
    let result = bytes.withUnsafeBytes { raw -> Result<LiteModel, LiteError> in
        do throws(LiteError) { return .success(try loadLiteModel(raw, math: math)) } catch { return .failure(error) }
    }
    return try result.get()
}

/// `loadLiteModel` over bytes where they lie (a model linked into flash): the flatbuffer is parsed
/// in place. With `constants: .copied` constant tensor data is copied into the graph and `bytes`
/// must stay valid during the call only; with `.inPlace` the kernels read it from `bytes`, which
/// must then outlive the graph (see `ConstantPlacement`).
public func loadLiteModel(_ bytes: UnsafeRawBufferPointer, math: HostMath,
                          constants placement: ConstantPlacement = .copied) throws(LiteError) -> LiteModel {
    if bytes.count < 16 { throw .malformed(.tooSmall) }
    if bytes.count > 1 << 30 { throw .malformed(.tooLarge) }
    let buffer = FlatBuffer(bytes: bytes)
    let model = try buffer.root()
    let version = try model.u32(0)
    let description = try model.string(3) ?? ""

    // Operator codes.
    var codes: [(code: Int32, version: Int32)] = []
    for oc in try model.tables(1) {
        let deprecated = Int32(try oc.i8(0))
        let builtin = try oc.i32(3)
        codes.append((max(deprecated, builtin), try oc.i32(2, default: 1)))
    }
    let subgraphs = try model.tables(2)
    guard let subgraph = subgraphs.first else { throw .noSubgraph }
    let buffers = try model.tables(4)

    // Tensors and constant data.
    let tensorTables = try subgraph.tables(0)
    if tensorTables.count > 1 << 20 { throw .malformed(.tooLarge) }
    var tensors: [Tensor] = []
    // Copying: room for every buffer's data, its 16-byte alignment and a few folded shape
    // constants, so the owned block is allocated once (no regrowth copies while loading). In place:
    // only folded constants (and misaligned data, rare) go there.
    let padding = 256 + 16 * tensorTables.count
    var constantCapacity = padding
    if placement == .copied {
        for b in buffers {
            if let (_, count) = try b.vector(0, elementSize: 1) {
                constantCapacity = min(constantCapacity + count, bytes.count + padding) // never above the file
            }
        }
    }
    var constants: [UInt8] = []
    constants.reserveCapacity(constantCapacity)
    var usedTypes: [Int8] = []
    for (index, t) in tensorTables.enumerated() {
        let shape32 = try t.int32s(0)
        var shape: [Int] = []
        var elements = 1
        for d in shape32 {
            if d < 0 || d > 1 << 24 { throw .malformed(.badShape) }
            shape.append(Int(d))
            let (product, overflow) = elements.multipliedReportingOverflow(by: max(Int(d), 1))
            if overflow || product > 1 << 27 { throw .malformed(.tooLarge) }
            elements = product
        }
        let typeCode = try t.i8(1)
        usedTypes.append(typeCode)
        let type = elementType(typeCode) ?? .int8
        // At most 2^30 bytes per tensor (2^27 elements of up to 8 bytes): sizes fit 32-bit `Int`.
        var quantization: Quantization?
        if let q = try t.table(4) {
            let scales = try q.floats(2)
            let zeroPoints = try q.int64s(3)
            if !scales.isEmpty {
                if zeroPoints.count != scales.count && zeroPoints.count != 1 && !zeroPoints.isEmpty {
                    throw .malformed(.badShape)
                }
                var zps: [Int32] = []
                for z in zeroPoints { zps.append(Int32(clamping: z)) }
                if zps.isEmpty { zps = [0] }
                let dim = Int(try q.i32(6))
                if dim < 0 || (scales.count > 1 && (dim >= shape.count || shape[dim] != scales.count)) {
                    throw .malformed(.badShape)
                }
                quantization = Quantization(scales: scales, zeroPoints: zps, dimension: dim)
            }
        }
        var storage = TensorStorage.activation
        let bufferIndex = try t.index(2)
        if bufferIndex >= buffers.count && bufferIndex != 0 { throw .malformed(.badBufferIndex) }
        if bufferIndex > 0 {
            let b = buffers[bufferIndex]
            var data: Slice<UnsafeRawBufferPointer>?
            if let (start, count) = try b.vector(0, elementSize: 1), count > 0 {
                data = bytes[start ..< start + count]
            } else {
                let offset = try b.u64(1), size = try b.u64(2)
                if offset > 1 && size > 0 {
                    if offset > UInt64(bytes.count) || size > UInt64(bytes.count) - offset {
                        throw .malformed(.outOfBounds)
                    }
                    data = bytes[Int(offset) ..< Int(offset + size)]
                }
            }
            if let data {
                if elementType(typeCode) == nil { throw .unsupportedTensorType(tensor: index, code: typeCode) }
                let expected = elements * type.byteWidth
                if data.count != expected { throw .bufferSizeMismatch(tensor: index, expected: expected, actual: data.count) }
                let address = UInt(bitPattern: bytes.baseAddress) &+ UInt(data.startIndex)
                if placement == .inPlace && address % UInt(type.byteWidth) == 0 {
                    storage = .mapped(offset: data.startIndex)
                } else {
                    while constants.count % 16 != 0 { constants.append(0) }
                    storage = .constant(offset: constants.count)
                    constants.append(contentsOf: data)
                }
            }
        }
        let name = try t.string(3) ?? ""
        tensors.append(Tensor(name: name, shape: shape, type: type, quantization: quantization, storage: storage))
    }

    func tensorIDs(_ values: [Int32], optional: Bool) throws(LiteError) -> [Int] {
        var ids: [Int] = []
        for v in values {
            if v == -1 && optional { ids.append(-1); continue }
            if v < 0 || Int(v) >= tensors.count { throw .malformed(.badTensorIndex) }
            ids.append(Int(v))
        }
        return ids
    }
    let graphInputs = try tensorIDs(try subgraph.int32s(1), optional: false)
    let graphOutputs = try tensorIDs(try subgraph.int32s(2), optional: false)

    // Operators; collect every unsupported one before failing.
    var raw: [RawOperator] = []
    var entries: [BuiltinOperator] = []
    var unsupported: [UnsupportedOperator] = []
    for op in try subgraph.tables(3) {
        let codeIndex = try op.index(0)
        if codeIndex >= codes.count { throw .malformed(.badOperatorCode) }
        let (code, opVersion) = codes[codeIndex]
        let r = RawOperator(code: code, version: opVersion,
                            inputs: try tensorIDs(try op.int32s(1), optional: true),
                            outputs: try tensorIDs(try op.int32s(2), optional: false),
                            options: try op.table(4))
        if let entry = BuiltinOperator.lookup(code), entry.versions.contains(opVersion) {
            entries.append(entry)
        } else if let i = unsupported.firstIndex(where: { $0.code == code && $0.version == opVersion }) {
            unsupported[i].count += 1
        } else {
            unsupported.append(UnsupportedOperator(code: code, name: BuiltinOperator.name(code), version: opVersion, count: 1))
        }
        raw.append(r)
    }
    if !unsupported.isEmpty { throw .unsupportedOperators(unsupported) }
    // Run-time tensors must have a type the core can hold.
    for (i, t) in tensors.enumerated() where !t.isConstant && elementType(usedTypes[i]) == nil {
        let referenced = graphInputs.contains(i) || graphOutputs.contains(i)
            || raw.contains { $0.inputs.contains(i) || $0.outputs.contains(i) }
        if referenced { throw .unsupportedTensorType(tensor: i, code: usedTypes[i]) }
    }

    var builder = GraphBuilder(tensors: tensors,
                               constants: ConstantData(owned: constants, mapped: placement == .inPlace ? bytes : UnsafeRawBufferPointer(start: nil, count: 0)),
                               math: math)
    constants = []  // the builder's copy is the only one (folding appends without a copy-on-write)
    for (r, entry) in zip(raw, entries) {
        do {
            try builder.add(r, as: entry)
        } catch {
            throw .invalidGraph(error)
        }
    }
    // Refuse graphs whose planned arena (activations + operator scratch) could exceed 2^30 bytes:
    // bounding the sum of all buffers also keeps the planner's offsets far from overflow.
    let maximumArenaBytes = 1 << 30
    var buffered: Int64 = 0
    for t in builder.tensors where !t.isConstant { buffered += Int64(t.byteCount) }
    for op in builder.operators { buffered += Int64(op.scratchBytes) }
    if buffered > Int64(maximumArenaBytes) { throw .invalidGraph(.arenaTooLarge) }
    let graph = Graph(tensors: builder.tensors, operators: builder.operators,
                      operatorInputs: builder.operatorInputs, operatorOutputs: builder.operatorOutputs,
                      inputs: graphInputs, outputs: graphOutputs, constants: builder.constants)
    for t in graphInputs + graphOutputs where graph.tensors[t].isConstant == false && graph.tensors[t].elementCount == 0 {
        throw .malformed(.badShape)
    }
    if graph.planArena().arenaBytes > maximumArenaBytes { throw .invalidGraph(.arenaTooLarge) }
    return LiteModel(graph: graph, operatorNames: builder.names, foldedOperators: builder.folded,
                     description: description, version: version)
}

/// TFLite `TensorType` code -> element type (nil for types the core does not hold).
func elementType(_ code: Int8) -> ElementType? {
    switch code {
    case 0: return .float32
    case 2: return .int32
    case 3: return .uint8
    case 4: return .int64
    case 6: return .bool
    case 7: return .int16
    case 9: return .int8
    default: return nil
    }
}
