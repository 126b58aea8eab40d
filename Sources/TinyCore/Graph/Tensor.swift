/// Affine quantization `real = scale * (q - zeroPoint)`, per tensor or per channel along
/// `dimension` (then `scales.count == shape[dimension]`).
public struct Quantization: Equatable, Sendable {
    public var scales: [Float]
    public var zeroPoints: [Int32]
    public var dimension: Int

    public init(scales: [Float], zeroPoints: [Int32], dimension: Int = 0) {
        self.scales = scales
        self.zeroPoints = zeroPoints
        self.dimension = dimension
    }

    /// The per-tensor scale (first entry).
    public var scale: Float { scales.isEmpty ? 0 : scales[0] }
    /// The per-tensor zero point (first entry).
    public var zeroPoint: Int32 { zeroPoints.isEmpty ? 0 : zeroPoints[0] }
    public var isPerChannel: Bool { scales.count > 1 }
}

/// Where a tensor's bytes live.
public enum TensorStorage: Equatable, Sendable {
    /// Computed at run time; the planner gives it an arena offset.
    case activation
    /// Read-only data at `offset` in the graph's owned constant block (`ConstantData.owned`).
    case constant(offset: Int)
    /// Read-only data at `offset` in the model bytes the graph reads in place (`ConstantData.mapped`).
    case mapped(offset: Int)
}

/// One tensor of a graph: static shape, element type, quantization and storage.
public struct Tensor: Sendable {
    public var name: String
    public var shape: [Int]
    public var type: ElementType
    public var quantization: Quantization?
    public var storage: TensorStorage

    public init(name: String, shape: [Int], type: ElementType, quantization: Quantization?,
                storage: TensorStorage) {
        self.name = name
        self.shape = shape
        self.type = type
        self.quantization = quantization
        self.storage = storage
    }

    /// Product of the dimensions (1 for a scalar).
    public var elementCount: Int {
        var n = 1
        for d in shape { n = n &* d }
        return n
    }

    public var byteCount: Int { elementCount &* type.byteWidth }

    public var isConstant: Bool {
        if case .activation = storage { return false }
        return true
    }

    /// Per-tensor scale (0 when unquantized).
    public var scale: Float { quantization?.scale ?? 0 }
    /// Per-tensor zero point (0 when unquantized).
    public var zeroPoint: Int32 { quantization?.zeroPoint ?? 0 }
}

/// Raw pointers to every tensor's bytes, indexed by tensor id; valid during `Interpreter.invoke`.
public struct TensorMemory {
    @usableFromInline let base: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// This operator's scratch area in the arena (`Operator.scratchBytes` bytes, 16-byte aligned).
    public let scratch: UnsafeMutableRawPointer

    #if hasFeature(Embedded)
    @inlinable public init(base: UnsafeMutablePointer<UnsafeMutableRawPointer>, scratch: UnsafeMutableRawPointer) {
        self.base = base
        self.scratch = scratch
    }
    #else
    /// Host builds only: the interpreter's working memory for the SIMD kernels
    /// (`Operator.workspaceBytes` bytes, 64-byte aligned), outside the planned arena.
    public let workspace: UnsafeMutableRawPointer

    @inlinable public init(base: UnsafeMutablePointer<UnsafeMutableRawPointer>, scratch: UnsafeMutableRawPointer,
                           workspace: UnsafeMutableRawPointer) {
        self.base = base
        self.scratch = scratch
        self.workspace = workspace
    }
    #endif

    @inlinable @inline(__always)
    public func int8(_ id: Int) -> UnsafeMutablePointer<Int8> {
        base[id].assumingMemoryBound(to: Int8.self)
    }

    @inlinable @inline(__always)
    public func int32(_ id: Int) -> UnsafeMutablePointer<Int32> {
        base[id].assumingMemoryBound(to: Int32.self)
    }

    @inlinable @inline(__always)
    public func float32(_ id: Int) -> UnsafeMutablePointer<Float> {
        base[id].assumingMemoryBound(to: Float.self)
    }

    @inlinable @inline(__always)
    public func raw(_ id: Int) -> UnsafeMutableRawPointer { base[id] }
}
