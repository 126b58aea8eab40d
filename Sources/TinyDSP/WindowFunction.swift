/// Whether a window is built for spectral analysis (periodic: one period of a length-`N+1`
/// symmetric window with the last point dropped, as `scipy.signal.get_window(..., fftbins=True)`,
/// `np`/`librosa`/`tf.signal.hann_window(periodic=True)`) or for filter design (symmetric:
/// `np.hanning`, `np.hamming`).
public enum WindowSymmetry: Sendable, Equatable {
    case periodic
    case symmetric
}

/// A tapering window applied to each frame before the FFT.
///
/// With `D = N` (periodic) or `D = N − 1` (symmetric) and `n = 0 … N−1`:
/// - `hann`:    `w[n] = 0.5 − 0.5·cos(2πn/D)`
/// - `hamming`: `w[n] = 0.54 − 0.46·cos(2πn/D)` (the classic coefficients, as numpy/scipy/librosa)
/// - `rectangular`: `w[n] = 1`
/// Coefficients are computed in `Double` and rounded once to `Float`. A symmetric window of length 1
/// is `[1]` (numpy's convention).
public enum WindowFunction: Sendable, Equatable {
    case rectangular
    case hann(WindowSymmetry)
    case hamming(WindowSymmetry)

    /// The `length` coefficients. `length` must be positive.
    public func coefficients(length: Int) -> [Float] {
        precondition(length > 0, "window length must be positive")
        var out = [Float](repeating: 1, count: length)
        let (a, symmetry): (Double, WindowSymmetry)
        switch self {
        case .rectangular: return out
        case .hann(let s): (a, symmetry) = (0.5, s)
        case .hamming(let s): (a, symmetry) = (0.54, s)
        }
        let denominator = symmetry == .periodic ? length : length - 1
        if denominator == 0 { return out }
        for n in 0 ..< length {
            let phase = 2 * PortableMath.pi * Double(n) / Double(denominator)
            out[n] = Float(a - (1 - a) * PortableMath.cosine(phase))
        }
        return out
    }
}
