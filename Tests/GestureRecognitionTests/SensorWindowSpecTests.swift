import Foundation
import Testing
import TinyDSP
import TinyFeatures
import TinyFormats

/// The sensor-window spec JSON: strict reading, round trip, errors that name the key.
@Suite struct SensorWindowSpecTests {
    static var valid: [String: Any] { [
        "format": "tinyml-sensor-window-spec", "version": 1, "name": "t", "sampleRate": 25,
        "columns": ["ax_g", "ay_g", "az_g"], "channels": 3,
        "accelerometer": ["channels": [0, 1, 2], "unit": "auto", "detectionSamples": 25],
        "gains": [1, 1, 1], "windowLength": 128,
        "quantization": ["scale": 0.03125, "zeroPoint": -1, "rounding": "half-away-from-zero"],
    ] }

    static func reading(_ object: [String: Any]) throws(FeatureSpecError) -> SensorWindowSpec {
        try SensorWindowSpec(jsonData: try! JSONSerialization.data(withJSONObject: object), source: "test.json")
    }

    @Test func readsAndRoundTrips() throws {
        let spec = try Self.reading(Self.valid)
        #expect(spec.inputShape == [128, 3])
        #expect(spec.unit == .detect(samples: 25))
        #expect(spec.columns == .names(["ax_g", "ay_g", "az_g"]))
        #expect(spec.quantization?.zeroPoint == -1)
        #expect(try Self.reading(spec.jsonObject) == spec)
    }

    @Test func thePipelineFileHoldsOne() throws {
        let p = try GestureTestData.pipeline()
        #expect(p.spec.channelCount == 3 && p.spec.sampleRate == 25)
        let json = try JSONReader(data: JSONSerialization.data(withJSONObject: p.spec.jsonObject), file: "spec.json")
        #expect(SensorWindowSpec.declares(json))
    }

    /// (key, replacement value as JSON text, expected part of the message).
    @Test(arguments: [
        ("windowLenght", "128", "windowLenght: unknown key"),
        ("channels", "2", "2 channels"),
        ("gains", "[1, 0, 1]", "gains"),
        ("sampleRate", "\"25\"", "sampleRate: expected an integer"),
        ("accelerometer", "{\"channels\": [0, 1, 5], \"unit\": \"g\"}", "accelerometer channels"),
        ("accelerometer", "{\"channels\": [0, 1, 2], \"unit\": \"furlongs\"}", "unknown value 'furlongs'"),
    ])
    func badSpecsNameTheProblem(_ key: String, _ json: String, _ expected: String) throws {
        var object = Self.valid
        object[key] = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        do {
            _ = try Self.reading(object)
            Issue.record("expected an error for \(key)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.description.contains("test.json") || error.description.contains("sensor spec"))
        }
    }
}
