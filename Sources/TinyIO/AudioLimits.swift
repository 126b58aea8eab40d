/// The sample rates and channel counts TinyIO accepts anywhere (files, raw PCM, resampler targets).
///
/// Rates run from 1 Hz (slow sensors: a 25 Hz accelerometer is fine) to 768 kHz (the highest
/// common audio interface rate); channel counts from 1 to 256. Anything else is almost certainly a
/// wrong option or a corrupt header, and is refused with a typed error that states these ranges.
public enum AudioLimits {
    public static let sampleRates: ClosedRange<Int> = 1 ... 768_000
    public static let channelCounts: ClosedRange<Int> = 1 ... 256

    /// Throws `.invalidSampleRate` unless `rate` is in `sampleRates`.
    public static func checkSampleRate(_ rate: Int) throws(IOError) {
        guard sampleRates.contains(rate) else { throw .invalidSampleRate(rate, accepted: sampleRates) }
    }

    /// Throws `.unsupportedChannelCount` unless `count` is in `channelCounts`.
    public static func checkChannelCount(_ count: Int) throws(IOError) {
        guard channelCounts.contains(count) else { throw .unsupportedChannelCount(count, accepted: channelCounts) }
    }
}
