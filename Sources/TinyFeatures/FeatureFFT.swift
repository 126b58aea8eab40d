import TinyDSP

/// The FFT a `FeatureExtractor` runs. `fftw` (`FFTWRealFFT`) is the host default; `portable`
/// (`TinyDSP.PortableRealFFT`) is the transform the firmware runs, so host features made with it
/// equal a device's bit for bit (`tinyml features --fft portable`). The two agree to float
/// precision, not bit for bit (different summation orders).
public enum FeatureFFT: RealFourierTransform {
    case fftw(FFTWRealFFT)
    case portable(PortableRealFFT)

    /// Which backend, by name (`tinyml features --fft fftw|portable`).
    public enum Backend: String, Sendable, CaseIterable {
        case fftw
        case portable
    }

    public init(_ backend: Backend, size: Int) throws(DSPError) {
        switch backend {
        case .fftw: self = .fftw(try FFTWRealFFT(size: size))
        case .portable: self = .portable(try PortableRealFFT(size: size))
        }
    }

    public var size: Int {
        switch self {
        case .fftw(let f): return f.size
        case .portable(let f): return f.size
        }
    }

    public func forward(_ input: UnsafePointer<Float>, into spectrum: UnsafeMutablePointer<Float>) {
        switch self {
        case .fftw(let f): f.forward(input, into: spectrum)
        case .portable(let f): f.forward(input, into: spectrum)
        }
    }
}
