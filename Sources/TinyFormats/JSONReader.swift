import Foundation

/// Strict reader over one JSON object of a file: typed getters (with bounds) whose errors are
/// `JSONError` cases naming the file and the full key path, and `finish()`, which rejects every key
/// that was never read — here and in every object read below this one — so a typo such as `"hopp"`
/// fails loudly instead of silently falling back to a default, and no list of allowed keys can
/// drift from the code that reads them. Asking about a key (`has`, an `optional…` getter) counts as
/// reading it. `null` reads as absent.
///
/// Every JSON file the suite reads (pipelines, feature specs, board profiles, deployment configs,
/// measurements) goes through this reader; `decode(_:)` reads `Decodable` sections the same way.
public final class JSONReader {
    /// The file (as errors name it).
    public let file: String
    /// Dotted key path of this object inside the file ("" for the root).
    public let path: String
    let members: [String: Any]
    private var read: Set<String> = []
    private var children: [JSONReader] = []

    /// Parses `data` (the contents of `file`); the top level must be an object.
    public convenience init(data: Data, file: String) throws(JSONError) {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw .notJSON(file: file, reason: text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "parse error")
        }
        guard let object = parsed as? [String: Any] else {
            throw .notJSON(file: file, reason: "the top level must be an object, got \(JSONValueKind.describe(parsed))")
        }
        self.init(members: object, file: file, path: "")
    }

    /// Reads and parses the file at `path`; errors name it `displayName` (default: `path`).
    public convenience init(contentsOf path: String, displayName: String? = nil) throws(JSONError) {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: name, reason: FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file")
        }
        if data.isEmpty { throw .unreadable(file: name, reason: "the file is empty") }
        try self.init(data: data, file: name)
    }

    init(members: [String: Any], file: String, path: String) {
        self.members = members
        self.file = file
        self.path = path
    }

    // MARK: Keys

    /// The object's keys, sorted.
    public var keys: [String] { members.keys.sorted() }

    /// `key` below this object's path (`frame.hop`, `list[2]`).
    public func keyPath(_ key: String) -> String {
        key.isEmpty ? path : path.isEmpty ? key : "\(path).\(key)"
    }

    /// An `.invalid` error about `key` (a well-typed value this build cannot use).
    public func invalid(_ key: String, _ problem: String) -> JSONError { .invalid(file: file, key: keyPath(key), problem: problem) }

    /// Whether `key` holds a non-null value (and marks it read).
    public func has(_ key: String) -> Bool {
        read.insert(key)
        return members[key].map { !($0 is NSNull) } ?? false
    }

    /// The JSON type of `key`'s value (nil when absent or null); marks it read.
    public func kind(_ key: String) -> JSONValueKind? { has(key) ? JSONValueKind(members[key]!) : nil }

    /// `key`'s value; absent or null is `.missing` — or, when an unread key of this object is a
    /// likely misspelling of it (edit distance ≤ 2, both at least 4 characters), `.unknownKey`
    /// for that key, expecting `key`: the error then points at the typo.
    func value(_ key: String) throws(JSONError) -> Any {
        guard has(key) else {
            if key.count >= 4, let typo = keys.first(where: { !read.contains($0) && $0.count >= 4 && Self.distance($0, key) <= 2 }) {
                throw .unknownKey(file: file, key: keyPath(typo), known: [key])
            }
            throw .missing(file: file, key: keyPath(key))
        }
        return members[key]!
    }

    /// Levenshtein distance between `a` and `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let b = Array(b)
        var row = Array(0 ... b.count)
        for (i, x) in a.enumerated() {
            var diagonal = row[0]
            row[0] = i + 1
            for (j, y) in b.enumerated() {
                let next = min(diagonal + (x == y ? 0 : 1), row[j + 1] + 1, row[j] + 1)
                diagonal = row[j + 1]
                row[j + 1] = next
            }
        }
        return row[b.count]
    }

    /// The value of `key` as an element (for values of more than one type).
    public func element(_ key: String) throws(JSONError) -> JSONElement {
        JSONElement(value: try value(key), parent: self, key: key)
    }

    /// Rejects the first key (sorted) never read here, then does the same in every object read
    /// below this one.
    public func finish() throws(JSONError) {
        if let unknown = keys.first(where: { !read.contains($0) }) {
            throw .unknownKey(file: file, key: keyPath(unknown), known: read.sorted())
        }
        for child in children { try child.finish() }
    }

    func adopt(_ child: JSONReader) -> JSONReader {
        children.append(child)
        return child
    }

    // MARK: Scalars

    /// A string; blank strings are refused unless `allowEmpty`.
    public func string(_ key: String, allowEmpty: Bool = false) throws(JSONError) -> String {
        try element(key).string(allowEmpty: allowEmpty)
    }

    public func optionalString(_ key: String, allowEmpty: Bool = false) throws(JSONError) -> String? {
        has(key) ? try string(key, allowEmpty: allowEmpty) : nil
    }

    /// A finite number; `positive` excludes zero and negatives, `atLeast`/`atMost` bound it.
    public func number(_ key: String, positive: Bool = false, atLeast minimum: Double? = nil,
                       atMost maximum: Double? = nil) throws(JSONError) -> Double {
        try element(key).number(positive: positive, atLeast: minimum, atMost: maximum)
    }

    public func optionalNumber(_ key: String, positive: Bool = false, atLeast minimum: Double? = nil,
                               atMost maximum: Double? = nil) throws(JSONError) -> Double? {
        has(key) ? try number(key, positive: positive, atLeast: minimum, atMost: maximum) : nil
    }

    /// An integer (no fraction) in `minimum…maximum` (default: non-negative, as counts, sizes
    /// and indices are; pass `minimum: .min` for a signed value).
    public func integer(_ key: String, minimum: Int = 0, maximum: Int = .max) throws(JSONError) -> Int {
        try element(key).integer(minimum: minimum, maximum: maximum)
    }

    public func optionalInteger(_ key: String, minimum: Int = 0, maximum: Int = .max) throws(JSONError) -> Int? {
        has(key) ? try integer(key, minimum: minimum, maximum: maximum) : nil
    }

    public func bool(_ key: String) throws(JSONError) -> Bool { try element(key).bool() }

    public func optionalBool(_ key: String) throws(JSONError) -> Bool? { has(key) ? try bool(key) : nil }

    /// A string that must be one of `choices` (names paired with their values).
    public func choice<T>(_ key: String, _ choices: [(String, T)]) throws(JSONError) -> T {
        try element(key).choice(choices)
    }

    // MARK: Containers

    public func object(_ key: String) throws(JSONError) -> JSONReader { try element(key).object() }

    public func optionalObject(_ key: String) throws(JSONError) -> JSONReader? { has(key) ? try object(key) : nil }

    /// An array's elements (`allowEmpty: false` requires at least one).
    public func array(_ key: String, allowEmpty: Bool = true) throws(JSONError) -> [JSONElement] {
        try element(key).array(allowEmpty: allowEmpty)
    }

    /// An array of objects.
    public func objects(_ key: String, allowEmpty: Bool = true) throws(JSONError) -> [JSONReader] {
        var out: [JSONReader] = []
        for e in try array(key, allowEmpty: allowEmpty) { out.append(try e.object()) }
        return out
    }

    public func strings(_ key: String, allowEmpty: Bool = true) throws(JSONError) -> [String] {
        var out: [String] = []
        for e in try array(key, allowEmpty: allowEmpty) { out.append(try e.string()) }
        return out
    }

    public func numbers(_ key: String, allowEmpty: Bool = true) throws(JSONError) -> [Double] {
        var out: [Double] = []
        for e in try array(key, allowEmpty: allowEmpty) { out.append(try e.number()) }
        return out
    }

    public func integers(_ key: String, minimum: Int = 0, allowEmpty: Bool = true) throws(JSONError) -> [Int] {
        var out: [Int] = []
        for e in try array(key, allowEmpty: allowEmpty) { out.append(try e.integer(minimum: minimum)) }
        return out
    }

    /// The members of this object, every one an object itself (maps such as `models`), by sorted key.
    public func objectMembers() throws(JSONError) -> [(key: String, value: JSONReader)] {
        var out: [(String, JSONReader)] = []
        for key in keys { out.append((key, try object(key))) }
        return out
    }
}

/// One JSON value at a key path (a member or an array element), read with the same typed,
/// bounded getters as `JSONReader`'s.
public struct JSONElement {
    let value: Any
    let parent: JSONReader
    /// The member key or `[i]` below `parent`.
    let key: String

    public var file: String { parent.file }
    public var keyPath: String { parent.keyPath(key) }
    public var kind: JSONValueKind { JSONValueKind(value) }

    public func invalid(_ problem: String) -> JSONError { parent.invalid(key, problem) }

    func wrongType(_ expected: String) -> JSONError {
        .wrongType(file: file, key: keyPath, expected: expected, got: JSONValueKind.describe(value))
    }

    public func string(allowEmpty: Bool = true) throws(JSONError) -> String {
        guard let s = value as? String, kind == .string else { throw wrongType("a string") }
        guard allowEmpty || !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw wrongType("a non-empty string") }
        return s
    }

    public func number(positive: Bool = false, atLeast minimum: Double? = nil, atMost maximum: Double? = nil) throws(JSONError) -> Double {
        guard kind == .number, let d = (value as? NSNumber)?.doubleValue, d.isFinite else { throw wrongType("a number") }
        let got = JSONValueKind.describe(value)
        if positive && !(d > 0) { throw .outOfRange(file: file, key: keyPath, bound: "expected a positive number", got: got) }
        if let minimum, d < minimum { throw .outOfRange(file: file, key: keyPath, bound: "must be at least \(minimum)", got: got) }
        if let maximum, d > maximum { throw .outOfRange(file: file, key: keyPath, bound: "must be at most \(maximum)", got: got) }
        return d
    }

    public func integer(minimum: Int = 0, maximum: Int = .max) throws(JSONError) -> Int {
        guard kind == .number, let n = value as? NSNumber, let i = Int(exactly: n.doubleValue), abs(n.doubleValue) < 9e15 else {
            throw wrongType("an integer")
        }
        if i < minimum { throw .outOfRange(file: file, key: keyPath, bound: "must be at least \(minimum)", got: "\(i)") }
        if i > maximum { throw .outOfRange(file: file, key: keyPath, bound: "must be at most \(maximum)", got: "\(i)") }
        return i
    }

    public func bool() throws(JSONError) -> Bool {
        guard kind == .bool, let b = value as? Bool else { throw wrongType("true or false") }
        return b
    }

    public func choice<T>(_ choices: [(String, T)]) throws(JSONError) -> T {
        let s = try string()
        guard let hit = choices.first(where: { $0.0 == s }) else {
            throw invalid("unknown value '\(s)' (expected \(choices.map { "'\($0.0)'" }.joined(separator: ", ")))")
        }
        return hit.1
    }

    /// The value as an object, read strictly below `parent` (its unread keys fail `parent.finish()`).
    public func object() throws(JSONError) -> JSONReader {
        guard let o = value as? [String: Any] else { throw wrongType("an object") }
        return parent.adopt(JSONReader(members: o, file: file, path: keyPath))
    }

    public func array(allowEmpty: Bool = true) throws(JSONError) -> [JSONElement] {
        guard let a = value as? [Any] else { throw wrongType("an array") }
        if a.isEmpty && !allowEmpty { throw invalid("must not be empty") }
        return a.indices.map { JSONElement(value: a[$0], parent: parent, key: key + "[\($0)]") }
    }
}

/// The type of a JSON value as `JSONSerialization` returns it (booleans told from numbers).
public enum JSONValueKind: Sendable, Equatable {
    case null, bool, number, string, array, object

    init(_ value: Any) {
        switch value {
        case is NSNull: self = .null
        case let n as NSNumber: self = String(cString: n.objCType) == "c" || type(of: value) == Bool.self ? .bool : .number
        case is String: self = .string
        case is [Any]: self = .array
        default: self = .object
        }
    }

    /// A value as an error quotes it: `"fast"`, `12`, `true`, `an array`, `an object`, `null`.
    static func describe(_ value: Any) -> String {
        switch JSONValueKind(value) {
        case .null: return "null"
        case .bool: return (value as? Bool ?? false) ? "true" : "false"
        case .string: return "\"\(value as? String ?? "")\""
        case .array: return "an array"
        case .object: return "an object"
        case .number: return "\(value)"
        }
    }
}
