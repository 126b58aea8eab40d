/// How per-window posteriors become detections (`PosteriorSmoother`); the `smoothing` section of a
/// KWS pipeline file. Times are seconds of audio; `averageCount` is in windows.
public struct Smoothing: Sendable, Equatable, Codable {
    /// Length of the moving average over window posteriors.
    public var averageSeconds: Double
    /// The averaged posterior a keyword needs to count (0 < threshold ≤ 1).
    public var threshold: Double
    /// After a detection, no detection for this long.
    public var suppressionSeconds: Double
    /// Consecutive windows whose averaged top class is the same keyword above `threshold` before it
    /// is reported (≥ 1).
    public var minimumCount: Int

    public init(averageSeconds: Double, threshold: Double, suppressionSeconds: Double, minimumCount: Int) {
        self.averageSeconds = averageSeconds
        self.threshold = threshold
        self.suppressionSeconds = suppressionSeconds
        self.minimumCount = minimumCount
    }

    /// Checks the ranges; the error names the key.
    public func validate() throws(KWSError) {
        guard averageSeconds.isFinite, averageSeconds >= 0 else {
            throw KWSError.setting(name: "smoothing.averageSeconds", value: "\(averageSeconds)", requirement: "finite and ≥ 0")
        }
        guard threshold.isFinite, threshold > 0, threshold <= 1 else {
            throw KWSError.setting(name: "smoothing.threshold", value: "\(threshold)", requirement: "in (0, 1]")
        }
        guard suppressionSeconds.isFinite, suppressionSeconds >= 0 else {
            throw KWSError.setting(name: "smoothing.suppressionSeconds", value: "\(suppressionSeconds)", requirement: "finite and ≥ 0")
        }
        guard minimumCount >= 1 else { throw KWSError.setting(name: "smoothing.minimumCount", value: "\(minimumCount)", requirement: "≥ 1") }
    }

    /// Windows in the moving average for windows `strideSeconds` apart: `max(1, round(average / stride))`.
    public func averageCount(strideSeconds: Double) -> Int {
        max(1, Int((averageSeconds / strideSeconds).rounded()))
    }
}
