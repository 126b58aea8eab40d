import Foundation
import TinyDSP

/// The feature-spec JSON schema, version 1. Every key below is required unless marked optional;
/// unknown keys are errors. Enumerated values are strings (`FeatureSpecVocabulary`).
/// ```
/// {
///   "format": "tinyml-feature-spec", "version": 1,
///   "name": "mlperf-kws", "description": "…",                  (description optional)
///   "sampleRate": 16000,
///   "normalization": "none" | "peak" | {"kind": "gain", "gain": 0.5},
///   "clipSamples": 16000,                                       (optional: default = frames' span)
///   "frame": {"length": 480, "hop": 320, "fftSize": 512,
///             "window": "hann-periodic" | "hann-symmetric" | "hamming-periodic" | "hamming-symmetric" | "rectangular"},
///   "spectrum": "magnitude" | "power",
///   "features": {"kind": "mel", "bands": 40, "minHz": 20, "maxHz": 4000, "scale": "htk" | "slaney",
///                "triangles": "mel" | "hertz", "normalization": "none" | "slaney" | "l1" | "l2" | "max"}
///             | {"kind": "spectrum"}
///             | {"kind": "statistics", "list": ["rms", "peak", "crest-factor", "kurtosis", "skewness",
///                "mean", "std", "peak-to-peak", "spectral-centroid", "spectral-spread",
///                "spectral-flatness", "spectral-flux", {"kind": "spectral-rolloff", "fraction": 0.85},
///                {"kind": "log-band-energies", "bands": 16, "minHz": 0, "maxHz": 6000,
///                 "floor": "add" | "clamp", "epsilon": 1e-12}]},
///   "log": {"base": "ln" | "log10" | "db" | "db-amplitude", "floor": "add" | "clamp", "epsilon": 1e-6,
///           "reference": 1.0, "topDb": 80} | null,                  (reference, topDb optional)
///   "dct": {"coefficients": 10, "normalization": "none" | "ortho" | "tensorflow", "lifter": 0} | null,
///   "framesPerInput": 49,
///   "stack": 1,                                                   (optional, default 1)
///   "quantization": {"scale": 0.5847029, "zeroPoint": 83,
///                    "rounding": "half-to-even" | "half-away-from-zero" | "half-up",
///                    "min": -128, "max": 127} | null               (min, max optional)
/// }
/// ```
extension FeatureSpec {
    /// Reads a spec from JSON text; `source` names it in errors (a path or preset name).
    public init(jsonData: Data, source: String) throws(FeatureSpecError) {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: jsonData)
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed JSON"
            throw FeatureSpecError(source: source, keyPath: "", "not valid JSON (\(detail))")
        }
        try self.init(jsonObject: value, source: source)
    }

    /// Reads a spec from a parsed JSON object (e.g. the `"features"` member of a pipeline.json;
    /// pass `keyPath: "features"` so errors name the full path).
    public init(jsonObject: Any, source: String, keyPath: String = "") throws(FeatureSpecError) {
        let r = try JSONSpecReader(jsonObject, source: source, path: keyPath)
        let format = try r.string("format")
        guard format == Self.format else { throw r.error("format", "expected '\(Self.format)' (got '\(format)')") }
        let version = try r.int("version")
        guard version >= 1 else { throw r.error("version", "must be ≥ 1 (got \(version))") }
        guard version <= Self.currentVersion else {
            throw r.error("version", "version \(version) is newer than this build reads (\(Self.currentVersion))")
        }
        let name = try r.string("name")
        let summary = try r.optionalString("description") ?? ""
        let sampleRate = try r.positiveInt("sampleRate")
        let normalization = try Self.readNormalization(r)
        let clip = try r.optionalInt("clipSamples")
        let frame = try r.object("frame")
        let frameLength = try frame.positiveInt("length")
        let hop = try frame.positiveInt("hop")
        let fftSize = try frame.positiveInt("fftSize")
        let window = try frame.choice("window", FeatureSpecVocabulary.windows)
        try frame.finish()
        let spectrum = try r.choice("spectrum", FeatureSpecVocabulary.spectra)
        let features = try Self.readFeatures(try r.object("features"))
        let log = r.has("log") ? try Self.readLog(try r.object("log")) : nil
        if !r.has("log") { _ = try? r.raw("log") }
        var cepstrum: CepstralConfiguration?
        if r.has("dct") {
            let d = try r.object("dct")
            cepstrum = CepstralConfiguration(coefficientCount: try d.positiveInt("coefficients"),
                                             normalization: try d.choice("normalization", FeatureSpecVocabulary.dctNormalizations),
                                             lifter: try d.optionalDouble("lifter") ?? 0)
            try d.finish()
        } else {
            _ = try? r.raw("dct")
        }
        let framesPerInput = try r.positiveInt("framesPerInput")
        let stack = try r.optionalInt("stack") ?? 1
        var quantization: Int8Quantizer?
        if r.has("quantization") {
            let q = try r.object("quantization")
            do {
                quantization = try Int8Quantizer(scale: Float(try q.double("scale")), zeroPoint: try q.int("zeroPoint"),
                                                 rounding: try q.choice("rounding", FeatureSpecVocabulary.roundings),
                                                 minimum: try q.optionalInt("min") ?? -128, maximum: try q.optionalInt("max") ?? 127)
            } catch let e as FeatureSpecError {
                throw e
            } catch let e as DSPError {
                throw FeatureSpecError(source: source, keyPath: q.path, e.description)
            } catch {
                throw FeatureSpecError(source: source, keyPath: q.path, "\(error)")
            }
            try q.finish()
        } else {
            _ = try? r.raw("quantization")
        }
        try r.finish()
        let frontEnd = FrontEndConfiguration(
            sampleRate: sampleRate, normalization: normalization, frameLength: frameLength, hop: hop, fftSize: fftSize,
            window: window, spectrum: spectrum, features: features, log: log, cepstrum: cepstrum,
            framesPerInput: framesPerInput, stack: stack, clipSamples: clip)
        do {
            try frontEnd.validate()
        } catch {
            throw FeatureSpecError(source: source, keyPath: keyPath, error.description)
        }
        try self.init(name: name, summary: summary, frontEnd: frontEnd, quantization: quantization)
    }

    private static func readNormalization(_ r: JSONSpecReader) throws(FeatureSpecError) -> InputNormalization {
        if let s = try? r.string("normalization") {
            switch s {
            case "none": return .none
            case "peak": return .peak
            default: throw r.error("normalization", "unknown value '\(s)' (expected 'none', 'peak' or {\"kind\": \"gain\", \"gain\": g})")
            }
        }
        let o = try r.object("normalization")
        let kind = try o.string("kind")
        let result: InputNormalization
        switch kind {
        case "none": result = .none
        case "peak": result = .peak
        case "gain": result = .gain(Float(try o.double("gain")))
        default: throw o.error("kind", "unknown value '\(kind)' (expected 'none', 'peak', 'gain')")
        }
        try o.finish()
        return result
    }

    private static func readFeatures(_ f: JSONSpecReader) throws(FeatureSpecError) -> FrameFeatures {
        let kind = try f.string("kind")
        let result: FrameFeatures
        switch kind {
        case "spectrum":
            result = .spectrum
        case "mel":
            result = .mel(MelFilterbankConfiguration(
                bandCount: try f.positiveInt("bands"), minHertz: try f.double("minHz"), maxHertz: try f.double("maxHz"),
                scale: try f.choice("scale", FeatureSpecVocabulary.melScales),
                triangles: try f.choice("triangles", FeatureSpecVocabulary.triangles),
                normalization: try f.choice("normalization", FeatureSpecVocabulary.melNormalizations)))
        case "statistics":
            var list: [FrameStatistic] = []
            for (i, item) in try f.array("list").enumerated() {
                list.append(try readStatistic(item, source: f.source, path: f.keyPath("list[\(i)]")))
            }
            result = .statistics(list)
        default:
            throw f.error("kind", "unknown value '\(kind)' (expected 'mel', 'spectrum', 'statistics')")
        }
        try f.finish()
        return result
    }

    private static func readStatistic(_ item: Any, source: String, path: String) throws(FeatureSpecError) -> FrameStatistic {
        if let s = item as? String {
            guard let hit = FeatureSpecVocabulary.statistics.first(where: { $0.0 == s }) else {
                let names = FeatureSpecVocabulary.statistics.map(\.0) + ["spectral-rolloff", "log-band-energies"]
                throw FeatureSpecError(source: source, keyPath: path, "unknown statistic '\(s)' (expected one of \(names.joined(separator: ", ")))")
            }
            return hit.1
        }
        let o = try JSONSpecReader(item, source: source, path: path)
        let kind = try o.string("kind")
        let result: FrameStatistic
        switch kind {
        case "spectral-rolloff":
            result = .spectralRolloff(fraction: try o.double("fraction"))
        case "log-band-energies":
            let floor = try o.choice("floor", FeatureSpecVocabulary.floors)
            result = .logBandEnergies(bandCount: try o.positiveInt("bands"), minHertz: try o.double("minHz"),
                                      maxHertz: try o.double("maxHz"), floor: floor(Float(try o.double("epsilon"))))
        default:
            throw o.error("kind", "unknown statistic '\(kind)' (objects: 'spectral-rolloff', 'log-band-energies')")
        }
        try o.finish()
        return result
    }

    private static func readLog(_ l: JSONSpecReader) throws(FeatureSpecError) -> LogCompression {
        let base = try l.choice("base", FeatureSpecVocabulary.logBases)
        let floor = try l.choice("floor", FeatureSpecVocabulary.floors)
        let epsilon = Float(try l.double("epsilon"))
        let reference = Float(try l.optionalDouble("reference") ?? 1)
        let top = try l.optionalDouble("topDb").map(Float.init)
        try l.finish()
        return LogCompression(base: base, floor: floor(epsilon), reference: reference, topDecibels: top)
    }

    /// The spec as a JSON object (`[String: Any]`, for embedding in a pipeline.json).
    public var jsonObject: [String: Any] {
        let c = frontEnd
        typealias V = FeatureSpecVocabulary
        var o: [String: Any] = [
            "format": Self.format, "version": Self.currentVersion, "name": name, "sampleRate": c.sampleRate,
            "frame": ["length": c.frameLength, "hop": c.hop, "fftSize": c.fftSize, "window": V.name(c.window, in: V.windows)],
            "spectrum": V.name(c.spectrum, in: V.spectra),
            "framesPerInput": c.framesPerInput, "stack": c.stack,
            "log": NSNull(), "dct": NSNull(), "quantization": NSNull(),
        ]
        if !summary.isEmpty { o["description"] = summary }
        if let clip = c.clipSamples { o["clipSamples"] = clip }
        switch c.normalization {
        case .none: o["normalization"] = "none"
        case .peak: o["normalization"] = "peak"
        case .gain(let g): o["normalization"] = ["kind": "gain", "gain": Self.shortest(g)]
        }
        switch c.features {
        case .spectrum:
            o["features"] = ["kind": "spectrum"]
        case .mel(let m):
            o["features"] = ["kind": "mel", "bands": m.bandCount, "minHz": m.minHertz, "maxHz": m.maxHertz,
                             "scale": V.name(m.scale, in: V.melScales), "triangles": V.name(m.triangles, in: V.triangles),
                             "normalization": V.name(m.normalization, in: V.melNormalizations)] as [String: Any]
        case .statistics(let list):
            o["features"] = ["kind": "statistics", "list": list.map(Self.statisticObject)] as [String: Any]
        }
        if let l = c.log {
            let (floor, epsilon) = V.floorName(l.floor)
            var lo: [String: Any] = ["base": V.name(l.base, in: V.logBases), "floor": floor, "epsilon": Self.shortest(epsilon)]
            if l.reference != 1 { lo["reference"] = Self.shortest(l.reference) }
            if let t = l.topDecibels { lo["topDb"] = Self.shortest(t) }
            o["log"] = lo
        }
        if let d = c.cepstrum {
            o["dct"] = ["coefficients": d.coefficientCount, "normalization": V.name(d.normalization, in: V.dctNormalizations),
                        "lifter": d.lifter] as [String: Any]
        }
        if let q = quantization {
            o["quantization"] = ["scale": Self.shortest(q.scale), "zeroPoint": q.zeroPoint,
                                 "rounding": V.name(q.rounding, in: V.roundings), "min": q.minimum, "max": q.maximum] as [String: Any]
        }
        return o
    }

    private static func statisticObject(_ s: FrameStatistic) -> Any {
        switch s {
        case .spectralRolloff(let f):
            return ["kind": "spectral-rolloff", "fraction": f] as [String: Any]
        case .logBandEnergies(let n, let lo, let hi, let floor):
            let (name, epsilon) = FeatureSpecVocabulary.floorName(floor)
            return ["kind": "log-band-energies", "bands": n, "minHz": lo, "maxHz": hi, "floor": name,
                    "epsilon": shortest(epsilon)] as [String: Any]
        default:
            return FeatureSpecVocabulary.name(s, in: FeatureSpecVocabulary.statistics)
        }
    }

    /// A `Float` as the shortest decimal that reads back to it (0.5847029, not 0.58470290899…).
    private static func shortest(_ v: Float) -> Double { Double("\(v)")! }

    /// Pretty-printed JSON with sorted keys.
    public func jsonData() -> Data {
        try! JSONSerialization.data(withJSONObject: jsonObject, options: [.prettyPrinted, .sortedKeys])
    }
}
