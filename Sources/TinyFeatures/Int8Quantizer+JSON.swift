import Foundation
import TinyDSP

/// The JSON form of a model input's quantisation, shared by the spec formats:
/// `{"scale": 0.0313725, "zeroPoint": -1, "rounding": "half-away-from-zero", "min": -128, "max": 127}`
/// (`min`, `max` optional) or `null`.
extension Int8Quantizer {
    /// Reads `key` of `r` (null or absent: nil).
    static func read(_ r: JSONSpecReader, key: String) throws(FeatureSpecError) -> Int8Quantizer? {
        guard r.has(key) else {
            _ = try? r.raw(key)
            return nil
        }
        let q = try r.object(key)
        let quantizer: Int8Quantizer
        do {
            quantizer = try Int8Quantizer(scale: Float(try q.double("scale")), zeroPoint: try q.int("zeroPoint"),
                                          rounding: try q.choice("rounding", FeatureSpecVocabulary.roundings),
                                          minimum: try q.optionalInt("min") ?? -128, maximum: try q.optionalInt("max") ?? 127)
        } catch let e as FeatureSpecError {
            throw e
        } catch let e as DSPError {
            throw FeatureSpecError(source: q.source, keyPath: q.path, e.description)
        } catch {
            throw FeatureSpecError(source: q.source, keyPath: q.path, "\(error)")
        }
        try q.finish()
        return quantizer
    }

    /// The JSON object `read` accepts.
    var jsonObject: [String: Any] {
        ["scale": Double("\(scale)")!, "zeroPoint": zeroPoint, "rounding": FeatureSpecVocabulary.name(rounding, in: FeatureSpecVocabulary.roundings),
         "min": minimum, "max": maximum]
    }
}
