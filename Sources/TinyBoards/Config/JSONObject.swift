import Foundation

/// A JSON object read from a file, with typed accessors whose errors name the file and the full
/// key path. Unknown keys are rejected (`rejectUnknownKeys`) so that a typo is an error, not a
/// silently ignored setting.
public struct JSONObject {
    public let file: String
    /// Dotted path of this object inside the file ("" for the root).
    public let path: String
    let values: [String: Any]

    /// Parses `data` (the contents of `file`) as a JSON object.
    public init(data: Data, file: String) throws(ConfigError) {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigError("\(file): not valid JSON (\(Self.reason(error)))")
        }
        guard let object = parsed as? [String: Any] else { throw ConfigError("\(file): the top level must be a JSON object") }
        self.init(values: object, file: file, path: "")
    }

    /// Reads and parses `path`.
    public init(contentsOf path: String, displayName: String? = nil) throws(ConfigError) {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigError("\(name): cannot read the file") }
        if data.isEmpty { throw ConfigError("\(name): the file is empty") }
        try self.init(data: data, file: name)
    }

    init(values: [String: Any], file: String, path: String) {
        self.values = values
        self.file = file
        self.path = path
    }

    static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "parse error"
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func fail(_ key: String, _ problem: String) -> ConfigError { ConfigError(file: file, key: keyPath(key), problem) }

    static func describe(_ value: Any) -> String {
        if isBool(value) { return (value as? Bool ?? false) ? "true" : "false" }
        if let s = value as? String { return "\"\(s)\"" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        if value is NSNull { return "null" }
        return "\(value)"
    }

    static func isBool(_ value: Any) -> Bool {
        type(of: value) == Bool.self || String(describing: type(of: value)).contains("Boolean")
    }

    public var keys: [String] { values.keys.sorted() }
    public func has(_ key: String) -> Bool { values[key] != nil && !(values[key] is NSNull) }

    /// Throws for the first key (sorted) not in `allowed`.
    public func rejectUnknownKeys(_ allowed: [String]) throws(ConfigError) {
        let known = Set(allowed)
        if let bad = keys.first(where: { !known.contains($0) }) {
            throw fail(bad, "unknown key (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    private func required(_ key: String) throws(ConfigError) -> Any {
        guard let v = values[key], !(v is NSNull) else { throw fail(key, "missing") }
        return v
    }

    public func string(_ key: String) throws(ConfigError) -> String {
        let v = try required(key)
        guard let s = v as? String, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail(key, "expected a non-empty string, got \(Self.describe(v))")
        }
        return s
    }

    public func optionalString(_ key: String) throws(ConfigError) -> String? { has(key) ? try string(key) : nil }

    /// A finite number; `positive` also excludes zero and negatives.
    public func number(_ key: String, positive: Bool = false, atLeast minimum: Double? = nil,
                       atMost maximum: Double? = nil) throws(ConfigError) -> Double {
        let v = try required(key)
        guard !Self.isBool(v), let d = v as? Double, d.isFinite else {
            throw fail(key, "expected a number, got \(Self.describe(v))")
        }
        if positive && !(d > 0) { throw fail(key, "expected a positive number, got \(Self.describe(v))") }
        if let minimum, d < minimum { throw fail(key, "must be at least \(minimum), got \(Self.describe(v))") }
        if let maximum, d > maximum { throw fail(key, "must be at most \(maximum), got \(Self.describe(v))") }
        return d
    }

    /// An integer (no fraction); `minimum` bounds it below.
    public func integer(_ key: String, minimum: Int = 0) throws(ConfigError) -> Int {
        let v = try required(key)
        guard !Self.isBool(v), let d = v as? Double, d.isFinite, d == d.rounded(), abs(d) < 9e15 else {
            throw fail(key, "expected an integer, got \(Self.describe(v))")
        }
        let i = Int(d)
        if i < minimum { throw fail(key, "must be at least \(minimum), got \(i)") }
        return i
    }

    public func optionalInteger(_ key: String, minimum: Int = 0) throws(ConfigError) -> Int? {
        has(key) ? try integer(key, minimum: minimum) : nil
    }

    public func bool(_ key: String) throws(ConfigError) -> Bool {
        let v = try required(key)
        guard Self.isBool(v), let b = v as? Bool else { throw fail(key, "expected true or false, got \(Self.describe(v))") }
        return b
    }

    public func object(_ key: String) throws(ConfigError) -> JSONObject {
        let v = try required(key)
        guard let o = v as? [String: Any] else { throw fail(key, "expected an object, got \(Self.describe(v))") }
        return JSONObject(values: o, file: file, path: keyPath(key))
    }

    public func optionalObject(_ key: String) throws(ConfigError) -> JSONObject? { has(key) ? try object(key) : nil }

    /// An array of objects (`allowEmpty: false` requires at least one).
    public func objects(_ key: String, allowEmpty: Bool = true) throws(ConfigError) -> [JSONObject] {
        let v = try required(key)
        guard let a = v as? [Any] else { throw fail(key, "expected an array, got \(Self.describe(v))") }
        if a.isEmpty && !allowEmpty { throw fail(key, "must not be empty") }
        var out: [JSONObject] = []
        for (i, element) in a.enumerated() {
            guard let o = element as? [String: Any] else {
                throw fail("\(key)[\(i)]", "expected an object, got \(Self.describe(element))")
            }
            out.append(JSONObject(values: o, file: file, path: keyPath("\(key)[\(i)]")))
        }
        return out
    }

    /// The object's members that are objects themselves, by key (for maps such as `models`).
    public func objectMembers() throws(ConfigError) -> [(key: String, value: JSONObject)] {
        var out: [(String, JSONObject)] = []
        for key in keys { out.append((key, try object(key))) }
        return out
    }
}
