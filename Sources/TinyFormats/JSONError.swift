/// A JSON file (pipeline, feature spec, board profile, deployment config, measurement) that cannot
/// be used, as a case carrying the file and the dotted key path (`smoothing.threshold`,
/// `ram.regions[1].bytes`; empty for the whole document). `description` is one line:
/// `<file>: <key path>: <problem>` (`<file>: <problem>` without a key path).
public enum JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read: `reason` is `no such file`, `cannot read the file` or `the file is empty`.
    case unreadable(file: String, reason: String)
    /// The bytes are not JSON (or not a JSON object at the top level); `reason` is the parser's first line.
    case notJSON(file: String, reason: String)
    /// A required key is absent (or null).
    case missing(file: String, key: String)
    /// The value has the wrong JSON type: `expected` (`a number`, `an object`, …), `got` the value as written.
    case wrongType(file: String, key: String, expected: String, got: String)
    /// A number outside its bounds: `bound` (`must be at least 1`, `expected a positive number`), `got` the value.
    case outOfRange(file: String, key: String, bound: String, got: String)
    /// A key nobody read; `known` lists the keys the reader did read at that level.
    case unknownKey(file: String, key: String, known: [String])
    /// A well-typed value that is not acceptable (an unknown choice, a wrong format, a version
    /// this build does not read, …), as `problem`.
    case invalid(file: String, key: String, problem: String)

    /// The file the error is about.
    public var file: String {
        switch self {
        case .unreadable(let f, _), .notJSON(let f, _), .missing(let f, _), .wrongType(let f, _, _, _),
             .outOfRange(let f, _, _, _), .unknownKey(let f, _, _), .invalid(let f, _, _):
            return f
        }
    }

    /// The key path the error is about ("" for the whole file).
    public var key: String {
        switch self {
        case .unreadable, .notJSON: return ""
        case .missing(_, let k), .wrongType(_, let k, _, _), .outOfRange(_, let k, _, _), .unknownKey(_, let k, _),
             .invalid(_, let k, _):
            return k
        }
    }

    /// The problem without the file and key.
    public var problem: String {
        switch self {
        case .unreadable(_, let reason): return reason
        case .notJSON(_, let reason): return "not valid JSON (\(reason))"
        case .missing: return "missing"
        case .wrongType(_, _, let expected, let got): return "expected \(expected), got \(got)"
        case .outOfRange(_, _, let bound, let got): return "\(bound), got \(got)"
        case .unknownKey(_, _, let known):
            return known.isEmpty ? "unknown key" : "unknown key (expected one of: \(known.joined(separator: ", ")))"
        case .invalid(_, _, let problem): return problem
        }
    }

    public var description: String { key.isEmpty ? "\(file): \(problem)" : "\(file): \(key): \(problem)" }
}
