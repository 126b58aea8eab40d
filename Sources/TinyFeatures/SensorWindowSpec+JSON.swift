import Foundation
import TinyDSP
import TinyFormats
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
        do {
            let r = try JSONReader(data: jsonData, file: source)
            try self.init(json: r)
            try r.finish()
        } catch {
            throw .json(error)
        }
    }

    /// Whether a JSON object declares this format (so a reader can dispatch on `"format"`).
    public static func declares(_ r: JSONReader) -> Bool {
        r.kind("format") == .string && (try? r.string("format")) == format
    }

    /// Reads a spec from a JSON object (a spec file's root, or the `"features"` member of a
    /// pipeline.json, whose key path errors then name). Unknown keys fail the caller's `finish()`.
    public init(json r: JSONReader) throws(JSONError) {
        let format = try r.string("format")
        guard format == Self.format else { throw r.invalid("format", "expected '\(Self.format)' (got '\(format)')") }
        let version = try r.integer("version", minimum: 1)
        guard version <= Self.currentVersion else {
            throw r.invalid("version", "this build reads versions 1…\(Self.currentVersion) (got \(version))")
        }
        let name = try r.string("name")
        let summary = try r.optionalString("description", allowEmpty: true) ?? ""
        let sampleRate = try r.integer("sampleRate", minimum: 1)
        let columns = try Self.readColumns(r.element("columns"))
        let channels = try r.integer("channels", minimum: 1)
        let a = try r.object("accelerometer")
        let accelerometerChannels = try a.integers("channels")
        let unitName = try a.string("unit")
        let unit: UnitPolicy
        if unitName == "auto" {
            unit = .detect(samples: try a.integer("detectionSamples", minimum: 1))
        } else {
            guard let fixed = AccelerationUnit.allCases.first(where: { $0.name == unitName }) else {
                throw a.invalid("unit", "unknown value '\(unitName)' (expected 'auto', "
                    + AccelerationUnit.allCases.map { "'\($0.name)'" }.joined(separator: ", ") + ")")
            }
            unit = .fixed(fixed)
        }
        let gains = try r.numbers("gains").map(Float.init)
        let windowLength = try r.integer("windowLength", minimum: 1)
        let quantization = try Int8Quantizer.read(r, key: "quantization")
        do {
            try self.init(name: name, summary: summary, sampleRate: sampleRate, columns: columns, channelCount: channels,
                          accelerometerChannels: accelerometerChannels, unit: unit, gains: gains,
                          windowLength: windowLength, quantization: quantization)
        } catch {
            throw r.invalid("", error.description)
        }
    }

    private static func readColumns(_ e: JSONElement) throws(JSONError) -> CSVOptions.Columns {
        if e.kind == .string {
            guard try e.string() == "all" else { throw e.invalid("expected \"all\" or an array of names or indices") }
            return .all
        }
        let list = try e.array()
        guard !list.isEmpty else { throw e.invalid("expected \"all\" or a non-empty array of names or indices") }
        if list.allSatisfy({ $0.kind == .string }) {
            var names: [String] = []
            for item in list { names.append(try item.string()) }
            return .names(names)
        }
        var indices: [Int] = []
        for item in list { indices.append(try item.integer()) }
        return .indices(indices)
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
