import Foundation
import TinyDSP
import TinyFormats

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
        do {
            let r = try JSONReader(data: jsonData, file: source)
            try self.init(json: r)
            try r.finish()
        } catch {
            throw .json(error)
        }
    }

    /// Reads a spec from a JSON object (a spec file's root, or the `"features"` member of a
    /// pipeline.json, whose key path errors then name). Unknown keys fail the caller's `finish()`.
    public init(json r: JSONReader) throws(JSONError) {
        let format = try r.string("format")
        guard format == Self.format else { throw r.invalid("format", "expected '\(Self.format)' (got '\(format)')") }
        let version = try r.integer("version", minimum: 1)
        guard version <= Self.currentVersion else {
            throw r.invalid("version", "version \(version) is newer than this build reads (\(Self.currentVersion))")
        }
        let name = try r.string("name")
        let summary = try r.optionalString("description", allowEmpty: true) ?? ""
        let sampleRate = try r.integer("sampleRate", minimum: 1)
        let normalization = try Self.readNormalization(r.element("normalization"))
        let clip = try r.optionalInteger("clipSamples", minimum: 1)
        let frame = try r.object("frame")
        let frameLength = try frame.integer("length", minimum: 1)
        let hop = try frame.integer("hop", minimum: 1)
        let fftSize = try frame.integer("fftSize", minimum: 1)
        let window = try frame.choice("window", FeatureSpecVocabulary.windows)
        let spectrum = try r.choice("spectrum", FeatureSpecVocabulary.spectra)
        let features = try Self.readFeatures(try r.object("features"))
        let log = try r.optionalObject("log").map { (l) throws(JSONError) in try Self.readLog(l) }
        let cepstrum = try r.optionalObject("dct").map { (d) throws(JSONError) in
            CepstralConfiguration(coefficientCount: try d.integer("coefficients", minimum: 1),
                                  normalization: try d.choice("normalization", FeatureSpecVocabulary.dctNormalizations),
                                  lifter: try d.optionalNumber("lifter") ?? 0)
        }
        let framesPerInput = try r.integer("framesPerInput", minimum: 1)
        let stack = try r.optionalInteger("stack", minimum: 1) ?? 1
        let quantization = try Int8Quantizer.read(r, key: "quantization")
        let frontEnd = FrontEndConfiguration(
            sampleRate: sampleRate, normalization: normalization, frameLength: frameLength, hop: hop, fftSize: fftSize,
            window: window, spectrum: spectrum, features: features, log: log, cepstrum: cepstrum,
            framesPerInput: framesPerInput, stack: stack, clipSamples: clip)
        do {
            try frontEnd.validate()
        } catch {
            throw r.invalid("", error.description)
        }
        do {
            try self.init(name: name, summary: summary, frontEnd: frontEnd, quantization: quantization)
        } catch {
            throw r.invalid("", error.description)
        }
    }

    private static func readNormalization(_ e: JSONElement) throws(JSONError) -> InputNormalization {
        if e.kind == .string {
            switch try e.string() {
            case "none": return .none
            case "peak": return .peak
            case let s: throw e.invalid("unknown value '\(s)' (expected 'none', 'peak' or {\"kind\": \"gain\", \"gain\": g})")
            }
        }
        let o = try e.object()
        switch try o.string("kind") {
        case "none": return .none
        case "peak": return .peak
        case "gain": return .gain(Float(try o.number("gain")))
        case let kind: throw o.invalid("kind", "unknown value '\(kind)' (expected 'none', 'peak', 'gain')")
        }
    }

    private static func readFeatures(_ f: JSONReader) throws(JSONError) -> FrameFeatures {
        switch try f.string("kind") {
        case "spectrum":
            return .spectrum
        case "mel":
            return .mel(MelFilterbankConfiguration(
                bandCount: try f.integer("bands", minimum: 1), minHertz: try f.number("minHz"), maxHertz: try f.number("maxHz"),
                scale: try f.choice("scale", FeatureSpecVocabulary.melScales),
                triangles: try f.choice("triangles", FeatureSpecVocabulary.triangles),
                normalization: try f.choice("normalization", FeatureSpecVocabulary.melNormalizations)))
        case "statistics":
            var list: [FrameStatistic] = []
            for item in try f.array("list") { list.append(try readStatistic(item)) }
            return .statistics(list)
        case let kind:
            throw f.invalid("kind", "unknown value '\(kind)' (expected 'mel', 'spectrum', 'statistics')")
        }
    }

    private static func readStatistic(_ item: JSONElement) throws(JSONError) -> FrameStatistic {
        if item.kind == .string {
            let s = try item.string()
            guard let hit = FeatureSpecVocabulary.statistics.first(where: { $0.0 == s }) else {
                let names = FeatureSpecVocabulary.statistics.map(\.0) + ["spectral-rolloff", "log-band-energies"]
                throw item.invalid("unknown statistic '\(s)' (expected one of \(names.joined(separator: ", ")))")
            }
            return hit.1
        }
        let o = try item.object()
        switch try o.string("kind") {
        case "spectral-rolloff":
            return .spectralRolloff(fraction: try o.number("fraction"))
        case "log-band-energies":
            let floor = try o.choice("floor", FeatureSpecVocabulary.floors)
            return .logBandEnergies(bandCount: try o.integer("bands", minimum: 1), minHertz: try o.number("minHz"),
                                    maxHertz: try o.number("maxHz"), floor: floor(Float(try o.number("epsilon"))))
        case let kind:
            throw o.invalid("kind", "unknown statistic '\(kind)' (objects: 'spectral-rolloff', 'log-band-energies')")
        }
    }

    private static func readLog(_ l: JSONReader) throws(JSONError) -> LogCompression {
        let base = try l.choice("base", FeatureSpecVocabulary.logBases)
        let floor = try l.choice("floor", FeatureSpecVocabulary.floors)
        let epsilon = Float(try l.number("epsilon"))
        let reference = Float(try l.optionalNumber("reference") ?? 1)
        let top = try l.optionalNumber("topDb").map(Float.init)
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
