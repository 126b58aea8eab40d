import Testing
import TinyCExport
import TinyDSP

/// Front ends no committed pipeline uses, so that every option of `FrontEndConfiguration` goes
/// through the C front end once: every window, both spectra, every feature kind and statistic, every
/// mel scale / triangle domain / normalisation, every log base and floor, a reference, a top-dB
/// clamp, every DCT normalisation and a lifter, stacking, a gain, peak normalisation of a power
/// spectrum, a hop longer than the frame, a clip, every rounding rule and a narrowed int8 range —
/// each bit-identical to `StreamingFrontEnd<PortableRealFFT>` on the golden signal.
@Suite struct CFrontEndConfigurationTests {
    static func mel(_ bands: Int, _ lo: Double, _ hi: Double, _ scale: MelScale, _ triangles: MelTriangleDomain,
                    _ normalization: MelNormalization) -> FrameFeatures {
        .mel(MelFilterbankConfiguration(bandCount: bands, minHertz: lo, maxHertz: hi, scale: scale, triangles: triangles,
                                        normalization: normalization))
    }

    static let cases: [(label: String, configuration: FrontEndConfiguration, quantization: Int8Quantizer?, stride: Int)] = {
        var list: [(String, FrontEndConfiguration, Int8Quantizer?, Int)] = []
        // Every statistic, a gain, magnitude spectrum, symmetric Hamming, hop past the frame.
        list.append(("all statistics", FrontEndConfiguration(
            sampleRate: 16000, normalization: .gain(3.5), frameLength: 400, hop: 450, fftSize: 512,
            window: .hamming(.symmetric), spectrum: .magnitude,
            features: .statistics([.mean, .rms, .standardDeviation, .peak, .peakToPeak, .crestFactor, .kurtosis, .skewness,
                                   .spectralCentroid, .spectralSpread, .spectralFlatness, .spectralRolloff(fraction: 0.85),
                                   .spectralFlux, .logBandEnergies(bandCount: 12, minHertz: 100, maxHertz: 7000, floor: .clamp(1e-7)),
                                   .logBandEnergies(bandCount: 3, minHertz: 0, maxHertz: 8000, floor: .add(1e-3))]),
            log: nil, cepstrum: nil, framesPerInput: 3, stack: 2),
            try! Int8Quantizer(scale: 0.25, zeroPoint: -3, rounding: .halfAwayFromZero, minimum: -100, maximum: 90), 2))
        // Time-domain statistics only: no FFT at all.
        list.append(("time-domain statistics", FrontEndConfiguration(
            sampleRate: 16000, normalization: .none, frameLength: 256, hop: 128, fftSize: 256, window: .rectangular,
            spectrum: .power, features: .statistics([.rms, .kurtosis, .skewness, .peakToPeak]), log: nil, cepstrum: nil,
            framesPerInput: 4), nil, 1))
        // Linear power spectrum in decibels against a reference, clamped floor, top-dB over the
        // window (deferred, no reuse), stacked rows, a clip longer than the frames.
        list.append(("spectrum dB top-dB", FrontEndConfiguration(
            sampleRate: 16000, normalization: .none, frameLength: 256, hop: 160, fftSize: 256, window: .rectangular,
            spectrum: .power, features: .spectrum,
            log: LogCompression(base: .decibels, floor: .clamp(1e-10), reference: 2, topDecibels: 60), cepstrum: nil,
            framesPerInput: 6, stack: 3, clipSamples: 2000),
            try! Int8Quantizer(scale: 0.7, zeroPoint: 10, rounding: .halfUp), 4))
        // Peak normalisation of a power spectrum, Slaney mel with L2 bands, amplitude dB, an
        // orthonormal DCT with a lifter.
        list.append(("slaney l2 amplitude-dB orthonormal lifter", FrontEndConfiguration(
            sampleRate: 16000, normalization: .peak, frameLength: 512, hop: 256, fftSize: 1024, window: .hann(.symmetric),
            spectrum: .power, features: mel(24, 0, 8000, .slaney, .hertz, .l2),
            log: LogCompression(base: .amplitudeDecibels, floor: .add(1e-9), topDecibels: 80),
            cepstrum: CepstralConfiguration(coefficientCount: 13, normalization: .orthonormal, lifter: 22),
            framesPerInput: 8, stack: 2), try! Int8Quantizer(scale: 2.5, zeroPoint: 0, rounding: .halfToEven), 3))
        // HTK mel in mel-domain triangles with L1 and max normalisation, log10, an unnormalised DCT,
        // peak normalisation of a magnitude spectrum (deferred with reuse).
        list.append(("htk l1 log10 dct-none", FrontEndConfiguration(
            sampleRate: 16000, normalization: .peak, frameLength: 320, hop: 160, fftSize: 512, window: .hamming(.periodic),
            spectrum: .magnitude, features: mel(20, 60, 7600, .htk, .mel, .l1),
            log: LogCompression(base: .ten, floor: .add(1e-6)),
            cepstrum: CepstralConfiguration(coefficientCount: 7, normalization: .none),
            framesPerInput: 10, clipSamples: 4000), nil, 1))
        list.append(("max-normalised mel, gain", FrontEndConfiguration(
            sampleRate: 8000, normalization: .gain(0.5), frameLength: 200, hop: 80, fftSize: 256, window: .hann(.periodic),
            spectrum: .power, features: mel(16, 0, 4000, .slaney, .mel, .max),
            log: LogCompression(base: .natural, floor: .clamp(1e-5), reference: 0.5), cepstrum: nil,
            framesPerInput: 5), try! Int8Quantizer(scale: 0.1, zeroPoint: 5, rounding: .halfToEven), 7))
        return list
    }()

    @Test(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"), arguments: cases.indices)
    func equalsSwift(_ index: Int) throws {
        let (label, c, q, stride) = Self.cases[index]
        let samples = try CFrontEndTests.signal(rate: c.sampleRate)
        try CFrontEndTests.expectEqualToSwift(c, quantization: q, inputStride: stride, samples: samples,
                                              chunkings: [[1], [7, 1000, 13, 160, 4099], [1 << 30]], label: label)
    }
}
