/// A forward real-input DFT of fixed length `size`, the FFT stage of the front end.
///
/// Contract (every conformer): for `x[0 ..< N]`, `N = size`, writes bins `k = 0 … N/2`:
/// `X[k] = Σₙ x[n]·e^{−2πikn/N}` — unnormalised, sign −1, the `numpy.fft.rfft` convention — as
/// `real[k]`, `imaginary[k]` (`imaginary[0] = imaginary[N/2] = 0`). `input` is not modified. The
/// call allocates nothing; output pointers must hold `N/2 + 1` floats and must not alias `input`.
/// An instance owns scratch memory: use one instance per thread.
public protocol RealFourierTransform {
    var size: Int { get }
    func forward(_ input: UnsafePointer<Float>, real: UnsafeMutablePointer<Float>,
                 imaginary: UnsafeMutablePointer<Float>)
}

extension RealFourierTransform {
    /// Number of output bins, `size / 2 + 1`.
    public var binCount: Int { size / 2 + 1 }

    /// Convenience (allocating) form of `forward` for set-up code and tests. `input.count == size`.
    public func forward(_ input: [Float]) -> (real: [Float], imaginary: [Float]) {
        precondition(input.count == size, "input holds \(input.count) samples, the transform takes \(size)")
        var re = [Float](repeating: 0, count: binCount)
        var im = [Float](repeating: 0, count: binCount)
        input.withUnsafeBufferPointer { x in
            re.withUnsafeMutableBufferPointer { r in
                im.withUnsafeMutableBufferPointer { i in
                    forward(x.baseAddress!, real: r.baseAddress!, imaginary: i.baseAddress!)
                }
            }
        }
        return (re, im)
    }
}
