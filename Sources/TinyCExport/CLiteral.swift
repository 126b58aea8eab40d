import Foundation

/// C99 spellings of constants and `static const` arrays for the exported sources.
enum CLiteral {
    /// An int32 constant; INT32_MIN is written as an expression (its literal does not fit `int`).
    static func int32(_ v: Int32) -> String { v == Int32.min ? "(-2147483647 - 1)" : String(v) }

    /// A float as an exact hexadecimal literal (`0x1.2b5e2ep-1f`). Throws for NaN and infinities,
    /// which no valid model produces and C99 cannot spell without <math.h>.
    static func float(_ v: Float) throws(CExportError) -> String {
        guard v.isFinite else { throw .nonFiniteFloat(v) }
        return String(format: "%a", Double(v)) + "f"
    }

    /// A double as an exact hexadecimal literal.
    static func double(_ v: Double) throws(CExportError) -> String {
        guard v.isFinite else { throw .nonFiniteDouble(v) }
        return String(format: "%a", v)
    }

    /// A float for humans (shortest decimal that reads back as the same float), for header macros.
    static func decimalFloat(_ v: Float) -> String {
        let text = "\(v)"
        return (text.contains(".") || text.contains("e") ? text : text + ".0") + "f"
    }

    /// `static const <type> <name>[<count>] = { ... };` with `perLine` values a line.
    /// `values` must not be empty (C99 has no zero-length arrays).
    static func array(_ type: String, _ name: String, _ values: [String], perLine: Int = 16) -> String {
        var lines: [String] = []
        var i = 0
        while i < values.count {
            let end = min(values.count, i + perLine)
            lines.append("    " + values[i ..< end].joined(separator: ", ") + (end < values.count ? "," : ""))
            i = end
        }
        return "static const \(type) \(name)[\(values.count)] = {\n" + lines.joined(separator: "\n") + "\n};\n"
    }

    /// `{a, b, c}` for a fixed-size array field inside a designated initializer.
    static func braces(_ values: [Int]) -> String { "{" + values.map(String.init).joined(separator: ", ") + "}" }

    /// Whether `name` is a C identifier (and so usable as a symbol prefix).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0))) }
    }

    /// A C identifier made from a file name: lower case, other characters to `_`, a leading digit
    /// prefixed with `m_` ("kws_ref_model.tflite" -> "kws_ref_model").
    static func identifier(fromFileName file: String) -> String {
        identifier(from: ((file as NSString).deletingPathExtension as NSString).lastPathComponent)
    }

    /// A C identifier made from any text: lower case, other characters to `_`, a leading digit
    /// prefixed with `m_` ("mlperf-kws" -> "mlperf_kws").
    static func identifier(from text: String) -> String {
        let base = text.lowercased()
        var out = String(base.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0" ... "9").contains(s)) ? Character(s) : "_"
        })
        if out.isEmpty { out = "model" }
        if let first = out.unicodeScalars.first, ("0" ... "9").contains(first) { out = "m_" + out }
        return out
    }
}
