/// Turns one frame of samples into one feature frame, in two steps so a stream can defer the
/// second (see `InputNormalization.peak`):
/// 1. `bands`: window·gain → zero-pad → FFT → spectrum → filterbank / bins / statistics
///    (`configuration.bandWidth` values, linear in the input's scale for spectra);
/// 2. `finish` (`scale`, `compress`, then `transform`): × scale → log → DCT
///    (`configuration.coefficientCount` values); a stream finishes a whole window's frames at once.
/// All buffers are allocated in `init` (the FFT's input and output 64-byte aligned, so a SIMD FFT
/// such as FFTW works on them in place of a copy) and every constant the per-frame calls read is a
/// stored scalar or pointer; the per-frame calls allocate nothing. Not thread-safe: one instance
/// per stream.
public final class FrameProcessor<FFT: RealFourierTransform> {
    public let configuration: FrontEndConfiguration
    public let fft: FFT
    public let filterbank: MelFilterbank?
    public let cosineTransform: DiscreteCosineTransform?
    private let statistics: [FrameStatistic]
    /// The bins of each band of each `logBandEnergies` statistic, in `statistics` order (set up once).
    private let bandPartitions: [[Range<Int>]]
    private let frameLength: Int
    private let binCount: Int
    private let bandWidth: Int
    private let binHertz: Double
    private let gain: Float
    private let spectrumKind: SpectrumKind
    private let log: LogCompression?
    private let needsSpectrum: Bool
    private let needsMoments: Bool
    private let tracksFlux: Bool
    /// Bins `spectrumRange` are the only ones computed: a mel bank reads no others.
    private let spectrumRange: Range<Int>
    private let taper: UnsafeMutablePointer<Float>        // window · gain, frameLength
    private let fftInput: UnsafeMutablePointer<Float>     // fftSize, zero beyond frameLength
    private let transformed: UnsafeMutablePointer<Float> // fftSize + 2: interleaved complex bins
    private let spectrum: UnsafeMutablePointer<Float>     // binCount
    private let previousSpectrum: UnsafeMutablePointer<Float>
    private let scratch: UnsafeMutablePointer<Float>      // bandWidth
    private let frameCopy: UnsafeMutablePointer<Float>    // frameLength, for time-domain statistics
    private var havePrevious = false

    /// `fft.size` must equal `configuration.fftSize`; the configuration must validate.
    public init(configuration c: FrontEndConfiguration, fft: FFT) throws(DSPError) {
        try c.validate()
        guard fft.size == c.fftSize else { throw DSPError("FFT of size \(fft.size) given for fftSize \(c.fftSize)") }
        configuration = c
        self.fft = fft
        frameLength = c.frameLength
        binCount = c.fftSize / 2 + 1
        bandWidth = c.bandWidth
        binHertz = Double(c.sampleRate) / Double(c.fftSize)
        if case .gain(let g) = c.normalization { gain = g } else { gain = 1 }
        spectrumKind = c.spectrum
        log = c.log
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
        spectrumRange = filterbank?.binsRead ?? 0 ..< c.fftSize / 2 + 1
        var partitions: [[Range<Int>]] = []
        for s in statistics {
            if case .logBandEnergies(let n, let lo, let hi, _) = s {
                partitions.append(SpectralStatistics.bandBins(count: binCount, binHertz: binHertz, bandCount: n,
                                                              minHertz: lo, maxHertz: hi))
            }
        }
        bandPartitions = partitions
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
        fftInput = UnsafeMutableRawPointer.allocate(byteCount: c.fftSize * 4, alignment: 64)
            .initializeMemory(as: Float.self, repeating: 0, count: c.fftSize)
        transformed = UnsafeMutableRawPointer.allocate(byteCount: (c.fftSize + 2) * 4, alignment: 64)
            .initializeMemory(as: Float.self, repeating: 0, count: c.fftSize + 2)
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
        transformed.deallocate()
        spectrum.deallocate()
        previousSpectrum.deallocate()
        scratch.deallocate()
        frameCopy.deallocate()
    }

    /// Forgets the previous spectrum (spectral flux restarts at 0).
    public func reset() { havePrevious = false }

    /// True when a frame's features depend on the frame before (spectral flux): then every frame
    /// of a stream must go through `bands`, none may be skipped.
    public var dependsOnPreviousFrame: Bool { tracksFlux }

    /// Step 1: `frame` holds `frameLength` samples; writes `bandWidth` values to `out`.
    public func bands(_ frame: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if needsSpectrum { Self.multiply(frame, taper, into: fftInput, count: frameLength) }
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
            let n = first.count
            Self.multiply(first.baseAddress!, taper, into: fftInput, count: n)
            if let b = second.baseAddress { Self.multiply(b, taper + n, into: fftInput + n, count: second.count) }
        }
        reduce(nil, into: out)
    }

    /// `out[i] = a[i] · b[i]` for `count` values (a loop the compiler vectorises).
    @inline(__always)
    private static func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                 into out: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0 ..< count { out[i] = a[i] * b[i] }
    }

    /// FFT of the windowed frame already in `fftInput`, spectrum, then the configured reduction.
    private func reduce(_ frame: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>) {
        if needsSpectrum {
            fft.forward(fftInput, into: transformed)
            let lo = spectrumRange.lowerBound
            spectrumKind.compute(transformed + 2 * lo, into: spectrum + lo, count: spectrumRange.count)
        }
        if let bank = filterbank {
            bank.apply(spectrum, into: out)
        } else if statistics.isEmpty {
            out.update(from: spectrum, count: binCount)
        } else {
            writeStatistics(frame ?? UnsafePointer(frameCopy), into: out)
        }
    }

    private func writeStatistics(_ frame: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let moments = SignalMoments(frame, count: needsMoments ? frameLength : 0, gain: gain)
        var i = 0
        var partition = 0
        for s in statistics {
            let value: Float
            switch s {
            case .mean: value = moments.mean
            case .rms: value = moments.rms
            case .standardDeviation: value = moments.m2.squareRoot()
            case .peak: value = moments.peak
            case .peakToPeak: value = moments.maximum - moments.minimum
            case .crestFactor: value = moments.crestFactor
            case .kurtosis: value = moments.kurtosis
            case .skewness: value = moments.skewness
            case .spectralCentroid: value = Float(SpectralStatistics.centroid(spectrum, count: binCount, binHertz: binHertz))
            case .spectralSpread: value = Float(SpectralStatistics.spread(spectrum, count: binCount, binHertz: binHertz))
            case .spectralFlatness: value = Float(SpectralStatistics.flatness(spectrum, count: binCount))
            case .spectralRolloff(let f):
                value = Float(SpectralStatistics.rolloff(spectrum, count: binCount, binHertz: binHertz, fraction: f))
            case .spectralFlux:
                value = havePrevious ? Float(SpectralStatistics.flux(spectrum, previous: previousSpectrum, count: binCount)) : 0
            case .logBandEnergies(let n, _, _, let floor):
                SpectralStatistics.logBandEnergies(spectrum, bands: bandPartitions[partition], floor: floor, into: out + i)
                partition += 1
                i += n
                continue
            }
            out[i] = value
            i += 1
        }
        if tracksFlux {
            previousSpectrum.update(from: spectrum, count: binCount)
            havePrevious = true
        }
    }

    /// Step 2a on `frames` consecutive frames (`frames × bandWidth` values) in place: the log stage
    /// (if any). Scaling, if needed, comes first: `scale(_:by:into:)`.
    public func compress(_ block: UnsafeMutablePointer<Float>, frames: Int) {
        log?.apply(block, count: frames * bandWidth)
    }

    /// `out = bands × scale` for one frame (`bandWidth` values; a plain copy when `scale == 1`).
    @inline(__always)
    public func scale(_ bands: UnsafePointer<Float>, by scale: Float, into out: UnsafeMutablePointer<Float>) {
        if scale == 1 {
            out.update(from: bands, count: bandWidth)
        } else {
            Self.multiply(bands, scale, into: out, count: bandWidth)
        }
    }

    /// `out[i] = a[i] · b` for `count` values (vectorised).
    @inline(__always)
    private static func multiply(_ a: UnsafePointer<Float>, _ b: Float, into out: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0 ..< count { out[i] = a[i] * b }
    }

    /// Step 2b: DCT of a compressed frame (`coefficientCount` values), or a copy without a DCT stage.
    public func transform(_ compressed: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if let d = cosineTransform {
            d.apply(compressed, into: out)
        } else if UnsafePointer(out) != compressed {
            out.update(from: compressed, count: bandWidth)
        }
    }

    /// Steps 2a + 2b with scale 1.
    public func finish(_ bands: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        if UnsafePointer(scratch) != bands { scratch.update(from: bands, count: bandWidth) }
        compress(scratch, frames: 1)
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
