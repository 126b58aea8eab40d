import CFFTW
import TinyDSP

/// The host FFT: FFTW's single-precision real-to-complex transform (`fftwf_plan_dft_r2c_1d`),
/// planned once in `init` with `FFTW_MEASURE` on the instance's own 16-byte-aligned buffers and
/// reused for every frame (`fftwf_execute`, or `fftwf_execute_dft_r2c` straight on the caller's
/// input when it has the planned alignment — `FrameProcessor` allocates its FFT input 64-byte aligned).
///
/// Contract: `RealFourierTransform` (unnormalised `numpy.fft.rfft` convention), any size ≥ 2 —
/// FFTW is not limited to powers of two. Agrees with `PortableRealFFT` to float precision (tested
/// 64 … 4096). Planning takes a few milliseconds the first time a size is seen in a process (FFTW
/// keeps wisdom), and is serialised across threads (`FFTWPlanner`); `forward` is not thread-safe
/// per instance (it uses the instance's buffers): one instance per thread.
public final class FFTWRealFFT: RealFourierTransform {
    public let size: Int
    private let input: UnsafeMutablePointer<Float>
    private let output: UnsafeMutablePointer<fftwf_complex>
    private let plan: fftwf_plan

    public init(size: Int) throws(DSPError) {
        guard size >= 2, size <= 1 << 20 else { throw DSPError("FFT size must be 2 … 1048576 (got \(size))") }
        self.size = size
        input = fftwf_alloc_real(size)
        output = fftwf_alloc_complex(size / 2 + 1)
        let (i, o) = (input, output)
        let made = FFTWPlanner.withLock { fftwf_plan_dft_r2c_1d(Int32(size), i, o, UInt32(FFTW_MEASURE)) }
        guard let made else {
            fftwf_free(input)
            fftwf_free(output)
            throw DSPError("FFTW could not plan a real FFT of size \(size)")
        }
        plan = made
    }

    deinit {
        let p = plan
        FFTWPlanner.withLock { fftwf_destroy_plan(p) }
        fftwf_free(input)
        fftwf_free(output)
    }

    public func forward(_ x: UnsafePointer<Float>, real: UnsafeMutablePointer<Float>,
                        imaginary: UnsafeMutablePointer<Float>) {
        let source = UnsafeMutablePointer(mutating: x)
        if fftwf_alignment_of(source) == fftwf_alignment_of(input) {
            // New-array execute on the caller's buffer (same alignment as planned): no copy. An
            // out-of-place r2c transform preserves its input (FFTW's default for r2c).
            fftwf_execute_dft_r2c(plan, source, output)
        } else {
            input.update(from: x, count: size)
            fftwf_execute(plan)
        }
        let bins = size / 2 + 1
        output.withMemoryRebound(to: Float.self, capacity: 2 * bins) { z in
            for k in 0 ..< bins {
                real[k] = z[2 * k]
                imaginary[k] = z[2 * k + 1]
            }
        }
    }
}
