/// One array in NumPy's `.npy` format, little-endian, C order: the suite's only `.npy` codec —
/// `tinyml features` writes it (alone or inside an `.npz`), `tinyml run --format npy` reads and
/// writes it, and `numpy.load` reads it without pickling.
///
/// Reading accepts format 1.0, 2.0 and 3.0 and refuses, each as one `NpyError` case: a bad magic,
/// another version, a header running past the file, a header without `descr`/`fortran_order`/
/// `shape`, a dtype outside `NpyDType`, Fortran order, a negative dimension, a shape whose byte
/// count overflows, and data shorter or longer than shape × itemsize.
public struct NpyArray: Sendable, Equatable {
    public let dtype: NpyDType
    public let shape: [Int]
    /// Element bytes, little-endian, C order.
    public let payload: [UInt8]

    /// `payload` as `dtype` elements of `shape` (its length must be shape × itemsize).
    public init(dtype: NpyDType, shape: [Int], payload: [UInt8]) throws(NpyError) {
        let text = NpyHeader.shapeText(shape)
        if shape.contains(where: { $0 < 0 }) { throw .negativeDimension(shape: text) }
        guard let size = dtype.itemSize, let expected = TensorShape.byteCount(shape, elementBytes: size) else {
            throw .shapeOverflow(shape: text)
        }
        guard payload.count == expected else { throw .dataSize(expected: expected, actual: payload.count) }
        self.dtype = dtype
        self.shape = shape
        self.payload = payload
    }

    public init(int8 values: [Int8], shape: [Int]) throws(NpyError) {
        try self.init(dtype: .int8, shape: shape, count: values.count, values)
    }

    public init(int64 values: [Int], shape: [Int]) throws(NpyError) {
        try self.init(dtype: .int64, shape: shape, count: values.count, values.map { Int64($0).littleEndian })
    }

    public init(float32 values: [Float], shape: [Int]) throws(NpyError) {
        try self.init(dtype: .float32, shape: shape, count: values.count, values.map { $0.bitPattern.littleEndian })
    }

    /// Fixed-width elements already in little-endian byte order.
    private init<T>(dtype: NpyDType, shape: [Int], count: Int, _ values: [T]) throws(NpyError) {
        guard TensorShape.byteCount(shape) == count else { throw .countMismatch(shape: shape, count: count) }
        try self.init(dtype: dtype, shape: shape, payload: values.withUnsafeBytes { Array($0) })
    }

    /// A 1-D array of strings (`shape == [strings.count]`), or a 0-d array of one string when `scalar`.
    public init(strings: [String], scalar: Bool = false) {
        precondition(!scalar || strings.count == 1, "a 0-d string array holds one string")
        let width = NpyArray.unicodeWidth(strings)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(strings.count * width * 4)
        for s in strings { NpyArray.appendUnicode(s, width: width, to: &bytes) }
        dtype = .unicode(width)
        shape = scalar ? [] : [strings.count]
        payload = bytes
    }

    /// The `<U{n}` width that holds every one of `strings` (at least 1).
    public static func unicodeWidth(_ strings: [String]) -> Int {
        max(1, strings.map { $0.unicodeScalars.count }.max() ?? 1)
    }

    /// Appends `s` as one `<U{width}` element (UTF-32LE, NUL-padded; `s` must fit).
    public static func appendUnicode(_ s: String, width: Int, to bytes: inout [UInt8]) {
        var n = 0
        for u in s.unicodeScalars {
            withUnsafeBytes(of: u.value.littleEndian) { bytes.append(contentsOf: $0) }
            n += 1
        }
        bytes.append(contentsOf: repeatElement(0, count: (width - n) * 4))
    }

    /// The complete `.npy` file (format 1.0, data on a 64-byte boundary).
    public var fileBytes: [UInt8] { NpyHeader.bytes(dtype: dtype, shape: shape) + payload }

    /// Reads a complete `.npy` file.
    public init(npy b: [UInt8]) throws(NpyError) {
        guard b.count >= 8, b[0] == 0x93, b[1 ... 5].elementsEqual("NUMPY".utf8) else { throw .notNpy }
        let (major, minor) = (Int(b[6]), Int(b[7]))
        guard minor == 0, (1 ... 3).contains(major) else { throw .unsupportedVersion(major: major, minor: minor) }
        let start = major == 1 ? 10 : 12
        guard b.count >= start else { throw .headerPastEnd(headerBytes: start, fileBytes: b.count) }
        let length = major == 1 ? Int(b[8]) | Int(b[9]) << 8 : Int(b[8]) | Int(b[9]) << 8 | Int(b[10]) << 16 | Int(b[11]) << 24
        guard start + length <= b.count else { throw .headerPastEnd(headerBytes: start + length, fileBytes: b.count) }
        let header = try NpyHeader(parsing: String(decoding: b[start ..< start + length], as: UTF8.self))
        try self.init(dtype: header.dtype, shape: header.shape, payload: Array(b[(start + length)...]))
    }
}

/// The `.npy` header: `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
public struct NpyHeader: Sendable, Equatable {
    public let dtype: NpyDType
    public let shape: [Int]

    /// numpy's shape text: `()`, `(3,)`, `(3, 4)`.
    public static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Magic, version 1.0, header length and the header padded with spaces so the data starts on
    /// a 64-byte boundary — at least `minimumBytes` in all (so a header rewritten later with a
    /// longer shape, as a streaming writer does, keeps the data where it was).
    public static func bytes(dtype: NpyDType, shape: [Int], minimumBytes: Int = 0) -> [UInt8] {
        var header = "{'descr': '\(dtype.descr)', 'fortran_order': False, 'shape': \(shapeText(shape)), }"
        var total = 10 + header.utf8.count + 1
        total = max(total, minimumBytes)
        total += (64 - total % 64) % 64
        header += String(repeating: " ", count: total - 10 - header.utf8.count - 1) + "\n"
        let n = header.utf8.count
        precondition(n <= 0xFFFF, "npy 1.0 header too long")
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(n & 0xFF), UInt8(n >> 8)] + Array(header.utf8)
    }

    /// The header size a streaming writer reserves for `dtype` with a row count not yet known.
    public static func reservedBytes(dtype: NpyDType, rowShape: [Int]) -> Int {
        bytes(dtype: dtype, shape: [Int.max] + rowShape).count
    }

    init(parsing header: String) throws(NpyError) {
        func field(_ key: String) throws(NpyError) -> Substring {
            guard let r = header.range(of: "'\(key)':") else { throw .badHeader(key: key) }
            return header[r.upperBound...].drop(while: { $0 == " " })
        }
        let descrField = try field("descr")
        guard descrField.first == "'", let close = descrField.dropFirst().firstIndex(of: "'") else { throw .badHeader(key: "descr") }
        let descr = String(descrField[descrField.index(after: descrField.startIndex) ..< close])
        let order = try field("fortran_order")
        if order.hasPrefix("True") { throw .fortranOrder }
        guard order.hasPrefix("False") else { throw .badHeader(key: "fortran_order") }
        let s = try field("shape")
        guard s.first == "(", let end = s.firstIndex(of: ")") else { throw .badHeader(key: "shape") }
        let text = String(s[...end])
        var shape: [Int] = []
        for part in s[s.index(after: s.startIndex) ..< end].split(separator: ",") {
            let t = part.trimmingCharacters(in: " ")
            if t.isEmpty { continue }
            guard let v = Int(t) else {
                // An integer literal too long for Int is an overflowing shape; anything else is unreadable.
                let digits = t.drop(while: { $0 == "-" })
                guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { throw .badHeader(key: "shape") }
                throw t.hasPrefix("-") ? .negativeDimension(shape: text) : .shapeOverflow(shape: text)
            }
            guard v >= 0 else { throw .negativeDimension(shape: text) }
            shape.append(v)
        }
        guard let dtype = NpyDType(descr: descr) else { throw .unsupportedDType(descr) }
        guard let size = dtype.itemSize, TensorShape.byteCount(shape, elementBytes: size) != nil else {
            throw .shapeOverflow(shape: text)
        }
        self.dtype = dtype
        self.shape = shape
    }
}

private extension Substring {
    func trimmingCharacters(in c: Character) -> Substring {
        var s = self
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return s
    }
}
