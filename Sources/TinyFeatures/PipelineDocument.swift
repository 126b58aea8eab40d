import Foundation

/// A front-end spec that a pipeline file holds under `"features"` (`FeatureSpec` for audio,
/// `SensorWindowSpec` for sensor windows), read strictly from the parsed JSON member.
public protocol PipelineFeatures {
    /// Reads the spec; errors name `source` and the key path below `keyPath`.
    init(jsonObject: Any, source: String, keyPath: String) throws(FeatureSpecError)
}

extension FeatureSpec: PipelineFeatures {}
extension SensorWindowSpec: PipelineFeatures {}

/// A pipeline file (`Pipelines/<name>/pipeline.json`) read strictly: a JSON object with
/// `"format"` and `"version"`, a `"features"` member that is a `Features` spec, and the pipeline's
/// own sections, decoded with `JSONDecoder` into `Settings` (every member except `"features"`).
/// Every pipeline (keyword spotting, motor anomaly, gestures, wildlife) reads its file through
/// this one reader.
///
/// Unknown keys are errors (in the root and in every section the caller lists), so a typo cannot
/// silently fall back to a default. Errors are one line: `pipeline '<path>': <key>: <problem>`
/// (`<key>: unknown key '<key>' (allowed: …)`, `<key>: missing key '<key>'`, `<key>: expected a
/// number`, `version: version <v> is not one this build reads (<range>)`, …); a file that cannot be
/// read is `cannot read pipeline '<path>'[: no such file]`.
public struct PipelineDocument<Features: PipelineFeatures, Settings: Decodable> {
    /// The pipeline file (a directory given as `.path` resolves to its `pipeline.json`).
    public let url: URL
    /// The `"features"` member.
    public let features: Features
    /// Every other member (missing or mistyped keys are errors that name them).
    public let settings: Settings

    /// Where the JSON comes from: a file (`path`: a pipeline.json or a directory holding one), or
    /// text already read (`url` names it in errors and anchors relative paths).
    public enum Source {
        case path(String)
        case data(Data, url: URL)
    }

    /// Loads `source`. `format` must match the file's `"format"`, `"version"` must lie in
    /// `versions`; `allowedKeys` maps a section name (`""` for the root) to the keys it may hold.
    public init(_ source: Source, format: String, versions: ClosedRange<Int>,
                allowedKeys: [String: Set<String>]) throws(PipelineDocumentError) {
        let jsonData: Data, url: URL
        switch source {
        case .data(let data, let from):
            (jsonData, url) = (data, from)
        case .path(let path):
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            url = exists && isDirectory.boolValue ? URL(fileURLWithPath: path).appendingPathComponent("pipeline.json")
                : URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                let missing = !FileManager.default.fileExists(atPath: url.path)
                throw PipelineDocumentError("cannot read pipeline '\(url.path)'" + (missing ? ": no such file" : ""))
            }
            jsonData = data
        }
        self.url = url.standardizedFileURL
        let file = self.url.path
        func fail(_ key: String, _ problem: String) -> PipelineDocumentError { Self.problem(file, key, problem) }
        guard let parsed = try? JSONSerialization.jsonObject(with: jsonData) else { throw fail("", "not valid JSON") }
        guard let object = parsed as? [String: Any] else { throw fail("", "expected a JSON object") }
        for (section, allowed) in allowedKeys.sorted(by: { $0.key < $1.key }) {
            guard let members = section.isEmpty ? object : object[section] as? [String: Any] else { continue }
            if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
                let key = section.isEmpty ? unknown : "\(section).\(unknown)"
                throw fail(key, "unknown key '\(key)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        guard let found = object["format"] else { throw fail("format", "missing key 'format'") }
        guard found as? String == format else { throw fail("format", "expected '\(format)' (got '\(found)')") }
        guard let version = object["version"] else { throw fail("version", "missing key 'version'") }
        guard let number = version as? Int, versions.contains(number) else {
            let range = versions.count == 1 ? "\(versions.lowerBound)" : "\(versions.lowerBound)…\(versions.upperBound)"
            throw fail("version", "version \(version) is not one this build reads (\(range))")
        }
        guard let spec = object["features"] else { throw fail("features", "missing key 'features'") }
        do {
            features = try Features(jsonObject: spec, source: file, keyPath: "features")
        } catch {
            throw PipelineDocumentError(error.description)
        }
        settings = try Self.decodeSettings(object, file: file)
    }

    /// `relative` resolved against the pipeline file's directory (absolute paths unchanged), with
    /// `.` and `..` components removed.
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : url.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL.path
    }

    /// Decodes every member of `object` except `"features"` into `Settings`.
    private static func decodeSettings(_ object: [String: Any], file: String) throws(PipelineDocumentError) -> Settings {
        var rest = object
        rest["features"] = nil
        do {
            return try JSONDecoder().decode(Settings.self, from: JSONSerialization.data(withJSONObject: rest))
        } catch let DecodingError.keyNotFound(key, context) {
            let path = keyPath(context.codingPath + [key])
            throw problem(file, path, "missing key '\(path)'")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw problem(file, keyPath(context.codingPath), "expected \(typeName(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw problem(file, keyPath(context.codingPath), "expected \(typeName(expected)), got null")
        } catch let DecodingError.dataCorrupted(context) {
            throw problem(file, keyPath(context.codingPath), context.debugDescription)
        } catch {
            throw problem(file, "", "\(error)")
        }
    }

    /// `pipeline '<source>': <key>: <text>` (no key: `pipeline '<source>': <text>`).
    private static func problem(_ source: String, _ key: String, _ text: String) -> PipelineDocumentError {
        PipelineDocumentError("pipeline '\(source)': \(key.isEmpty ? "" : key + ": ")\(text)")
    }

    private static func keyPath(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
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
