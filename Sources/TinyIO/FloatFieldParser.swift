import Foundation

/// Parses CSV fields as `Float` in place, with `strtof` in the C locale (decimal point `.`,
/// exponents, `inf`/`nan` recognised so they can be reported as non-finite), without allocating:
/// the field is copied into a reused 64-byte NUL-terminated scratch buffer.
///
/// Blanks around the number are allowed; anything else left over, an empty field, or a field over
/// 63 bytes is not a number. A value beyond Float's range parses to ±infinity (non-finite).
struct FloatFieldParser {
    enum Result: Equatable {
        case value(Float)
        case nonFinite
        case notANumber
    }

    private var scratch = [CChar](repeating: 0, count: 64)

    mutating func parse(_ field: UnsafeBufferPointer<UInt8>) -> Result {
        var lower = 0, upper = field.count
        while lower < upper && CSVFieldSplitter.isBlank(field[lower]) { lower += 1 }
        while upper > lower && CSVFieldSplitter.isBlank(field[upper - 1]) { upper -= 1 }
        let length = upper - lower
        guard length > 0, length < scratch.count else { return .notANumber }
        return scratch.withUnsafeMutableBufferPointer { s in
            let text = s.baseAddress!
            for k in 0 ..< length { text[k] = CChar(bitPattern: field[lower + k]) }
            text[length] = 0
            var stop: UnsafeMutablePointer<CChar>? = nil
            let value = strtof(text, &stop)
            guard stop == text + length else { return .notANumber }
            return value.isFinite ? .value(value) : .nonFinite
        }
    }
}
