import CFFTW
import TinyDSP

/// The host FFT: FFTW's single-precision real-to-complex transform (`fftwf_plan_dft_r2c_1d`),
/// planned once in `init` with `FFTW_MEASURE` on the instance's own buffers (`fftwf_alloc_*`,
/// SIMD-aligned) and reused for every frame. `fftwf_complex` is the contract's interleaved layout,
/// so when the caller's input and output have the planned alignment (`fftwf_alignment_of`;
/// `FrameProcessor` allocates both 64-byte aligned) FFTW reads and writes them directly
/// (`fftwf_execute_dft_r2c`, new-array execute: no copy either way); otherwise the frame goes
/// through the instance's buffers.
///
/// Contract: `RealFourierTransform` (unnormalised `numpy.fft.rfft` convention), any size ≥ 2 —
/// FFTW is not limited to powers of two. Agrees with `PortableRealFFT` to float precision (tested
/// 64 … 4096). `FFTW_MEASURE` picks the fastest of several exact algorithms by timing them, so two
/// processes (or machines) may round the last bit differently. Planning takes a few milliseconds
/// the first time a size is seen in a process (FFTW keeps wisdom), and is serialised across threads
/// (`FFTWPlanner`); `forward` is not thread-safe per instance (it may use the instance's buffers):
/// one instance per thread.
public final class FFTWRealFFT: RealFourierTransform {
    public let size: Int
    private let input: UnsafeMutablePointer<Float>
    private let output: UnsafeMutablePointer<fftwf_complex>
    private let plan: fftwf_plan
    private let inputAlignment: Int32
    private let outputAlignment: Int32

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
        inputAlignment = fftwf_alignment_of(input)
        outputAlignment = fftwf_alignment_of(UnsafeMutableRawPointer(output).assumingMemoryBound(to: Float.self))
    }

    deinit {
        let p = plan
        FFTWPlanner.withLock { fftwf_destroy_plan(p) }
        fftwf_free(input)
        fftwf_free(output)
    }

    public func forward(_ x: UnsafePointer<Float>, into spectrum: UnsafeMutablePointer<Float>) {
        let source = UnsafeMutablePointer(mutating: x)
        let direct = fftwf_alignment_of(source) == inputAlignment && fftwf_alignment_of(spectrum) == outputAlignment
        if direct {
            // An out-of-place r2c transform preserves its input (FFTW's default for r2c).
            UnsafeMutableRawPointer(spectrum).withMemoryRebound(to: fftwf_complex.self, capacity: size / 2 + 1) {
                fftwf_execute_dft_r2c(plan, source, $0)
            }
        } else {
            input.update(from: x, count: size)
            fftwf_execute(plan)
            UnsafeMutableRawPointer(output).withMemoryRebound(to: Float.self, capacity: size + 2) {
                spectrum.update(from: $0, count: size + 2)
            }
        }
    }
}
