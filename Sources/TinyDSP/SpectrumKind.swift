/// Which spectrum the front end keeps from the complex DFT bins.
///
/// - `magnitude`: `|X[k]| = √(Re² + Im²)` (MLPerf KWS, `tf.abs(stft)`, `arm_cmplx_mag_f32`,
///   `librosa … power=1`)
/// - `power`: `|X[k]|² = Re² + Im²` (librosa's default `power=2`, python_speech_features'
///   `powspec` without its `1/NFFT` factor)
/// Scaling the input by `g` scales the magnitude by `|g|` and the power by `g²`.
public enum SpectrumKind: Sendable, Equatable {
    case magnitude
    case power

    /// Writes `count` spectrum values from interleaved complex bins (`z[2k] = Re`, `z[2k + 1] = Im`,
    /// the `RealFourierTransform` layout) to `out` (which must not alias `z`).
    @inline(__always)
    public func compute(_ z: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        var pair = z
        switch self {
        case .power:
            for k in 0 ..< count {
                out[k] = pair[0] * pair[0] + pair[1] * pair[1]
                pair += 2
            }
        case .magnitude:
            for k in 0 ..< count {
                out[k] = (pair[0] * pair[0] + pair[1] * pair[1]).squareRoot()
                pair += 2
            }
        }
    }

    /// The factor the spectrum is multiplied by when the input is multiplied by `gain`.
    public func scale(forInputGain gain: Float) -> Float {
        switch self {
        case .magnitude: return gain.magnitude
        case .power: return gain * gain
        }
    }
}
