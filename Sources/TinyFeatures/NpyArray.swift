import Foundation

/// One array in NumPy's `.npy` format 1.0 (little-endian, C order): what `tinyml features` writes
/// and `numpy.load` reads without pickling. Element types: int8, int64, float32, and fixed-width
/// unicode strings (`<U{n}`, UTF-32LE, padded with NULs, as numpy stores `np.array(["a", "bc"])`).
public struct NpyArray: Sendable {
    /// The numpy dtype descriptor (`|i1`, `<i8`, `<f4`, `<U12`).
    public let descr: String
    public let shape: [Int]
    /// Element bytes, little-endian, C order.
    public let payload: [UInt8]

    public init(int8 values: [Int8], shape: [Int]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        descr = "|i1"
        self.shape = shape
        payload = values.map { UInt8(bitPattern: $0) }
    }

    public init(int64 values: [Int], shape: [Int]) {
        self.init(descr: "<i8", shape: shape, littleEndian: values.map { Int64($0).littleEndian })
    }

    public init(float32 values: [Float], shape: [Int]) {
        self.init(descr: "<f4", shape: shape, littleEndian: values.map { $0.bitPattern.littleEndian })
    }

    /// Fixed-width elements already in little-endian byte order.
    private init<T>(descr: String, shape: [Int], littleEndian values: [T]) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not hold \(values.count) values")
        self.descr = descr
        self.shape = shape
        payload = values.withUnsafeBytes { Array($0) }
    }

    /// A 1-D array of strings (`shape == [strings.count]`), or a 0-d array when `scalar`.
    public init(strings: [String], scalar: Bool = false) {
        precondition(!scalar || strings.count == 1)
        let width = max(1, strings.map { $0.unicodeScalars.count }.max() ?? 1)
        descr = "<U\(width)"
        shape = scalar ? [] : [strings.count]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.count * width * 4)
        for s in strings {
            var n = 0
            for u in s.unicodeScalars {
                withUnsafeBytes(of: u.value.littleEndian) { bytes.append(contentsOf: $0) }
                n += 1
            }
            bytes.append(contentsOf: [UInt8](repeating: 0, count: (width - n) * 4))
        }
        payload = bytes
    }

    /// The complete `.npy` file: magic, version 1.0, header padded so the data starts on a
    /// 64-byte boundary, then the payload.
    public var fileBytes: [UInt8] {
        let shapeText: String
        switch shape.count {
        case 0: shapeText = "()"
        case 1: shapeText = "(\(shape[0]),)"
        default: shapeText = "(" + shape.map(String.init).joined(separator: ", ") + ")"
        }
        var header = "{'descr': '\(descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        let length = header.utf8.count
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(header.utf8) + payload
    }
}
