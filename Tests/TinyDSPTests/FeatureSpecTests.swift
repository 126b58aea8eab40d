import Foundation
import Testing
import TinyDSP
import TinyFeatures
import TinyFormats

/// Feature-spec JSON: round trips, presets, and one-line errors that name the key.
@Suite struct FeatureSpecTests {
    static func json(_ spec: FeatureSpec) -> [String: Any] { spec.jsonObject }

    static func parse(_ object: [String: Any]) throws(FeatureSpecError) -> FeatureSpec {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try FeatureSpec(jsonData: data, source: "test.json")
    }

    static func error(_ object: [String: Any]) -> String {
        do {
            _ = try parse(object)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test(arguments: FeatureSpec.presetNames)
    func presetsRoundTripThroughJSON(name: String) throws {
        let spec = try #require(FeatureSpec.preset(named: name))
        let back = try FeatureSpec(jsonData: spec.jsonData(), source: name)
        #expect(back == spec)
        #expect(try FeatureSpec.load(name) == spec)
    }

    @Test func mlperfPresetIsTheDesignRecipe() throws {
        let s = try FeatureSpec.load("mlperf-kws")
        #expect(s.inputShape == [49, 10] && s.clipSamples == 16000 && s.sampleRate == 16000)
        let c = s.frontEnd
        #expect(c.normalization == .peak && c.frameLength == 480 && c.hop == 320 && c.fftSize == 512)
        #expect(c.window == .hann(.periodic) && c.spectrum == .magnitude)
        #expect(c.features == .mel(.tensorflow(bandCount: 40, minHertz: 20, maxHertz: 4000)))
        #expect(c.log == LogCompression(base: .natural, floor: .add(1e-6)))
        #expect(c.cepstrum == CepstralConfiguration(coefficientCount: 10, normalization: .tensorflow))
        #expect(s.quantization == (try Int8Quantizer(scale: 0.5847029, zeroPoint: 83, rounding: .halfToEven)))
        let text = String(decoding: s.jsonData(), as: UTF8.self)
        #expect(text.contains("\"scale\" : 0.5847029"), "floats written in their shortest form")
    }

    @Test func loadsFilesAndReportsMissingOnes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("spec-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        var o = Self.json(FeatureSpec.preset(named: "wildlife-logmel")!)
        o["name"] = "custom"
        try JSONSerialization.data(withJSONObject: o).write(to: url)
        #expect(try FeatureSpec.load(url.path).name == "custom")
        #expect(throws: FeatureSpecError.self) { try FeatureSpec.load("/nonexistent/spec.json") }
        do {
            _ = try FeatureSpec.load("mlperf-kwz")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("unknown feature spec preset 'mlperf-kwz'") && error.description.contains("mlperf-kws"))
        }
        try Data("{\"format\": ".utf8).write(to: url)
        #expect(throws: FeatureSpecError.self) { try FeatureSpec.load(url.path) }
        try Data().write(to: url)
        #expect(throws: FeatureSpecError.self) { try FeatureSpec.load(url.path) }
    }

    @Test func errorsNameTheKey() throws {
        let base = Self.json(FeatureSpec.preset(named: "mlperf-kws")!)
        func with(_ edit: (inout [String: Any]) -> Void) -> [String: Any] {
            var o = base
            edit(&o)
            return o
        }
        func frame(_ key: String, _ value: Any) -> [String: Any] {
            with { o in
                var f = o["frame"] as! [String: Any]
                f[key] = value
                o["frame"] = f
            }
        }
        #expect(Self.error(frame("hop", -3)).contains("frame.hop: must be at least 1, got -3"))
        #expect(Self.error(frame("hop", "320")).contains("frame.hop: expected an integer"))
        #expect(Self.error(frame("hopp", 3)).contains("frame.hopp: unknown key"))
        #expect(Self.error(frame("window", "hann")).contains("frame.window: unknown value 'hann'"))
        #expect(Self.error(frame("fftSize", 500)).contains("fftSize must be a power of two"))
        #expect(Self.error(frame("length", 1024)).contains("exceeds fftSize"))
        #expect(Self.error(with { $0.removeValue(forKey: "sampleRate") }).contains("sampleRate: missing"))
        #expect(Self.error(with { $0["version"] = 2 }).contains("version 2 is newer"))
        #expect(Self.error(with { $0["format"] = "other" }).contains("format: expected 'tinyml-feature-spec'"))
        #expect(Self.error(with { $0["sampleRate"] = true }).contains("sampleRate: expected an integer"))
        #expect(Self.error(with { $0["normalization"] = "rms" }).contains("normalization: unknown value 'rms'"))
        #expect(Self.error(with { $0["normalization"] = ["kind": "gain", "gain": 0] }).contains("gain must be finite and non-zero"))
        #expect(Self.error(with { $0["clipSamples"] = 8000 }).contains("shorter than the 15840 samples"))
        #expect(Self.error(with { o in
            var f = o["features"] as! [String: Any]
            f["maxHz"] = 9000
            o["features"] = f
        }).contains("mel range"))
        #expect(Self.error(with { o in
            var q = o["quantization"] as! [String: Any]
            q["rounding"] = "nearest"
            o["quantization"] = q
        }).contains("quantization.rounding: unknown value 'nearest'"))
        #expect(Self.error(with { o in
            var q = o["quantization"] as! [String: Any]
            q["scale"] = 0
            o["quantization"] = q
        }).contains("quantization: quantisation scale must be positive"))
        #expect(Self.error(with { o in
            var d = o["dct"] as! [String: Any]
            d["coefficients"] = 41
            o["dct"] = d
        }).contains("DCT coefficient count must be 1…40"))
        #expect(Self.error(with { $0["log"] = NSNull() }).contains("a DCT stage needs a log stage"))
        for message in [Self.error(frame("hop", -3)), Self.error(with { $0["version"] = 2 })] {
            #expect(message.hasPrefix("test.json: ") && !message.contains("\n"))
        }
        #expect(throws: FeatureSpecError.json(.outOfRange(file: "test.json", key: "frame.hop", bound: "must be at least 1", got: "-3"))) {
            try Self.parse(frame("hop", -3))
        }
        #expect(throws: FeatureSpecError.json(.unknownKey(file: "test.json", key: "frame.hopp", known: ["fftSize", "hop", "length", "window"]))) {
            try Self.parse(frame("hopp", 3))
        }
    }

    @Test func statisticsSpecsParseAndReject() throws {
        var o = Self.json(FeatureSpec.preset(named: "vibration-stats")!)
        #expect(try Self.parse(o).frontEnd.coefficientCount == 9 + 16)
        var f = o["features"] as! [String: Any]
        f["list"] = ["rms", "crest"]
        o["features"] = f
        #expect(Self.error(o).contains("features.list[1]: unknown statistic 'crest'"))
        f["list"] = [["kind": "spectral-rolloff", "fraction": 1.5]]
        o["features"] = f
        #expect(Self.error(o).contains("rolloff fraction"))
        f["list"] = ["rms"]
        o["features"] = f
        o["normalization"] = "peak"
        #expect(Self.error(o).contains("peak normalisation is not defined for statistics"))
    }

    @Test func quantizeNeedsQuantization() throws {
        #expect(throws: FeatureSpecError.self) { try FeatureSpec.preset(named: "wildlife-logmel")!.quantize([1]) }
        #expect(try FeatureSpec.preset(named: "mlperf-kws")!.quantize([0, 0.5847029 * 2.5, -1000, .nan]) == [83, 85, -128, 83])
    }
}
