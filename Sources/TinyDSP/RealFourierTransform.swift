/// A forward real-input DFT of fixed length `size`, the FFT stage of the front end.
///
/// Contract (every conformer): for `x[0 ..< N]`, `N = size`, writes bins `k = 0 … N/2` of
/// `X[k] = Σₙ x[n]·e^{−2πikn/N}` — unnormalised, sign −1, the `numpy.fft.rfft` convention —
/// interleaved as complex pairs: `spectrum[2k] = Re X[k]`, `spectrum[2k + 1] = Im X[k]`
/// (`N + 2` floats; `Im X[0] = Im X[N/2] = 0`). This is the layout of numpy's `complex64`, of
/// FFTW's `fftwf_complex` and (but for the Nyquist bin) of CMSIS-DSP's `arm_rfft_fast_f32`, so a
/// backend writes it without a copy. `input` is not modified and must not alias `spectrum`. The
/// call allocates nothing. An instance owns scratch memory: use one instance per thread.
public protocol RealFourierTransform {
    var size: Int { get }
    func forward(_ input: UnsafePointer<Float>, into spectrum: UnsafeMutablePointer<Float>)
}

extension RealFourierTransform {
    /// Number of output bins, `size / 2 + 1`.
    public var binCount: Int { size / 2 + 1 }

    /// Convenience (allocating) form of `forward` for set-up code and tests, split into real and
    /// imaginary parts. `input.count == size`.
    public func forward(_ input: [Float]) -> (real: [Float], imaginary: [Float]) {
        precondition(input.count == size, "input holds \(input.count) samples, the transform takes \(size)")
        var spectrum = [Float](repeating: 0, count: 2 * binCount)
        input.withUnsafeBufferPointer { x in
            spectrum.withUnsafeMutableBufferPointer { forward(x.baseAddress!, into: $0.baseAddress!) }
        }
        let bins = 0 ..< binCount
        return (bins.map { spectrum[2 * $0] }, bins.map { spectrum[2 * $0 + 1] })
    }
}
