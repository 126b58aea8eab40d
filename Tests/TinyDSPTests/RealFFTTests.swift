import Testing
import TinyDSP
import TinyFeatures

/// The portable FFT against `numpy.fft.rfft`, FFTW against the portable FFT, and the CMSIS-DSP
/// `arm_rfft_fast_f32` packing against `cmsisdsp`.
@Suite struct RealFFTTests {
    /// Relative error: max over bins of |ours − reference| divided by the reference's RMS bin
    /// magnitude (float32 FFTs of N points sit near 1e-7·log₂N on that scale).
    static func relativeError(_ re: [Float], _ im: [Float], _ refRe: [Float], _ refIm: [Float]) -> Float {
        let norm = (zip(refRe, refIm).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 } / Float(refRe.count)).squareRoot()
        return max(Golden.maxAbsDifference(re, refRe), Golden.maxAbsDifference(im, refIm)) / norm
    }

    @Test(arguments: [64, 512, 4096])
    func portableMatchesNumpy(size: Int) throws {
        let x = try Golden.floats("fft_\(size)_x").values
        let fft = try PortableRealFFT(size: size)
        let (re, im) = fft.forward(x)
        let error = Self.relativeError(re, im, try Golden.floats("fft_\(size)_re").values, try Golden.floats("fft_\(size)_im").values)
        #expect(error < 2e-6, "size \(size): relative error \(error)")
    }

    @Test(arguments: [64, 128, 256, 512, 1024, 2048, 4096])
    func fftwAgreesWithPortable(size: Int) throws {
        var rng = SystemRandomNumberGenerator()
        let x = (0 ..< size).map { _ in Float.random(in: -1 ... 1, using: &rng) }
        let portable = try PortableRealFFT(size: size).forward(x)
        let fftw = try FFTWRealFFT(size: size).forward(x)
        let error = Self.relativeError(fftw.real, fftw.imaginary, portable.real, portable.imaginary)
        #expect(error < 2e-6, "size \(size): relative error \(error)")
        #expect(fftw.imaginary[0] == 0 && fftw.imaginary[size / 2] == 0)
        #expect(portable.imaginary[0] == 0 && portable.imaginary[size / 2] == 0)
    }

    @Test func smallSizesAndImpulses() throws {
        for size in [4, 8, 16, 32] {
            let fft = try PortableRealFFT(size: size)
            var x = [Float](repeating: 0, count: size)
            x[1] = 1  // X[k] = e^{-2πik/N}
            let (re, im) = fft.forward(x)
            for k in 0 ... size / 2 {
                let angle = -2 * Double.pi * Double(k) / Double(size)
                #expect(abs(re[k] - Float(angle.cosineValue)) < 1e-6 && abs(im[k] - Float(angle.sineValue)) < 1e-6)
            }
        }
    }

    @Test func matchesCMSISPacking() throws {
        let x = try Golden.floats("cmsis_rfft_256_x").values
        let expected = try Golden.floats("cmsis_rfft_256_packed").values
        let fft = try PortableRealFFT(size: 256)
        var spectrum = [Float](repeating: 0, count: 258)
        x.withUnsafeBufferPointer { i in spectrum.withUnsafeMutableBufferPointer { fft.forward(i.baseAddress!, into: $0.baseAddress!) } }
        var packed = [Float](repeating: 0, count: 256)
        spectrum.withUnsafeBufferPointer { s in
            packed.withUnsafeMutableBufferPointer { fft.packCMSIS(s.baseAddress!, into: $0.baseAddress!) }
        }
        // CMSIS's own float FFT differs from ours by float rounding: 1e-5 of the peak bin.
        let peak = expected.map(abs).max()!
        #expect(Golden.maxAbsDifference(packed, expected) < 1e-5 * peak)
    }

    @Test func rejectsBadSizes() {
        for size in [0, 2, 3, 100, 131072] {
            #expect(throws: DSPError.self) { try PortableRealFFT(size: size) }
        }
        #expect(throws: DSPError.self) { try FFTWRealFFT(size: 1) }
    }
}

extension Double {
    var cosineValue: Double { PortableMath.cosine(self) }
    var sineValue: Double { PortableMath.sine(self) }
}
