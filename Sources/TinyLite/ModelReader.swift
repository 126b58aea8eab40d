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
/// `math` supplies `expf`/`tanhf` for the SOFTMAX/LOGISTIC/TANH tables (see `HostMath`);
/// `semantics` picks the reference reproduced where LiteRT and TFLM differ (`ReferenceSemantics`).
public func loadLiteModel(_ bytes: [UInt8], math: HostMath,
                          semantics: ReferenceSemantics = .liteRT) throws(LiteError) -> LiteModel {
    let result = bytes.withUnsafeBytes { raw -> Result<LiteModel, LiteError> in
        do throws(LiteError) { return .success(try loadLiteModel(raw, math: math, semantics: semantics)) } catch { return .failure(error) }
    }
    return try result.get()
}

/// `loadLiteModel` over bytes where they lie (a model linked into flash): the flatbuffer is parsed
/// in place. With `constants: .copied` constant tensor data is copied into the graph and `bytes`
/// must stay valid during the call only; with `.inPlace` the kernels read it from `bytes`, which
/// must then outlive the graph (see `ConstantPlacement`).
/// Phases, in the order their errors take precedence: header, tensors with their constant data,
/// graph inputs and outputs, operators (against `BuiltinOperator.registry`), run-time tensor types,
/// kernel preparation, arena bounds.
public func loadLiteModel(_ bytes: UnsafeRawBufferPointer, math: HostMath,
                          constants placement: ConstantPlacement = .copied,
                          semantics: ReferenceSemantics = .liteRT) throws(LiteError) -> LiteModel {
    let header = try readHeader(bytes)
    var file = try readTensors(header, bytes, placement)
    let graphInputs = try tensorIDs(try header.subgraph.int32s(1), tensorCount: file.tensors.count, optional: false)
    let graphOutputs = try tensorIDs(try header.subgraph.int32s(2), tensorCount: file.tensors.count, optional: false)
    let operators = try readOperators(header, tensorCount: file.tensors.count)
    try checkRunTimeTensorTypes(file, referenced: graphInputs + graphOutputs + operators.flatMap { $0.raw.inputs + $0.raw.outputs })
    var builder = GraphBuilder(tensors: file.tensors,
                               constants: ConstantData(owned: file.constants,
                                                       mapped: placement == .inPlace ? bytes : UnsafeRawBufferPointer(start: nil, count: 0)),
                               math: math, semantics: semantics)
    file.constants = []  // the builder's copy is the only one (folding appends without a copy-on-write)
    for (raw, entry) in operators {
        do throws(GraphError) { try builder.add(raw, as: entry) } catch { throw .invalidGraph(error) }
    }
    let graph = try prepareGraph(builder, inputs: graphInputs, outputs: graphOutputs)
    return LiteModel(graph: graph, operatorNames: builder.names, foldedOperators: builder.folded,
                     description: header.description, version: header.version)
}

/// The model table's top level: what the later phases read from.
struct ModelHeader {
    let version: UInt32
    let description: String
    /// Per `operator_codes` entry: `max(deprecated_builtin_code, builtin_code)` and its version.
    let codes: [(code: Int32, version: Int32)]
    /// The first subgraph (the only one the reader runs).
    let subgraph: Table
    let buffers: [Table]
}

/// Checks the file size (16 bytes to 2^30) and reads the root table's version, description,
/// operator codes, first subgraph and buffers. Throws `malformed` for a bad table and
/// `noSubgraph` when there is none.
func readHeader(_ bytes: UnsafeRawBufferPointer) throws(LiteError) -> ModelHeader {
    if bytes.count < 16 { throw .malformed(.tooSmall) }
    if bytes.count > 1 << 30 { throw .malformed(.tooLarge) }
    let model = try FlatBuffer(bytes: bytes).root()
    let version = try model.u32(0)
    let description = try model.string(3) ?? ""
    var codes: [(code: Int32, version: Int32)] = []
    for oc in try model.tables(1) {
        let deprecated = Int32(try oc.i8(0))
        let builtin = try oc.i32(3)
        codes.append((max(deprecated, builtin), try oc.i32(2, default: 1)))
    }
    guard let subgraph = try model.tables(2).first else { throw .noSubgraph }
    return ModelHeader(version: version, description: description, codes: codes, subgraph: subgraph,
                       buffers: try model.tables(4))
}

/// The subgraph's tensors as the core holds them, before any operator is resolved.
struct FileTensors {
    var tensors: [Tensor]
    /// The owned constant block (`ConstantData.owned`): copied constant data, 16-byte aligned.
    var constants: [UInt8]
    /// Each tensor's TFLite `TensorType` code (an unsupported one is held as int8 until checked).
    var typeCodes: [Int8]
}

/// Reads every tensor: shape (each dimension at most 2^24, at most 2^27 elements: `badShape` /
/// `tooLarge`), type, quantization and, for constants, its data (copied into the owned block or,
/// with `.inPlace` and element-aligned, referenced where it lies). Throws `bufferSizeMismatch` when
/// the data does not match shape and type, `unsupportedTensorType` for a constant of a type the
/// core cannot hold.
func readTensors(_ header: ModelHeader, _ bytes: UnsafeRawBufferPointer,
                 _ placement: ConstantPlacement) throws(LiteError) -> FileTensors {
    let tables = try header.subgraph.tables(0)
    if tables.count > 1 << 20 { throw .malformed(.tooLarge) }
    var file = FileTensors(tensors: [], constants: [], typeCodes: [])
    file.constants.reserveCapacity(try constantCapacity(header.buffers, tensorCount: tables.count, bytes, placement))
    for (index, t) in tables.enumerated() {
        let (shape, elements) = try tensorShape(t)
        let typeCode = try t.i8(1)
        file.typeCodes.append(typeCode)
        // At most 2^30 bytes per tensor (2^27 elements of up to 8 bytes): sizes fit 32-bit `Int`.
        let type = elementType(typeCode) ?? .int8
        let quantization = try quantization(t, shape: shape)
        var storage = TensorStorage.activation
        if let data = try constantData(t, header.buffers, bytes) {
            if elementType(typeCode) == nil { throw .unsupportedTensorType(tensor: index, code: typeCode) }
            let expected = elements * type.byteWidth
            if data.count != expected { throw .bufferSizeMismatch(tensor: index, expected: expected, actual: data.count) }
            let address = UInt(bitPattern: bytes.baseAddress) &+ UInt(data.startIndex)
            if placement == .inPlace && address % UInt(type.byteWidth) == 0 {
                storage = .mapped(offset: data.startIndex)
            } else {
                while file.constants.count % 16 != 0 { file.constants.append(0) }
                storage = .constant(offset: file.constants.count)
                file.constants.append(contentsOf: data)
            }
        }
        file.tensors.append(Tensor(name: try t.string(3) ?? "", shape: shape, type: type,
                                   quantization: quantization, storage: storage))
    }
    return file
}

/// Bytes to reserve for the owned constant block, so it is allocated once (no regrowth copies while
/// loading). Copying: every buffer's data, its 16-byte alignment and a few folded shape constants,
/// never more than the file plus that padding. In place: only folded constants (and misaligned
/// data, rare) go there.
func constantCapacity(_ buffers: [Table], tensorCount: Int, _ bytes: UnsafeRawBufferPointer,
                      _ placement: ConstantPlacement) throws(LiteError) -> Int {
    let padding = 256 + 16 * tensorCount
    var capacity = padding
    if placement == .copied {
        for b in buffers {
            if let (_, count) = try b.vector(0, elementSize: 1) {
                capacity = min(capacity + count, bytes.count + padding)
            }
        }
    }
    return capacity
}

/// A tensor's shape and element count (a 0 dimension counts as 1 toward the bound). Each dimension
/// must lie in `0 ... 2^24` (`badShape`); the product, overflow-checked, at most 2^27 (`tooLarge`).
func tensorShape(_ t: Table) throws(LiteError) -> (shape: [Int], elements: Int) {
    var shape: [Int] = []
    var elements = 1
    for d in try t.int32s(0) {
        if d < 0 || d > 1 << 24 { throw .malformed(.badShape) }
        shape.append(Int(d))
        let (product, overflow) = elements.multipliedReportingOverflow(by: max(Int(d), 1))
        if overflow || product > 1 << 27 { throw .malformed(.tooLarge) }
        elements = product
    }
    return (shape, elements)
}

/// A tensor's quantization parameters, or nil without scales. Zero points: one per scale, one, or
/// none (read as 0); a per-channel `quantized_dimension` must name an axis as long as the scales
/// (`badShape` otherwise).
func quantization(_ t: Table, shape: [Int]) throws(LiteError) -> Quantization? {
    guard let q = try t.table(4) else { return nil }
    let scales = try q.floats(2)
    let zeroPoints = try q.int64s(3)
    if scales.isEmpty { return nil }
    if zeroPoints.count != scales.count && zeroPoints.count != 1 && !zeroPoints.isEmpty { throw .malformed(.badShape) }
    var zps: [Int32] = []
    for z in zeroPoints { zps.append(Int32(clamping: z)) }
    if zps.isEmpty { zps = [0] }
    let dim = Int(try q.i32(6))
    if dim < 0 || (scales.count > 1 && (dim >= shape.count || shape[dim] != scales.count)) { throw .malformed(.badShape) }
    return Quantization(scales: scales, zeroPoints: zps, dimension: dim)
}

/// The bytes of a tensor's constant data, or nil for a run-time tensor (buffer 0, or an empty
/// buffer). Data lies in the buffer's `data` vector or, for files over 2 GB written with external
/// buffers, at the buffer's `offset`/`size` in the file (`outOfBounds` if beyond it).
func constantData(_ t: Table, _ buffers: [Table],
                  _ bytes: UnsafeRawBufferPointer) throws(LiteError) -> Slice<UnsafeRawBufferPointer>? {
    let bufferIndex = try t.index(2)
    if bufferIndex >= buffers.count && bufferIndex != 0 { throw .malformed(.badBufferIndex) }
    if bufferIndex == 0 { return nil }
    let b = buffers[bufferIndex]
    if let (start, count) = try b.vector(0, elementSize: 1), count > 0 { return bytes[start ..< start + count] }
    let offset = try b.u64(1), size = try b.u64(2)
    if offset <= 1 || size == 0 { return nil }
    if offset > UInt64(bytes.count) || size > UInt64(bytes.count) - offset { throw .malformed(.outOfBounds) }
    return bytes[Int(offset) ..< Int(offset + size)]
}

/// Tensor ids from the file: each in `0 ..< tensorCount`, or -1 where `optional` (an omitted
/// operator input); `badTensorIndex` otherwise.
func tensorIDs(_ values: [Int32], tensorCount: Int, optional: Bool) throws(LiteError) -> [Int] {
    var ids: [Int] = []
    for v in values {
        if v == -1 && optional { ids.append(-1); continue }
        if v < 0 || Int(v) >= tensorCount { throw .malformed(.badTensorIndex) }
        ids.append(Int(v))
    }
    return ids
}

/// Every operator of the subgraph with its registry entry. Collects each operator the registry does
/// not implement (unknown code, or a version outside the entry's range) and throws them all at once
/// (`unsupportedOperators`, once per code and version, with counts); `badOperatorCode` for an
/// opcode index beyond the codes.
func readOperators(_ header: ModelHeader,
                   tensorCount: Int) throws(LiteError) -> [(raw: RawOperator, entry: BuiltinOperator)] {
    var operators: [(raw: RawOperator, entry: BuiltinOperator)] = []
    var unsupported: [UnsupportedOperator] = []
    for op in try header.subgraph.tables(3) {
        let codeIndex = try op.index(0)
        if codeIndex >= header.codes.count { throw .malformed(.badOperatorCode) }
        let (code, version) = header.codes[codeIndex]
        let raw = RawOperator(code: code, version: version,
                              inputs: try tensorIDs(try op.int32s(1), tensorCount: tensorCount, optional: true),
                              outputs: try tensorIDs(try op.int32s(2), tensorCount: tensorCount, optional: false),
                              options: try op.table(4))
        if let entry = BuiltinOperator.lookup(code), entry.versions.contains(version) {
            operators.append((raw, entry))
        } else if let i = unsupported.firstIndex(where: { $0.code == code && $0.version == version }) {
            unsupported[i].count += 1
        } else {
            unsupported.append(UnsupportedOperator(code: code, name: BuiltinOperator.name(code), version: version, count: 1))
        }
    }
    if !unsupported.isEmpty { throw .unsupportedOperators(unsupported) }
    return operators
}

/// Run-time tensors that the graph or an operator uses must have a type the core holds
/// (`unsupportedTensorType` for the first that does not); unused ones may have any type.
func checkRunTimeTensorTypes(_ file: FileTensors, referenced: [Int]) throws(LiteError) {
    for (i, t) in file.tensors.enumerated() where !t.isConstant && elementType(file.typeCodes[i]) == nil {
        if referenced.contains(i) { throw .unsupportedTensorType(tensor: i, code: file.typeCodes[i]) }
    }
}

/// The prepared graph of `builder`'s operators. Refuses graphs whose planned arena (activations +
/// operator scratch) could exceed 2^30 bytes — bounding the sum of all buffers first also keeps the
/// planner's offsets far from overflow — and graph inputs or outputs with no elements (`badShape`).
func prepareGraph(_ builder: GraphBuilder, inputs: [Int], outputs: [Int]) throws(LiteError) -> Graph {
    let maximumArenaBytes = 1 << 30
    var buffered: Int64 = 0
    for t in builder.tensors where !t.isConstant { buffered += Int64(t.byteCount) }
    for op in builder.operators { buffered += Int64(op.scratchBytes) }
    if buffered > Int64(maximumArenaBytes) { throw .invalidGraph(.arenaTooLarge) }
    let graph = Graph(tensors: builder.tensors, operators: builder.operators,
                      operatorInputs: builder.operatorInputs, operatorOutputs: builder.operatorOutputs,
                      inputs: inputs, outputs: outputs, constants: builder.constants)
    for t in inputs + outputs where !graph.tensors[t].isConstant && graph.tensors[t].elementCount == 0 {
        throw .malformed(.badShape)
    }
    if graph.planArena().arenaBytes > maximumArenaBytes { throw .invalidGraph(.arenaTooLarge) }
    return graph
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
