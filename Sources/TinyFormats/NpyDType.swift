/// The element types the `.npy` codec reads and writes: little-endian fixed-width numbers and
/// fixed-width unicode strings (`<U{n}`, UTF-32LE padded with NULs, as numpy stores `np.array(["a", "bc"])`).
public enum NpyDType: Equatable, Hashable, Sendable {
    case int8, uint8, int16, int32, int64, float32
    /// `n` code points per element.
    case unicode(Int)

    /// The descriptor numpy writes (`|i1`, `<i8`, `<f4`, `<U12`).
    public var descr: String {
        switch self {
        case .int8: return "|i1"
        case .uint8: return "|u1"
        case .int16: return "<i2"
        case .int32: return "<i4"
        case .int64: return "<i8"
        case .float32: return "<f4"
        case .unicode(let n): return "<U\(n)"
        }
    }

    /// Bytes per element (nil for a unicode width whose size overflows).
    public var itemSize: Int? {
        switch self {
        case .int8, .uint8: return 1
        case .int16: return 2
        case .int32, .float32: return 4
        case .int64: return 8
        case .unicode(let n): return TensorShape.byteCount([n], elementBytes: 4)
        }
    }

    /// Reads a descriptor (`|i1`, `<i1` and `i1` alike for single bytes); nil for any other.
    public init?(descr: String) {
        switch descr {
        case "|i1", "<i1", "i1": self = .int8
        case "|u1", "<u1", "u1": self = .uint8
        case "<i2": self = .int16
        case "<i4": self = .int32
        case "<i8": self = .int64
        case "<f4": self = .float32
        default:
            guard descr.hasPrefix("<U"), let n = Int(descr.dropFirst(2)), n >= 1 else { return nil }
            self = .unicode(n)
        }
    }

    /// What `init(descr:)` accepts, for error messages.
    public static let acceptedList = "accepted: |i1, |u1, <i2, <i4, <i8, <f4, <U{n}"
}
