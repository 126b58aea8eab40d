/// Pure-Swift real FFT for power-of-two sizes (the front end's FFT on a microcontroller, and the
/// reference the FFTW backend is tested against).
///
/// Sizes: `N = 2^k`, `4 ≤ N ≤ 65536` (tested 64 … 4096 against `numpy.fft.rfft`). Output contract:
/// `RealFourierTransform`. Method: the `N` real samples are packed as `N/2` complex values
/// `z[n] = x[2n] + i·x[2n+1]`, transformed by an iterative radix-2 decimation-in-time complex FFT
/// (bit-reversed load), and split into the real spectrum with
/// `X[k] = E[k] + W^k·O[k]`, `E[k] = (Z[k] + Z̄[M−k])/2`, `O[k] = −i(Z[k] − Z̄[M−k])/2`,
/// `W = e^{−2πi/N}`, `M = N/2`. Twiddles are computed in `Double` once in `init`; `forward`
/// allocates nothing. Accuracy: relative error ~`1e-7·log₂N` of the spectrum's L2 norm.
public final class PortableRealFFT: RealFourierTransform {
    public let size: Int
    private let half: Int
    private let bitReversed: UnsafeMutablePointer<Int32>
    private let twiddleCos: UnsafeMutablePointer<Float>   // e^{-2πi j/M}, j < M/2
    private let twiddleSin: UnsafeMutablePointer<Float>
    private let splitCos: UnsafeMutablePointer<Float>     // e^{-2πi k/N}, k ≤ M/2
    private let splitSin: UnsafeMutablePointer<Float>
    private let workReal: UnsafeMutablePointer<Float>
    private let workImaginary: UnsafeMutablePointer<Float>

    public init(size: Int) throws(DSPError) {
        guard size >= 4, size <= 65536, size & (size - 1) == 0 else {
            throw DSPError("FFT size must be a power of two from 4 to 65536 (got \(size))")
        }
        self.size = size
        half = size / 2
        let m = half
        bitReversed = .allocate(capacity: m)
        var bits = 0
        while 1 << bits < m { bits += 1 }
        for i in 0 ..< m {
            var r = 0
            for b in 0 ..< bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            bitReversed[i] = Int32(r)
        }
        twiddleCos = .allocate(capacity: max(1, m / 2))
        twiddleSin = .allocate(capacity: max(1, m / 2))
        for j in 0 ..< max(1, m / 2) {
            let a = -2 * PortableMath.pi * Double(j) / Double(m)
            twiddleCos[j] = Float(PortableMath.cosine(a))
            twiddleSin[j] = Float(PortableMath.sine(a))
        }
        splitCos = .allocate(capacity: m / 2 + 1)
        splitSin = .allocate(capacity: m / 2 + 1)
        for k in 0 ... m / 2 {
            let a = -2 * PortableMath.pi * Double(k) / Double(size)
            splitCos[k] = Float(PortableMath.cosine(a))
            splitSin[k] = Float(PortableMath.sine(a))
        }
        workReal = .allocate(capacity: m)
        workImaginary = .allocate(capacity: m)
    }

    deinit {
        bitReversed.deallocate()
        twiddleCos.deallocate()
        twiddleSin.deallocate()
        splitCos.deallocate()
        splitSin.deallocate()
        workReal.deallocate()
        workImaginary.deallocate()
    }

    public func forward(_ input: UnsafePointer<Float>, into spectrum: UnsafeMutablePointer<Float>) {
        let m = half
        let re = workReal, im = workImaginary
        for n in 0 ..< m {
            let r = Int(bitReversed[n])
            re[r] = input[2 * n]
            im[r] = input[2 * n + 1]
        }
        complexTransform(re, im, m)
        // Split: X[0] and X[M] from Z[0]; pairs (k, M−k) share one evaluation.
        spectrum[0] = re[0] + im[0]
        spectrum[1] = 0
        spectrum[2 * m] = re[0] - im[0]
        spectrum[2 * m + 1] = 0
        var k = 1
        while k <= m / 2 {
            let j = m - k
            let ar = re[k], ai = im[k], br = re[j], bi = im[j]
            // E = (Z[k] + conj Z[j]) / 2, D = (Z[k] − conj Z[j]) / 2, O = −i·D
            let er = 0.5 * (ar + br), ei = 0.5 * (ai - bi)
            let dr = 0.5 * (ar - br), di = 0.5 * (ai + bi)
            let or = di, oi = -dr
            let wr = splitCos[k], wi = splitSin[k]
            let tr = wr * or - wi * oi, ti = wr * oi + wi * or
            spectrum[2 * k] = er + tr
            spectrum[2 * k + 1] = ei + ti
            // X[j] = conj(E) + W^j·conj(O)-term; W^{M−k} = −conj(W^k).
            if j != k {
                spectrum[2 * j] = er - tr
                spectrum[2 * j + 1] = -(ei - ti)
            }
            k += 1
        }
    }

    /// In-place radix-2 DIT complex FFT of length `m` on bit-reversed data.
    private func complexTransform(_ re: UnsafeMutablePointer<Float>, _ im: UnsafeMutablePointer<Float>, _ m: Int) {
        // Stage 1 (span 2): twiddle 1.
        var i = 0
        while i < m {
            let ar = re[i], ai = im[i], br = re[i + 1], bi = im[i + 1]
            re[i] = ar + br; im[i] = ai + bi
            re[i + 1] = ar - br; im[i + 1] = ai - bi
            i += 2
        }
        var span = 4
        while span <= m {
            let halfSpan = span / 2
            let step = m / span
            var start = 0
            while start < m {
                for j in 0 ..< halfSpan {
                    let wr = twiddleCos[j * step], wi = twiddleSin[j * step]
                    let p = start + j, q = p + halfSpan
                    let xr = re[q], xi = im[q]
                    let tr = wr * xr - wi * xi, ti = wr * xi + wi * xr
                    let ur = re[p], ui = im[p]
                    re[p] = ur + tr; im[p] = ui + ti
                    re[q] = ur - tr; im[q] = ui - ti
                }
                start += span
            }
            span *= 2
        }
    }
}
