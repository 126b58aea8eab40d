import Foundation
import TinyDSP
import TinyIO

/// The sensor-window spec JSON schema, version 1. Every key is required unless marked optional;
/// unknown keys are errors.
/// ```
/// {
///   "format": "tinyml-sensor-window-spec", "version": 1,
///   "name": "magic-wand", "description": "…",                       (description optional)
///   "sampleRate": 25,                                                 (model rate, Hz)
///   "columns": ["ax_g", "ay_g", "az_g"] | [0, 1, 2] | "all",           (CSV columns by name or 0-based index)
///   "channels": 3,
///   "accelerometer": {"channels": [0, 1, 2], "unit": "auto" | "g" | "milli-g" | "m/s2",
///                     "detectionSamples": 25},                        (detectionSamples iff unit is auto)
///   "gains": [1, 1, 1],
///   "windowLength": 128,
///   "quantization": {"scale": …, "zeroPoint": …, "rounding": "half-away-from-zero", "min": -128, "max": 127} | null
/// }
/// ```
extension SensorWindowSpec {
    /// Reads a spec from JSON text; `source` names it in errors.
    public init(jsonData: Data, source: String) throws(FeatureSpecError) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: jsonData)
        } catch {
            throw FeatureSpecError(source: source, keyPath: "", "not valid JSON")
        }
        try self.init(jsonObject: value, source: source)
    }

    /// Whether a parsed JSON object declares this format (so a reader can dispatch on `"format"`).
    public static func declares(_ jsonObject: Any) -> Bool {
        (jsonObject as? [String: Any])?["format"] as? String == format
    }

    /// Reads a spec from a parsed JSON object (e.g. the `"features"` member of a pipeline.json;
    /// pass `keyPath: "features"` so errors name the full path).
    public init(jsonObject: Any, source: String, keyPath: String = "") throws(FeatureSpecError) {
        let r = try JSONSpecReader(jsonObject, source: source, path: keyPath)
        let format = try r.string("format")
        guard format == Self.format else { throw r.error("format", "expected '\(Self.format)' (got '\(format)')") }
        let version = try r.int("version")
        guard (1 ... Self.currentVersion).contains(version) else {
            throw r.error("version", "this build reads versions 1…\(Self.currentVersion) (got \(version))")
        }
        let name = try r.string("name")
        let summary = try r.optionalString("description") ?? ""
        let sampleRate = try r.positiveInt("sampleRate")
        let columns = try Self.readColumns(r)
        let channels = try r.positiveInt("channels")
        let a = try r.object("accelerometer")
        let accelerometerChannels = try Self.integers(a, "channels")
        let unitName = try a.string("unit")
        let unit: UnitPolicy
        if unitName == "auto" {
            unit = .detect(samples: try a.positiveInt("detectionSamples"))
        } else {
            guard let fixed = AccelerationUnit.allCases.first(where: { $0.name == unitName }) else {
                throw a.error("unit", "unknown value '\(unitName)' (expected 'auto', "
                    + AccelerationUnit.allCases.map { "'\($0.name)'" }.joined(separator: ", ") + ")")
            }
            unit = .fixed(fixed)
        }
        try a.finish()
        var gains: [Float] = []
        for (i, g) in try r.array("gains").enumerated() {
            guard let n = g as? NSNumber, n.doubleValue.isFinite else { throw r.error("gains[\(i)]", "expected a number") }
            gains.append(n.floatValue)
        }
        let windowLength = try r.positiveInt("windowLength")
        let quantization = try Int8Quantizer.read(r, key: "quantization")
        try r.finish()
        do {
            try self.init(name: name, summary: summary, sampleRate: sampleRate, columns: columns, channelCount: channels,
                          accelerometerChannels: accelerometerChannels, unit: unit, gains: gains,
                          windowLength: windowLength, quantization: quantization)
        } catch {
            throw FeatureSpecError(source: source, keyPath: keyPath, error.description)
        }
    }

    private static func readColumns(_ r: JSONSpecReader) throws(FeatureSpecError) -> CSVOptions.Columns {
        let raw = try r.raw("columns")
        if let s = raw as? String {
            guard s == "all" else { throw r.error("columns", "expected \"all\" or an array of names or indices") }
            return .all
        }
        guard let list = raw as? [Any], !list.isEmpty else {
            throw r.error("columns", "expected \"all\" or a non-empty array of names or indices")
        }
        if let names = list as? [String] { return .names(names) }
        return .indices(try integers(r, "columns"))
    }

    private static func integers(_ r: JSONSpecReader, _ key: String) throws(FeatureSpecError) -> [Int] {
        var out: [Int] = []
        for (i, v) in try r.array(key).enumerated() {
            guard let n = v as? NSNumber, let k = Int(exactly: n.doubleValue), k >= 0 else {
                throw r.error("\(key)[\(i)]", "expected a non-negative integer")
            }
            out.append(k)
        }
        return out
    }

    /// The spec as a JSON object (for embedding in a pipeline.json).
    public var jsonObject: [String: Any] {
        var o: [String: Any] = [
            "format": Self.format, "version": Self.currentVersion, "name": name, "sampleRate": sampleRate,
            "channels": channelCount, "gains": gains.map { Double("\($0)")! }, "windowLength": windowLength,
            "quantization": quantization?.jsonObject ?? NSNull(),
        ]
        if !summary.isEmpty { o["description"] = summary }
        switch columns {
        case .all: o["columns"] = "all"
        case .names(let n): o["columns"] = n
        case .indices(let i): o["columns"] = i
        }
        var a: [String: Any] = ["channels": accelerometerChannels]
        switch unit {
        case .fixed(let u): a["unit"] = u.name
        case .detect(let n): a["unit"] = "auto"; a["detectionSamples"] = n
        }
        o["accelerometer"] = a
        return o
    }
}
