/// Element types a tensor can hold (the subset of TFLite's `TensorType` the core understands).
public enum ElementType: Equatable, Sendable {
    case float32, int32, uint8, int64, bool, int16, int8

    /// Bytes per element.
    public var byteWidth: Int {
        switch self {
        case .float32, .int32: return 4
        case .int64: return 8
        case .int16: return 2
        case .uint8, .bool, .int8: return 1
        }
    }
}
