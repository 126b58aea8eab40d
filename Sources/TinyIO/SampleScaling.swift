/// How full-scale samples (±1.0, see `FrameSource`) are scaled for a pipeline.
///
/// - `fullScale`: unchanged, ±1.0 (keyword spotting, wildlife audio).
/// - `int16LSB`: × 32768, so a 16-bit sample reads as its integer value (exact for 16-bit sources).
/// - `physical(unitsPerLSB:)`: × 32768 × unitsPerLSB, i.e. the int16 value times a calibration
///   (the motor data: int16 × `scale_g_per_lsb` gives acceleration in g).
public enum SampleScaling: Equatable, Sendable {
    case fullScale
    case int16LSB
    case physical(unitsPerLSB: Double)

    /// The factor applied to full-scale samples.
    public var multiplier: Float {
        switch self {
        case .fullScale: return 1
        case .int16LSB: return 32768
        case .physical(let unitsPerLSB): return Float(32768 * unitsPerLSB)
        }
    }
}
