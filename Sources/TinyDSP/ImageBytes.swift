/// Writes the fields of a device image (`FrontEndImage`, `SensorWindowImage`, the pipeline image of
/// TinyPipeline): a 4-byte magic, a `u8` version, then little-endian fields with no padding —
/// integers as `i32`, `Float`s as their `u32` bit pattern, `Double`s as their `u64` bit pattern
/// (exact round trip), enumerations as `u8` codes, an optional as a `u8` 0/1 then the value, a byte
/// string as an `i32` length then the bytes.
public struct ImageWriter {
    public private(set) var bytes: [UInt8]

    public init(magic: [UInt8], version: UInt8) {
        bytes = magic + [version]
    }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }

    public mutating func u32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    public mutating func int(_ v: Int) { u32(UInt32(bitPattern: Int32(clamping: v))) }
    public mutating func float(_ v: Float) { u32(v.bitPattern) }
    public mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }

    public mutating func double(_ v: Double) {
        u32(UInt32(truncatingIfNeeded: v.bitPattern))
        u32(UInt32(truncatingIfNeeded: v.bitPattern >> 32))
    }

    /// A byte string: `i32` length, then the bytes (UTF-8 for text).
    public mutating func blob(_ v: [UInt8]) {
        int(v.count)
        bytes += v
    }

    /// Zero bytes until the image length is a multiple of `alignment`.
    public mutating func pad(toMultipleOf alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    public mutating func optional<T>(_ value: T?, _ body: (inout ImageWriter, T) -> Void) {
        guard let value else { return u8(0) }
        u8(1)
        body(&self, value)
    }

    /// An `Int8Quantizer`: scale, zero point, rounding code, minimum, maximum.
    public mutating func quantizer(_ q: Int8Quantizer) {
        float(q.scale)
        int(q.zeroPoint)
        switch q.rounding {
        case .halfToEven: u8(0)
        case .halfAwayFromZero: u8(1)
        case .halfUp: u8(2)
        }
        int(q.minimum)
        int(q.maximum)
    }
}

/// Reads what `ImageWriter` writes, failing with one line that names the image kind and the field
/// (truncation, an unknown code, bytes after the end).
public struct ImageReader {
    public let bytes: UnsafeRawBufferPointer
    public let kind: StaticString
    public private(set) var offset = 0

    /// Checks the magic and the version.
    public init(bytes: UnsafeRawBufferPointer, magic: [UInt8], version: UInt8, kind: StaticString) throws(DSPError) {
        self.bytes = bytes
        self.kind = kind
        for m in magic where try u8("magic") != m { throw DSPError("\(kind): bad magic") }
        let found = try u8("version")
        guard found == version else { throw DSPError("\(kind): version \(found) is not the one this build reads (\(version))") }
    }

    public mutating func u8(_ field: StaticString) throws(DSPError) -> UInt8 {
        guard offset < bytes.count else { throw DSPError("\(kind): truncated at \(field)") }
        offset += 1
        return bytes[offset - 1]
    }

    public mutating func u32(_ field: StaticString) throws(DSPError) -> UInt32 {
        var v: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) { v |= UInt32(try u8(field)) << UInt32(shift) }
        return v
    }

    public mutating func int(_ field: StaticString) throws(DSPError) -> Int { Int(Int32(bitPattern: try u32(field))) }
    public mutating func float(_ field: StaticString) throws(DSPError) -> Float { Float(bitPattern: try u32(field)) }

    public mutating func double(_ field: StaticString) throws(DSPError) -> Double {
        let low = UInt64(try u32(field)), high = UInt64(try u32(field))
        return Double(bitPattern: low | high << 32)
    }

    public mutating func present(_ field: StaticString) throws(DSPError) -> Bool {
        switch try u8(field) {
        case 0: return false
        case 1: return true
        default: throw badCode(field)
        }
    }

    public func badCode(_ field: StaticString) -> DSPError {
        DSPError("\(kind): unknown code \(bytes[offset - 1]) for \(field) at byte \(offset - 1)")
    }

    public mutating func quantizer() throws(DSPError) -> Int8Quantizer {
        let scale = try float("quantization scale"), zeroPoint = try int("quantization zeroPoint")
        let rounding: RoundingRule
        switch try u8("quantization rounding") {
        case 0: rounding = .halfToEven
        case 1: rounding = .halfAwayFromZero
        case 2: rounding = .halfUp
        default: throw badCode("quantization rounding")
        }
        return try Int8Quantizer(scale: scale, zeroPoint: zeroPoint, rounding: rounding,
                                 minimum: try int("quantization min"), maximum: try int("quantization max"))
    }

    public mutating func bool(_ field: StaticString) throws(DSPError) -> Bool { try present(field) }

    /// A byte string written by `ImageWriter.blob`, in place (a slice of `bytes`).
    public mutating func blob(_ field: StaticString) throws(DSPError) -> UnsafeRawBufferPointer {
        let count = try int(field)
        guard count >= 0, count <= bytes.count - offset else { throw DSPError("\(kind): truncated at \(field)") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + count])
    }

    /// Skips the zero bytes `ImageWriter.pad` wrote.
    public mutating func skipPadding(toMultipleOf alignment: Int) throws(DSPError) {
        while offset % alignment != 0 {
            guard try u8("padding") == 0 else { throw DSPError("\(kind): non-zero padding at byte \(offset - 1)") }
        }
    }

    /// Requires that every byte was read.
    public func finish() throws(DSPError) {
        guard offset == bytes.count else { throw DSPError("\(kind): \(bytes.count - offset) bytes after the end of the image") }
    }
}
