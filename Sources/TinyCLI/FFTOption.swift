import ArgumentParser
import TinyFeatures

/// `--fft fftw|portable` on every tool with an audio front end: FFTW (the host's fast transform)
/// or the device's `PortableRealFFT`, whose features — and so decisions — equal the firmware's bit
/// for bit (the two FFTs agree to float precision only).
extension FeatureFFT.Backend: ExpressibleByArgument {}
