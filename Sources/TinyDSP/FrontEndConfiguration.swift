/// Everything that defines a feature front end, with no defaults hidden in code: the portable
/// twin of `TinyFeatures.FeatureSpec` (which adds the JSON file, a name, a version and the int8
/// quantisation), usable on a microcontroller.
///
/// Per frame: samples `[t·hop, t·hop + frameLength)` × (window · gain) → zero-padded at the end to
/// `fftSize` (`tf.signal.stft`'s convention; librosa instead centres a short window inside the FFT,
/// which gives the same magnitudes for frames shifted by `(fftSize − frameLength)/2` samples) → real
/// FFT → `spectrum` → `features` → [peak scale] → `log` → `cepstrum`.
///
/// A model input is `framesPerInput` rows; row `r` concatenates the `stack` finished frames
/// `r … r + stack − 1` (so an input consumes `framesPerInput + stack − 1` frames). An input window
/// covers `windowSamples` samples (`clipSamples`, or just the samples its frames span), over which
/// `peak` normalisation and `log.topDecibels` act.
public struct FrontEndConfiguration: Sendable, Equatable {
    public var sampleRate: Int
    public var normalization: InputNormalization
    public var frameLength: Int
    public var hop: Int
    public var fftSize: Int
    public var window: WindowFunction
    public var spectrum: SpectrumKind
    public var features: FrameFeatures
    public var log: LogCompression?
    public var cepstrum: CepstralConfiguration?
    public var framesPerInput: Int
    public var stack: Int
    public var clipSamples: Int?

    public init(sampleRate: Int, normalization: InputNormalization, frameLength: Int, hop: Int, fftSize: Int,
                window: WindowFunction, spectrum: SpectrumKind, features: FrameFeatures, log: LogCompression?,
                cepstrum: CepstralConfiguration?, framesPerInput: Int, stack: Int = 1, clipSamples: Int? = nil) {
        self.sampleRate = sampleRate
        self.normalization = normalization
        self.frameLength = frameLength
        self.hop = hop
        self.fftSize = fftSize
        self.window = window
        self.spectrum = spectrum
        self.features = features
        self.log = log
        self.cepstrum = cepstrum
        self.framesPerInput = framesPerInput
        self.stack = stack
        self.clipSamples = clipSamples
    }

    /// Values per frame after `features` (before log/DCT).
    public var bandWidth: Int {
        switch features {
        case .spectrum: return fftSize / 2 + 1
        case .mel(let m): return m.bandCount
        case .statistics(let list): return list.reduce(0) { $0 + $1.width }
        }
    }

    /// Values per finished frame (after the DCT, if any).
    public var coefficientCount: Int { cepstrum?.coefficientCount ?? bandWidth }

    /// Values per model-input row: `coefficientCount × stack`.
    public var rowWidth: Int { coefficientCount * stack }

    /// Frames one model input consumes.
    public var framesPerWindow: Int { framesPerInput + stack - 1 }

    /// Samples spanned by one input's frames.
    public var spanSamples: Int { (framesPerWindow - 1) * hop + frameLength }

    /// Samples of one input window (the clip length).
    public var windowSamples: Int { clipSamples ?? spanSamples }

    /// Whether finishing (log, DCT) waits for the whole input window (peak scale, top-dB clamp).
    public var finishesPerWindow: Bool {
        normalization == .peak || log?.topDecibels != nil
    }

    /// Checks every constraint; the error names the parameter.
    public func validate() throws(DSPError) {
        guard sampleRate > 0 else { throw DSPError("sampleRate must be positive (got \(sampleRate))") }
        guard frameLength > 0 else { throw DSPError("frame length must be positive (got \(frameLength))") }
        guard hop > 0 else { throw DSPError("hop must be positive (got \(hop))") }
        guard fftSize >= 4, fftSize <= 65536, fftSize & (fftSize - 1) == 0 else {
            throw DSPError("fftSize must be a power of two from 4 to 65536 (got \(fftSize))")
        }
        guard frameLength <= fftSize else {
            throw DSPError("frame length \(frameLength) exceeds fftSize \(fftSize)")
        }
        guard framesPerInput > 0 else { throw DSPError("framesPerInput must be positive (got \(framesPerInput))") }
        guard stack > 0 else { throw DSPError("stack must be positive (got \(stack))") }
        if let clip = clipSamples, clip < spanSamples {
            throw DSPError("clip of \(clip) samples is shorter than the \(spanSamples) samples its \(framesPerWindow) frames span")
        }
        if case .gain(let g) = normalization, !g.isFinite || g == 0 {
            throw DSPError("input gain must be finite and non-zero (got \(g))")
        }
        switch features {
        case .spectrum: break
        case .mel(let m):
            _ = try MelFilterbank(m, sampleRate: Double(sampleRate), fftSize: fftSize)
        case .statistics(let list):
            guard !list.isEmpty else { throw DSPError("statistics list is empty") }
            guard log == nil, cepstrum == nil else {
                throw DSPError("statistics features take no log or DCT stage (log band energies carry their own log)")
            }
            guard normalization != .peak else {
                throw DSPError("peak normalisation is not defined for statistics features (use none or a fixed gain)")
            }
            for s in list {
                switch s {
                case .spectralRolloff(let fraction):
                    guard fraction > 0, fraction <= 1 else { throw DSPError("rolloff fraction must be in (0, 1] (got \(fraction))") }
                case .logBandEnergies(let n, let lo, let hi, _):
                    guard n > 0 else { throw DSPError("log band energies need a positive band count (got \(n))") }
                    guard lo >= 0, lo < hi, hi <= Double(sampleRate) / 2 else {
                        throw DSPError("log band energies range must satisfy 0 ≤ minHz < maxHz ≤ sampleRate/2 (got \(lo)–\(hi))")
                    }
                default: break
                }
            }
        }
        if let c = cepstrum {
            guard log != nil else { throw DSPError("a DCT stage needs a log stage before it") }
            _ = try DiscreteCosineTransform(inputCount: bandWidth, outputCount: c.coefficientCount,
                                            normalization: c.normalization, lifter: c.lifter)
        }
        if let l = log {
            switch l.floor {
            case .add(let e), .clamp(let e):
                guard e.isFinite, e >= 0 else { throw DSPError("log epsilon must be finite and ≥ 0 (got \(e))") }
            }
            if l.base == .natural || l.base == .ten, l.topDecibels != nil {
                throw DSPError("topDb applies to decibel logs only")
            }
            if let t = l.topDecibels, !(t > 0) { throw DSPError("topDb must be positive (got \(t))") }
            guard l.reference > 0 else { throw DSPError("log reference must be positive (got \(l.reference))") }
        }
    }
}
