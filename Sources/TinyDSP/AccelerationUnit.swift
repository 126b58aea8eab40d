/// The unit an accelerometer stream arrives in, and how to tell it from the data: at rest (and on
/// average while a hand moves) an accelerometer reads gravity, |a| ≈ 1 g = 1000 milli-g =
/// 9.80665 m/s², so the median magnitude of a recording names its unit.
///
/// This is how the suite normalises units honestly: per recording or stream, from the physics,
/// never per class. (The TFLM magic-wand set stores its negative streams in milli-g under a header
/// that says g, beside gesture files in g.)
public enum AccelerationUnit: Sendable, Equatable, CaseIterable {
    case g
    case milliG
    case metresPerSecondSquared

    /// Multiply a value in this unit by this to get g.
    public var gPerUnit: Float {
        switch self {
        case .g: return 1
        case .milliG: return 0.001
        case .metresPerSecondSquared: return 1 / 9.80665
        }
    }

    /// The spec name: `g`, `milli-g`, `m/s2`.
    public var name: String {
        switch self {
        case .g: return "g"
        case .milliG: return "milli-g"
        case .metresPerSecondSquared: return "m/s2"
        }
    }

    /// Median magnitudes accepted as gravity, in g: a unit matches when
    /// `gravityRange.lowerBound ≤ median |a| · gPerUnit ≤ gravityRange.upperBound`. The three
    /// units' windows ([0.5, 2], [500, 2000], [4.9, 19.6] in their own units) do not overlap.
    public static let gravityRange: ClosedRange<Float> = 0.5 ... 2

    /// The unit whose gravity window holds `medianMagnitude` (in the stream's own unit), or nil.
    public static func detect(medianMagnitude m: Float) -> AccelerationUnit? {
        for unit in allCases where gravityRange.contains(m * unit.gPerUnit) { return unit }
        return nil
    }

    /// The median of |a| = √(Σ_axis a²) over `frameCount` interleaved frames of `stride` values,
    /// taking the axes at `axes` (positions within a frame). Even counts average the two middle
    /// magnitudes. `scratch` must hold `frameCount` floats (it is overwritten and sorted).
    public static func medianMagnitude(_ frames: UnsafeBufferPointer<Float>, stride: Int, frameCount: Int, axes: [Int],
                                       scratch: UnsafeMutableBufferPointer<Float>) -> Float {
        precondition(frameCount >= 1 && frames.count >= frameCount * stride && scratch.count >= frameCount,
                     "AccelerationUnit.medianMagnitude: buffers too small")
        for t in 0 ..< frameCount {
            var sum: Float = 0
            for a in axes {
                let v = frames[t * stride + a]
                sum += v * v
            }
            scratch[t] = sum.squareRoot()
        }
        var part = UnsafeMutableBufferPointer(rebasing: scratch[0 ..< frameCount])
        part.sort()
        let mid = frameCount / 2
        return frameCount % 2 == 1 ? part[mid] : (part[mid - 1] + part[mid]) / 2
    }
}
