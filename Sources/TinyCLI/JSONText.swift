/// Minimal JSON encoding for result lines, so CLIs can print `--json` objects without Foundation's
/// JSONSerialization key-order surprises. Keys keep insertion order.
public enum JSONValue {
    case number(Double)
    case int(Int)
    case string(String)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue)])
    case null

    public var text: String {
        switch self {
        case .number(let v):
            if v.isNaN || v.isInfinite { return "null" }
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return String(v)
        case .int(let v): return String(v)
        case .string(let s): return JSONValue.quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let a): return "[" + a.map(\.text).joined(separator: ",") + "]"
        case .object(let o):
            return "{" + o.map { JSONValue.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension JSONValue {
    /// A 32-bit pattern as 8 lower-case hex digits (a `Float`'s bits, compared exactly between the
    /// host tools and the firmware, which prints the same digits).
    public static func bits(_ v: UInt32) -> JSONValue {
        let hex = String(v, radix: 16)
        return .string(String(repeating: "0", count: 8 - hex.count) + hex)
    }
}
