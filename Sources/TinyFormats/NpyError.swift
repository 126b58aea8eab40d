/// An `.npy` file (or `.npz` member) that cannot be read, or an array that cannot be written, as
/// a case; `description` is one line.
public enum NpyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file does not start with `\x93NUMPY`.
    case notNpy
    /// A format version other than 1.0, 2.0 and 3.0.
    case unsupportedVersion(major: Int, minor: Int)
    /// The header length field points past the end of the file.
    case headerPastEnd(headerBytes: Int, fileBytes: Int)
    /// The header dictionary lacks `key` or holds it in an unreadable form.
    case badHeader(key: String)
    /// A dtype this codec does not read.
    case unsupportedDType(String)
    /// `fortran_order: True` (only C order is read).
    case fortranOrder
    /// A negative dimension.
    case negativeDimension(shape: String)
    /// A shape whose size in bytes does not fit in `Int`.
    case shapeOverflow(shape: String)
    /// The data after the header is not shape × itemsize bytes.
    case dataSize(expected: Int, actual: Int)
    /// Values and shape disagree (writing).
    case countMismatch(shape: [Int], count: Int)

    public var description: String {
        switch self {
        case .notNpy: return "not an .npy file (no \\x93NUMPY magic)"
        case .unsupportedVersion(let major, let minor): return ".npy format version \(major).\(minor) is not supported (1.0, 2.0, 3.0)"
        case .headerPastEnd(let header, let file): return ".npy header of \(header) bytes runs past the end of the \(file)-byte file"
        case .badHeader(let key): return ".npy header has no readable '\(key)'"
        case .unsupportedDType(let d): return ".npy dtype '\(d)' is not supported (\(NpyDType.acceptedList))"
        case .fortranOrder: return ".npy arrays in Fortran order are not supported (save with C order)"
        case .negativeDimension(let s): return ".npy shape \(s) has a negative dimension"
        case .shapeOverflow(let s): return ".npy shape \(s) is too large (its byte count overflows)"
        case .dataSize(let expected, let actual): return ".npy data holds \(actual) bytes, its shape and dtype need \(expected)"
        case .countMismatch(let shape, let count): return "shape \(shape) does not hold \(count) values"
        }
    }
}
