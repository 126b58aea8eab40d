/// A bounds-checked view of a FlatBuffer. Every read validates its offset and length against the
/// buffer, so a malformed or hostile file yields `LiteError.malformed`, never an out-of-bounds read.
/// Buffers are at most 2^30 bytes (`loadLiteModel` checks), and every offset read from the file is
/// range-checked before it is added, so no position arithmetic overflows, on 32-bit cores either.
struct FlatBuffer {
    let bytes: UnsafeRawBufferPointer

    @inline(__always)
    func check(_ position: Int, _ size: Int) throws(LiteError) {
        if position < 0 || size < 0 || position > bytes.count - size { throw .malformed(.outOfBounds) }
    }

    func u8(_ p: Int) throws(LiteError) -> UInt8 {
        try check(p, 1)
        return bytes[p]
    }

    func u16(_ p: Int) throws(LiteError) -> UInt16 {
        try check(p, 2)
        return UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8
    }

    func u32(_ p: Int) throws(LiteError) -> UInt32 {
        try check(p, 4)
        return UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
    }

    func u64(_ p: Int) throws(LiteError) -> UInt64 {
        UInt64(try u32(p)) | UInt64(try u32(p + 4)) << 32
    }

    func i32(_ p: Int) throws(LiteError) -> Int32 { Int32(bitPattern: try u32(p)) }

    /// Follows the unsigned offset stored at `p` (relative to `p`).
    func indirect(_ p: Int) throws(LiteError) -> Int {
        let offset = try u32(p)
        if offset > UInt32(bytes.count - p) { throw .malformed(.outOfBounds) }
        let target = p + Int(offset)
        try check(target, 4)
        return target
    }

    /// An unsigned count or index stored at `p`, as an `Int` no larger than the buffer.
    func count(_ p: Int) throws(LiteError) -> Int {
        let value = try u32(p)
        if value > UInt32(bytes.count) { throw .malformed(.outOfBounds) }
        return Int(value)
    }

    /// The root table.
    func root() throws(LiteError) -> Table {
        try Table(buffer: self, position: try indirect(0))
    }
}

/// A FlatBuffer table with a validated vtable.
struct Table {
    let buffer: FlatBuffer
    let position: Int
    let vtable: Int
    let vtableSize: Int
    let tableSize: Int

    init(buffer: FlatBuffer, position: Int) throws(LiteError) {
        self.buffer = buffer
        self.position = position
        let vtablePosition = Int64(position) - Int64(try buffer.i32(position))
        if vtablePosition < 0 || vtablePosition > Int64(buffer.bytes.count) { throw .malformed(.badVTable) }
        vtable = Int(vtablePosition)
        vtableSize = Int(try buffer.u16(vtable))
        tableSize = Int(try buffer.u16(vtable + 2))
        if vtableSize < 4 || vtableSize % 2 != 0 { throw .malformed(.badVTable) }
        try buffer.check(vtable, vtableSize)
        try buffer.check(position, tableSize)
    }

    /// Absolute position of field `index`, or nil when absent.
    func field(_ index: Int) throws(LiteError) -> Int? {
        let entry = 4 + 2 * index
        if entry + 2 > vtableSize { return nil }
        let offset = Int(try buffer.u16(vtable + entry))
        if offset == 0 { return nil }
        if offset + 1 > tableSize { throw .malformed(.badVTable) }
        return position + offset
    }

    func u8(_ index: Int, default value: UInt8 = 0) throws(LiteError) -> UInt8 {
        guard let p = try field(index) else { return value }
        return try buffer.u8(p)
    }

    func i8(_ index: Int, default value: Int8 = 0) throws(LiteError) -> Int8 {
        Int8(bitPattern: try u8(index, default: UInt8(bitPattern: value)))
    }

    func i32(_ index: Int, default value: Int32 = 0) throws(LiteError) -> Int32 {
        guard let p = try field(index) else { return value }
        return try buffer.i32(p)
    }

    func u32(_ index: Int, default value: UInt32 = 0) throws(LiteError) -> UInt32 {
        guard let p = try field(index) else { return value }
        return try buffer.u32(p)
    }

    /// An unsigned index field (absent: 0), bounded by the buffer size.
    func index(_ field: Int) throws(LiteError) -> Int {
        guard let p = try self.field(field) else { return 0 }
        return try buffer.count(p)
    }

    func u64(_ index: Int, default value: UInt64 = 0) throws(LiteError) -> UInt64 {
        guard let p = try field(index) else { return value }
        return try buffer.u64(p)
    }

    func f32(_ index: Int, default value: Float = 0) throws(LiteError) -> Float {
        guard let p = try field(index) else { return value }
        return Float(bitPattern: try buffer.u32(p))
    }

    func bool(_ index: Int) throws(LiteError) -> Bool { try u8(index) != 0 }

    func table(_ index: Int) throws(LiteError) -> Table? {
        guard let p = try field(index) else { return nil }
        return try Table(buffer: buffer, position: try buffer.indirect(p))
    }

    /// (start, count) of a vector field whose elements are `elementSize` bytes; validated.
    func vector(_ index: Int, elementSize: Int) throws(LiteError) -> (start: Int, count: Int)? {
        guard let p = try field(index) else { return nil }
        let v = try buffer.indirect(p)
        let count = try buffer.count(v)
        let start = v + 4
        if count > (buffer.bytes.count - start) / elementSize { throw .malformed(.outOfBounds) }
        return (start, count)
    }

    func tables(_ index: Int) throws(LiteError) -> [Table] {
        guard let (start, count) = try vector(index, elementSize: 4) else { return [] }
        var result: [Table] = []
        result.reserveCapacity(count)
        for i in 0 ..< count {
            result.append(try Table(buffer: buffer, position: try buffer.indirect(start + 4 * i)))
        }
        return result
    }

    func int32s(_ index: Int) throws(LiteError) -> [Int32] {
        guard let (start, count) = try vector(index, elementSize: 4) else { return [] }
        var result: [Int32] = []
        result.reserveCapacity(count)
        for i in 0 ..< count { result.append(try buffer.i32(start + 4 * i)) }
        return result
    }

    func floats(_ index: Int) throws(LiteError) -> [Float] {
        try int32s(index).map { Float(bitPattern: UInt32(bitPattern: $0)) }
    }

    func int64s(_ index: Int) throws(LiteError) -> [Int64] {
        guard let (start, count) = try vector(index, elementSize: 8) else { return [] }
        var result: [Int64] = []
        result.reserveCapacity(count)
        for i in 0 ..< count { result.append(Int64(bitPattern: try buffer.u64(start + 8 * i))) }
        return result
    }

    /// A string field (invalid UTF-8 is repaired).
    func string(_ index: Int) throws(LiteError) -> String? {
        guard let (start, count) = try vector(index, elementSize: 1) else { return nil }
        let limited = min(count, 256)
        return String(decoding: buffer.bytes[start ..< start + limited], as: UTF8.self)
    }
}
