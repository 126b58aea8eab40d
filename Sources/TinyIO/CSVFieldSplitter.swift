/// Splits one CSV record (bytes) into fields, RFC 4180 style, into reused storage.
///
/// A field is either unquoted (everything up to the next delimiter) or quoted: it starts with `"`,
/// a `""` inside stands for one `"`, and delimiters and newlines inside are part of the field.
/// With the `.whitespace` delimiter, runs of spaces and tabs separate fields and leading/trailing
/// blanks are ignored (no quoting). `fields` holds each field's byte range inside the record
/// (quotes excluded) and whether it was quoted, so numbers can be parsed in place without copying.
public struct CSVFieldSplitter {
    /// What separates fields.
    public enum Delimiter: Equatable, Sendable {
        /// One ASCII byte: `,` `;` `\t` `|` ...
        case byte(UInt8)
        /// Runs of spaces and tabs (whitespace-aligned text columns).
        case whitespace

        public static let comma = Delimiter.byte(UInt8(ascii: ","))
        public static let semicolon = Delimiter.byte(UInt8(ascii: ";"))
        public static let tab = Delimiter.byte(UInt8(ascii: "\t"))
    }

    /// One field: its bytes are `record[range]`; `quoted` fields may hold `""` escapes.
    public struct Field: Equatable, Sendable {
        public var range: Range<Int>
        public var quoted: Bool
    }

    public let delimiter: Delimiter
    /// The fields of the last `split`.
    public private(set) var fields: [Field] = []

    public init(delimiter: Delimiter = .comma) {
        self.delimiter = delimiter
        fields.reserveCapacity(16)
    }

    /// Splits `record`; returns false when a quoted field is still open at its end (the caller may
    /// append the next line, with its newline, and split again).
    public mutating func split(_ record: UnsafeBufferPointer<UInt8>) -> Bool {
        fields.removeAll(keepingCapacity: true)
        switch delimiter {
        case .whitespace: splitOnWhitespace(record); return true
        case .byte(let d): return splitQuoted(record, delimiter: d)
        }
    }

    /// Field `index` as a String, `""` unescaped for quoted fields.
    public func string(_ index: Int, in record: UnsafeBufferPointer<UInt8>) -> String {
        let field = fields[index]
        let text = String(decoding: UnsafeBufferPointer(rebasing: record[field.range]), as: UTF8.self)
        return field.quoted ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }

    private mutating func splitQuoted(_ record: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        let quote = UInt8(ascii: "\"")
        var i = 0
        let n = record.count
        while true {
            if i < n && record[i] == quote {
                // Quoted field: up to the closing quote that is not doubled.
                var j = i + 1
                while true {
                    guard j < n else { return false }
                    if record[j] == quote {
                        if j + 1 < n && record[j + 1] == quote { j += 2; continue }
                        break
                    }
                    j += 1
                }
                fields.append(Field(range: i + 1 ..< j, quoted: true))
                // Bytes between the closing quote and the delimiter (malformed; RFC 4180 allows none) are dropped.
                i = j + 1
                while i < n && record[i] != delimiter { i += 1 }
            } else {
                var j = i
                while j < n && record[j] != delimiter { j += 1 }
                fields.append(Field(range: i ..< j, quoted: false))
                i = j
            }
            if i >= n { return true }
            i += 1   // past the delimiter
            if i == n { fields.append(Field(range: n ..< n, quoted: false)); return true }
        }
    }

    private mutating func splitOnWhitespace(_ record: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = record.count
        while i < n {
            while i < n && Self.isBlank(record[i]) { i += 1 }
            if i == n { return }
            var j = i
            while j < n && !Self.isBlank(record[j]) { j += 1 }
            fields.append(Field(range: i ..< j, quoted: false))
            i = j
        }
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
}
