import Foundation

/// Strict reader over one JSON object from `JSONSerialization`: typed getters that name the key
/// path in their errors, and `finish()`, which rejects keys nobody read (so a typo such as
/// `"hopp"` fails loudly instead of silently falling back to a default).
final class JSONSpecReader {
    let source: String
    let path: String
    private let object: [String: Any]
    private var used: Set<String> = []

    init(_ value: Any, source: String, path: String) throws(FeatureSpecError) {
        guard let object = value as? [String: Any] else {
            throw FeatureSpecError(source: source, keyPath: path, "expected a JSON object")
        }
        self.source = source
        self.path = path
        self.object = object
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String, _ problem: String) -> FeatureSpecError {
        FeatureSpecError(source: source, keyPath: keyPath(key), problem)
    }

    func has(_ key: String) -> Bool { object[key] != nil && !(object[key] is NSNull) }

    func raw(_ key: String) throws(FeatureSpecError) -> Any {
        used.insert(key)
        guard let v = object[key], !(v is NSNull) else { throw error(key, "missing") }
        return v
    }

    private static func number(_ v: Any) -> NSNumber? {
        guard let n = v as? NSNumber, String(cString: n.objCType) != "c" else { return nil }
        return n
    }

    func double(_ key: String) throws(FeatureSpecError) -> Double {
        let v = try raw(key)
        guard let n = Self.number(v), n.doubleValue.isFinite else { throw error(key, "expected a number") }
        return n.doubleValue
    }

    func int(_ key: String) throws(FeatureSpecError) -> Int {
        let v = try raw(key)
        guard let n = Self.number(v), let i = Int(exactly: n.doubleValue) else { throw error(key, "expected an integer") }
        return i
    }

    func positiveInt(_ key: String) throws(FeatureSpecError) -> Int {
        let i = try int(key)
        guard i > 0 else { throw error(key, "must be positive (got \(i))") }
        return i
    }

    func string(_ key: String) throws(FeatureSpecError) -> String {
        guard let s = try raw(key) as? String else { throw error(key, "expected a string") }
        return s
    }

    func optionalDouble(_ key: String) throws(FeatureSpecError) -> Double? {
        used.insert(key)
        return has(key) ? try double(key) : nil
    }

    func optionalInt(_ key: String) throws(FeatureSpecError) -> Int? {
        used.insert(key)
        return has(key) ? try int(key) : nil
    }

    func optionalString(_ key: String) throws(FeatureSpecError) -> String? {
        used.insert(key)
        return has(key) ? try string(key) : nil
    }

    /// A string that must be one of `choices`.
    func choice<T>(_ key: String, _ choices: [(String, T)]) throws(FeatureSpecError) -> T {
        let s = try string(key)
        guard let hit = choices.first(where: { $0.0 == s }) else {
            throw error(key, "unknown value '\(s)' (expected \(choices.map { "'\($0.0)'" }.joined(separator: ", ")))")
        }
        return hit.1
    }

    func object(_ key: String) throws(FeatureSpecError) -> JSONSpecReader {
        try JSONSpecReader(try raw(key), source: source, path: keyPath(key))
    }

    func array(_ key: String) throws(FeatureSpecError) -> [Any] {
        guard let a = try raw(key) as? [Any] else { throw error(key, "expected an array") }
        return a
    }

    /// Rejects keys that were never read.
    func finish() throws(FeatureSpecError) {
        let unknown = Set(object.keys).subtracting(used).sorted()
        if let first = unknown.first {
            throw FeatureSpecError(source: source, keyPath: keyPath(first), "unknown key")
        }
    }
}
