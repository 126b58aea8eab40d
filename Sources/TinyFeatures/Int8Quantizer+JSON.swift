import Foundation
import TinyDSP
import TinyFormats

/// The JSON form of a model input's quantisation, shared by the spec formats:
/// `{"scale": 0.0313725, "zeroPoint": -1, "rounding": "half-away-from-zero", "min": -128, "max": 127}`
/// (`min`, `max` optional) or `null`.
extension Int8Quantizer {
    /// Reads `key` of `r` (null or absent: nil).
    static func read(_ r: JSONReader, key: String) throws(JSONError) -> Int8Quantizer? {
        guard let q = try r.optionalObject(key) else { return nil }
        let scale = Float(try q.number("scale")), zeroPoint = try q.integer("zeroPoint", minimum: .min)
        let rounding = try q.choice("rounding", FeatureSpecVocabulary.roundings)
        let minimum = try q.optionalInteger("min", minimum: .min) ?? -128, maximum = try q.optionalInteger("max", minimum: .min) ?? 127
        do {
            return try Int8Quantizer(scale: scale, zeroPoint: zeroPoint, rounding: rounding, minimum: minimum, maximum: maximum)
        } catch {
            throw q.invalid("", error.description)
        }
    }

    /// The JSON object `read` accepts.
    var jsonObject: [String: Any] {
        ["scale": Double("\(scale)")!, "zeroPoint": zeroPoint, "rounding": FeatureSpecVocabulary.name(rounding, in: FeatureSpecVocabulary.roundings),
         "min": minimum, "max": maximum]
    }
}
