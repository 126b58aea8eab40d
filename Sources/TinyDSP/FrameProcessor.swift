/// Turns one frame of samples into one feature frame, in two steps so a stream can defer the
/// second (see `InputNormalization.peak`):
/// 1. `bands`: window·gain → zero-pad → FFT → spectrum → filterbank / bins / statistics
///    (`configuration.bandWidth` values, linear in the input's scale for spectra);
/// 2. `finish`: × scale → log → DCT (`configuration.coefficientCount` values).
/// All buffers are allocated in `init`; the per-frame calls allocate nothing. Not thread-safe:
/// one instance per stream.
public final class FrameProcessor<FFT: RealFourierTransform> {
    public let configuration: FrontEndConfiguration
    public let fft: FFT
    public let filterbank: MelFilterbank?
    public let cosineTransform: DiscreteCosineTransform?
    private let statistics: [FrameStatistic]
    private let binCount: Int
    private let binHertz: Double
    private let gain: Float
    private let taper: UnsafeMutablePointer<Float>        // window · gain, frameLength
    private let fftInput: UnsafeMutablePointer<Float>     // fftSize, zero beyond frameLength
    private let real: UnsafeMutablePointer<Float>
    private let imaginary: UnsafeMutablePointer<Float>
    private let spectrum: UnsafeMutablePointer<Float>
    private let previousSpectrum: UnsafeMutablePointer<Float>
    private var havePrevious = false
    private let needsSpectrum: Bool
    private let needsMoments: Bool
    private let tracksFlux: Bool
    /// Bins `spectrumRange` are the only ones computed: a mel bank reads no others.
    private let spectrumRange: Range<Int>
    private let scratch: UnsafeMutablePointer<Float>      // bandWidth
    private let frameCopy: UnsafeMutablePointer<Float>    // frameLength, for time-domain statistics

    /// `fft.size` must equal `configuration.fftSize`; the configuration must validate.
    public init(configuration c: FrontEndConfiguration, fft: FFT) throws(DSPError) {
        try c.validate()
        guard fft.size == c.fftSize else { throw DSPError("FFT of size \(fft.size) given for fftSize \(c.fftSize)") }
        configuration = c
        self.fft = fft
        binCount = c.fftSize / 2 + 1
        binHertz = Double(c.sampleRate) / Double(c.fftSize)
        if case .gain(let g) = c.normalization { gain = g } else { gain = 1 }
        switch c.features {
        case .mel(let m):
            filterbank = try MelFilterbank(m, sampleRate: Double(c.sampleRate), fftSize: c.fftSize)
            statistics = []
        case .statistics(let list):
            filterbank = nil
            statistics = list
        case .spectrum:
            filterbank = nil
            statistics = []
        }
        if let bank = filterbank {
            let used = (0 ..< bank.bandCount).filter { bank.lengths[$0] > 0 }
            let lo = used.map { bank.startBins[$0] }.min() ?? 0
            let hi = used.map { bank.startBins[$0] + bank.lengths[$0] }.max() ?? 0
            spectrumRange = lo ..< hi
        } else {
            spectrumRange = 0 ..< c.fftSize / 2 + 1
        }
        needsSpectrum = statistics.isEmpty || statistics.contains { $0.isSpectral }
        needsMoments = statistics.contains { !$0.isSpectral }
        tracksFlux = statistics.contains(.spectralFlux)
        if let d = c.cepstrum {
            cosineTransform = try DiscreteCosineTransform(inputCount: c.bandWidth, outputCount: d.coefficientCount,
                                                          normalization: d.normalization, lifter: d.lifter)
        } else {
            cosineTransform = nil
        }
        taper = .allocate(capacity: c.frameLength)
        let w = c.window.coefficients(length: c.frameLength)
        for i in 0 ..< c.frameLength { taper[i] = w[i] * gain }
        // 64-byte aligned, so SIMD FFTs (FFTW) can run on it in place of a copy.
        fftInput = UnsafeMutableRawPointer.allocate(byteCount: c.fftSize * 4, alignment: 64)
            .initializeMemory(as: Float.self, repeating: 0, count: c.fftSize)
        real = .allocate(capacity: binCount)
        imaginary = .allocate(capacity: binCount)
        spectrum = .allocate(capacity: binCount)
        spectrum.initialize(repeating: 0, count: binCount)
        previousSpectrum = .allocate(capacity: binCount)
        previousSpectrum.initialize(repeating: 0, count: binCount)
        scratch = .allocate(capacity: max(c.bandWidth, 1))
        frameCopy = .allocate(capacity: c.frameLength)
        frameCopy.initialize(repeating: 0, count: c.frameLength)
    }

    deinit {
        taper.deallocate()
        fftInput.deallocate()
        real.deallocate()
        imaginary.deallocate()
        spectrum.deallocate()
        previousSpectrum.deallocate()
        scratch.deallocate()
        frameCopy.deallocate()
    }

    /// Forgets the previous spectrum (spectral flux restarts at 0).
    public func reset() { havePrevious = false }

    /// Step 1: `frame` holds `frameLength` samples; writes `bandWidth` values to `out`.
    public func bands(_ frame: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if needsSpectrum {
            for i in 0 ..< configuration.frameLength { fftInput[i] = frame[i] * taper[i] }
        }
        reduce(frame, into: out)
    }

    /// Step 1 on a frame lent in two runs (`StreamingFramer.withFrame`): the window is applied while
    /// reading the runs, so the frame is never copied (unless time-domain statistics need it whole).
    public func bands(first: UnsafeBufferPointer<Float>, second: UnsafeBufferPointer<Float>,
                      into out: UnsafeMutablePointer<Float>) {
        if needsMoments {
            frameCopy.update(from: first.baseAddress!, count: first.count)
            if let s = second.baseAddress { (frameCopy + first.count).update(from: s, count: second.count) }
            bands(frameCopy, into: out)
            return
        }
        if needsSpectrum {
            let a = first.baseAddress!, n = first.count
            for i in 0 ..< n { fftInput[i] = a[i] * taper[i] }
            if let b = second.baseAddress {
                for i in 0 ..< second.count { fftInput[n + i] = b[i] * taper[n + i] }
            }
        }
        reduce(nil, into: out)
    }

    /// FFT of the windowed frame already in `fftInput`, spectrum, then the configured reduction.
    private func reduce(_ frame: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>) {
        let c = configuration
        if needsSpectrum {
            fft.forward(fftInput, real: real, imaginary: imaginary)
            let lo = spectrumRange.lowerBound
            c.spectrum.compute(real: real + lo, imaginary: imaginary + lo, into: spectrum + lo, count: spectrumRange.count)
        }
        switch c.features {
        case .spectrum:
            out.update(from: spectrum, count: binCount)
        case .mel:
            filterbank!.apply(spectrum, into: out)
        case .statistics:
            writeStatistics(frame ?? UnsafePointer(frameCopy), into: out)
        }
    }

    private func writeStatistics(_ frame: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let c = configuration
        let moments = SignalMoments(frame, count: needsMoments ? c.frameLength : 0, gain: gain)
        var i = 0
        for s in statistics {
            var value = 0.0
            switch s {
            case .mean: value = moments.mean
            case .rms: value = moments.rms
            case .standardDeviation: value = moments.m2.squareRoot()
            case .peak: value = moments.peak
            case .peakToPeak: value = moments.maximum - moments.minimum
            case .crestFactor: value = moments.crestFactor
            case .kurtosis: value = moments.kurtosis
            case .skewness: value = moments.skewness
            case .spectralCentroid: value = SpectralStatistics.centroid(spectrum, count: binCount, binHertz: binHertz)
            case .spectralSpread: value = SpectralStatistics.spread(spectrum, count: binCount, binHertz: binHertz)
            case .spectralFlatness: value = SpectralStatistics.flatness(spectrum, count: binCount)
            case .spectralRolloff(let f):
                value = SpectralStatistics.rolloff(spectrum, count: binCount, binHertz: binHertz, fraction: f)
            case .spectralFlux:
                value = havePrevious ? SpectralStatistics.flux(spectrum, previous: previousSpectrum, count: binCount) : 0
            case .logBandEnergies(let n, let lo, let hi, let floor):
                SpectralStatistics.logBandEnergies(spectrum, count: binCount, binHertz: binHertz, bandCount: n,
                                                   minHertz: lo, maxHertz: hi, floor: floor, into: out + i)
                i += n
                continue
            }
            out[i] = Float(value)
            i += 1
        }
        if tracksFlux {
            previousSpectrum.update(from: spectrum, count: binCount)
            havePrevious = true
        }
    }

    /// Step 2a: `out = log(bands × scale)` (`bandWidth` values; no log stage: just the scaling).
    public func compress(_ bands: UnsafePointer<Float>, scale: Float, into out: UnsafeMutablePointer<Float>) {
        let n = configuration.bandWidth
        if scale == 1 {
            if UnsafePointer(out) != bands { out.update(from: bands, count: n) }
        } else {
            for i in 0 ..< n { out[i] = bands[i] * scale }
        }
        configuration.log?.apply(out, count: n)
    }

    /// Step 2b: DCT of a compressed frame (`coefficientCount` values), or a copy without a DCT stage.
    public func transform(_ compressed: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if let d = cosineTransform {
            d.apply(compressed, into: out)
        } else if UnsafePointer(out) != compressed {
            out.update(from: compressed, count: configuration.bandWidth)
        }
    }

    /// Steps 2a + 2b with scale 1.
    public func finish(_ bands: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        compress(bands, scale: 1, into: scratch)
        transform(scratch, into: out)
    }

    /// Both steps for one frame, unscaled (frame-level use without a window).
    public func process(_ frame: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        bands(frame, into: scratch)
        finish(scratch, into: out)
    }

    /// Both steps for a frame lent in two runs.
    public func process(first: UnsafeBufferPointer<Float>, second: UnsafeBufferPointer<Float>,
                        into out: UnsafeMutablePointer<Float>) {
        bands(first: first, second: second, into: scratch)
        finish(scratch, into: out)
    }
}
