import Foundation

/// A pipeline file (`Pipelines/<name>/pipeline.json`) read strictly: a JSON object with
/// `"format"` and `"version"`, a `"features"` member that is a `FeatureSpec`, and the pipeline's
/// own sections, decoded with `JSONDecoder` into the caller's `Decodable` type.
///
/// Unknown keys are errors (in the root and in every section the caller lists), so a typo cannot
/// silently fall back to a default. Errors are one line: `pipeline '<path>': <key>: <problem>`.
public struct PipelineDocument {
    /// The pipeline file (a directory given to `init(path:…)` resolves to its `pipeline.json`).
    public let url: URL
    /// The parsed JSON object.
    public let root: [String: Any]
    /// The `"features"` member.
    public let features: FeatureSpec

    /// Loads `path` (a pipeline.json or a directory holding one). `format` must match the file's
    /// `"format"`, `"version"` must lie in `versions`; `allowedKeys` maps a section name (`""` for the
    /// root) to the keys it may hold.
    public init(path: String, format: String, versions: ClosedRange<Int>,
                allowedKeys: [String: Set<String>]) throws(PipelineDocumentError) {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let file = exists && isDirectory.boolValue ? URL(fileURLWithPath: path).appendingPathComponent("pipeline.json")
            : URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let missing = !FileManager.default.fileExists(atPath: file.path)
            throw PipelineDocumentError("cannot read pipeline '\(file.path)'" + (missing ? ": no such file" : ""))
        }
        try self.init(jsonData: data, url: file, format: format, versions: versions, allowedKeys: allowedKeys)
    }

    public init(jsonData: Data, url: URL, format: String, versions: ClosedRange<Int>,
                allowedKeys: [String: Set<String>]) throws(PipelineDocumentError) {
        let source = url.path
        func fail(_ problem: String) -> PipelineDocumentError { PipelineDocumentError("pipeline '\(source)': \(problem)") }
        guard let parsed = try? JSONSerialization.jsonObject(with: jsonData) else { throw fail("not valid JSON") }
        guard let object = parsed as? [String: Any] else { throw fail("expected a JSON object") }
        for (section, allowed) in allowedKeys.sorted(by: { $0.key < $1.key }) {
            guard let members = section.isEmpty ? object : object[section] as? [String: Any] else { continue }
            if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
                let key = section.isEmpty ? unknown : "\(section).\(unknown)"
                throw fail("unknown key '\(key)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        guard let found = object["format"] as? String, found == format else {
            throw fail("format: expected '\(format)' (got \(object["format"].map { "'\($0)'" } ?? "nothing"))")
        }
        guard let version = object["version"] as? Int, versions.contains(version) else {
            throw fail("version: expected \(versions.lowerBound)…\(versions.upperBound) (got \(object["version"].map { "\($0)" } ?? "nothing"))")
        }
        guard let spec = object["features"] else { throw fail("missing key 'features'") }
        do {
            features = try FeatureSpec(jsonObject: spec, source: source, keyPath: "features")
        } catch {
            throw PipelineDocumentError(error.description)
        }
        self.url = url.standardizedFileURL
        root = object
    }

    /// Decodes every member except `"features"` into `T` (missing or mistyped keys are named).
    public func decode<T: Decodable>(_ type: T.Type) throws(PipelineDocumentError) -> T {
        var rest = root
        rest["features"] = nil
        do {
            return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: rest))
        } catch let DecodingError.keyNotFound(key, context) {
            throw problem(context.codingPath + [key], "missing")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw problem(context.codingPath, "expected \(Self.typeName(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw problem(context.codingPath, "expected \(Self.typeName(expected)), got null")
        } catch let DecodingError.dataCorrupted(context) {
            throw problem(context.codingPath, context.debugDescription)
        } catch {
            throw PipelineDocumentError("pipeline '\(url.path)': \(error)")
        }
    }

    /// `relative` resolved against the pipeline file's directory (absolute paths unchanged).
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : url.deletingLastPathComponent().appendingPathComponent(relative).path
    }

    private func problem(_ path: [any CodingKey], _ text: String) -> PipelineDocumentError {
        let key = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return PipelineDocumentError("pipeline '\(url.path)': \(key.isEmpty ? "" : key + ": ")\(text)")
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        default: return "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}
