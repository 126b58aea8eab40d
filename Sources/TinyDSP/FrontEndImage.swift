/// A feature front end in the binary form a device links in — the front-end twin of a .tflite:
/// the complete `FrontEndConfiguration` and the model input's `Int8Quantizer` (if any). The host
/// writes it from a pipeline's feature spec (`tinyml export --target frontend`), firmware reads it
/// from flash with `init(bytes:)`; nothing is re-typed by hand, so the two cannot drift.
///
/// Layout (version 1, `ImageWriter`'s encoding): `"TMFE"`, `u8` version, then the fields in
/// declaration order; every enumeration is a `u8` code (the tables in `encoded()`) followed by its
/// payload. Reading checks the magic, the version, every code and the length, and validates the
/// configuration (`FrontEndConfiguration.validate`); a bad image throws `DSPError` naming what is
/// wrong.
public struct FrontEndImage: Sendable, Equatable {
    public static let magic: [UInt8] = [0x54, 0x4D, 0x46, 0x45]  // "TMFE"
    public static let version: UInt8 = 1

    public var configuration: FrontEndConfiguration
    public var quantization: Int8Quantizer?

    public init(configuration: FrontEndConfiguration, quantization: Int8Quantizer?) {
        self.configuration = configuration
        self.quantization = quantization
    }

    /// The image bytes.
    public func encoded() -> [UInt8] {
        var w = ImageWriter(magic: Self.magic, version: Self.version)
        let c = configuration
        w.int(c.sampleRate)
        switch c.normalization {
        case .none: w.u8(0)
        case .peak: w.u8(1)
        case .gain(let g): w.u8(2); w.float(g)
        }
        w.int(c.frameLength)
        w.int(c.hop)
        w.int(c.fftSize)
        switch c.window {
        case .rectangular: w.u8(0)
        case .hann(let s): w.u8(s == .periodic ? 1 : 2)
        case .hamming(let s): w.u8(s == .periodic ? 3 : 4)
        }
        w.u8(c.spectrum == .magnitude ? 0 : 1)
        switch c.features {
        case .spectrum:
            w.u8(0)
        case .mel(let m):
            w.u8(1)
            w.int(m.bandCount)
            w.double(m.minHertz)
            w.double(m.maxHertz)
            w.u8(m.scale == .htk ? 0 : 1)
            w.u8(m.triangles == .hertz ? 0 : 1)
            switch m.normalization {
            case .none: w.u8(0)
            case .slaney: w.u8(1)
            case .l1: w.u8(2)
            case .l2: w.u8(3)
            case .max: w.u8(4)
            }
        case .statistics(let list):
            w.u8(2)
            w.int(list.count)
            for s in list { w.statistic(s) }
        }
        w.optional(c.log) { w, l in
            switch l.base {
            case .natural: w.u8(0)
            case .ten: w.u8(1)
            case .decibels: w.u8(2)
            case .amplitudeDecibels: w.u8(3)
            }
            w.floor(l.floor)
            w.float(l.reference)
            w.optional(l.topDecibels) { w, t in w.float(t) }
        }
        w.optional(c.cepstrum) { w, d in
            w.int(d.coefficientCount)
            switch d.normalization {
            case .none: w.u8(0)
            case .orthonormal: w.u8(1)
            case .tensorflow: w.u8(2)
            }
            w.double(d.lifter)
        }
        w.int(c.framesPerInput)
        w.int(c.stack)
        w.optional(c.clipSamples) { w, n in w.int(n) }
        w.optional(quantization) { w, q in w.quantizer(q) }
        return w.bytes
    }

    /// Reads an image (e.g. linked into flash); the bytes are not kept.
    public init(bytes: UnsafeRawBufferPointer) throws(DSPError) {
        var r = try ImageReader(bytes: bytes, magic: Self.magic, version: Self.version, kind: "front-end image")
        let sampleRate = try r.int("sampleRate")
        let normalization: InputNormalization
        switch try r.u8("normalization") {
        case 0: normalization = .none
        case 1: normalization = .peak
        case 2: normalization = .gain(try r.float("gain"))
        default: throw r.badCode("normalization")
        }
        let frameLength = try r.int("frameLength"), hop = try r.int("hop"), fftSize = try r.int("fftSize")
        let window: WindowFunction
        switch try r.u8("window") {
        case 0: window = .rectangular
        case 1: window = .hann(.periodic)
        case 2: window = .hann(.symmetric)
        case 3: window = .hamming(.periodic)
        case 4: window = .hamming(.symmetric)
        default: throw r.badCode("window")
        }
        let spectrum: SpectrumKind
        switch try r.u8("spectrum") {
        case 0: spectrum = .magnitude
        case 1: spectrum = .power
        default: throw r.badCode("spectrum")
        }
        let features: FrameFeatures
        switch try r.u8("features") {
        case 0:
            features = .spectrum
        case 1:
            let bands = try r.int("mel bands"), lo = try r.double("mel minHertz"), hi = try r.double("mel maxHertz")
            let scale: MelScale
            switch try r.u8("mel scale") {
            case 0: scale = .htk
            case 1: scale = .slaney
            default: throw r.badCode("mel scale")
            }
            let triangles: MelTriangleDomain
            switch try r.u8("mel triangles") {
            case 0: triangles = .hertz
            case 1: triangles = .mel
            default: throw r.badCode("mel triangles")
            }
            let norm: MelNormalization
            switch try r.u8("mel normalization") {
            case 0: norm = .none
            case 1: norm = .slaney
            case 2: norm = .l1
            case 3: norm = .l2
            case 4: norm = .max
            default: throw r.badCode("mel normalization")
            }
            features = .mel(MelFilterbankConfiguration(bandCount: bands, minHertz: lo, maxHertz: hi, scale: scale,
                                                       triangles: triangles, normalization: norm))
        case 2:
            let count = try r.int("statistics count")
            guard count >= 0, count <= 64 else { throw DSPError("front-end image: \(count) statistics (at most 64)") }
            var list: [FrameStatistic] = []
            for _ in 0 ..< count { list.append(try r.statistic()) }
            features = .statistics(list)
        default:
            throw r.badCode("features")
        }
        var log: LogCompression?
        if try r.present("log") {
            let base: LogBase
            switch try r.u8("log base") {
            case 0: base = .natural
            case 1: base = .ten
            case 2: base = .decibels
            case 3: base = .amplitudeDecibels
            default: throw r.badCode("log base")
            }
            let floor = try r.floor("log floor")
            let reference = try r.float("log reference")
            let top: Float? = try r.present("log topDecibels") ? try r.float("log topDecibels") : nil
            log = LogCompression(base: base, floor: floor, reference: reference, topDecibels: top)
        }
        var cepstrum: CepstralConfiguration?
        if try r.present("dct") {
            let count = try r.int("dct coefficients")
            let norm: DCTNormalization
            switch try r.u8("dct normalization") {
            case 0: norm = .none
            case 1: norm = .orthonormal
            case 2: norm = .tensorflow
            default: throw r.badCode("dct normalization")
            }
            cepstrum = CepstralConfiguration(coefficientCount: count, normalization: norm, lifter: try r.double("dct lifter"))
        }
        let framesPerInput = try r.int("framesPerInput"), stack = try r.int("stack")
        let clip: Int? = try r.present("clipSamples") ? try r.int("clipSamples") : nil
        configuration = FrontEndConfiguration(sampleRate: sampleRate, normalization: normalization, frameLength: frameLength,
                                              hop: hop, fftSize: fftSize, window: window, spectrum: spectrum,
                                              features: features, log: log, cepstrum: cepstrum,
                                              framesPerInput: framesPerInput, stack: stack, clipSamples: clip)
        quantization = try r.present("quantization") ? try r.quantizer() : nil
        try r.finish()
        try configuration.validate()
    }
}

/// The front-end fields of the image format.
extension ImageWriter {
    mutating func floor(_ f: LogFloor) {
        switch f {
        case .add(let e): u8(0); float(e)
        case .clamp(let e): u8(1); float(e)
        }
    }

    mutating func statistic(_ s: FrameStatistic) {
        switch s {
        case .mean: u8(0)
        case .rms: u8(1)
        case .standardDeviation: u8(2)
        case .peak: u8(3)
        case .peakToPeak: u8(4)
        case .crestFactor: u8(5)
        case .kurtosis: u8(6)
        case .skewness: u8(7)
        case .spectralCentroid: u8(8)
        case .spectralSpread: u8(9)
        case .spectralFlatness: u8(10)
        case .spectralRolloff(let fraction): u8(11); double(fraction)
        case .spectralFlux: u8(12)
        case .logBandEnergies(let n, let lo, let hi, let f): u8(13); int(n); double(lo); double(hi); floor(f)
        }
    }
}

extension ImageReader {
    mutating func floor(_ field: StaticString) throws(DSPError) -> LogFloor {
        switch try u8(field) {
        case 0: return .add(try float(field))
        case 1: return .clamp(try float(field))
        default: throw badCode(field)
        }
    }

    mutating func statistic() throws(DSPError) -> FrameStatistic {
        switch try u8("statistic") {
        case 0: return .mean
        case 1: return .rms
        case 2: return .standardDeviation
        case 3: return .peak
        case 4: return .peakToPeak
        case 5: return .crestFactor
        case 6: return .kurtosis
        case 7: return .skewness
        case 8: return .spectralCentroid
        case 9: return .spectralSpread
        case 10: return .spectralFlatness
        case 11: return .spectralRolloff(fraction: try double("rolloff fraction"))
        case 12: return .spectralFlux
        case 13:
            return .logBandEnergies(bandCount: try int("band count"), minHertz: try double("band minHertz"),
                                    maxHertz: try double("band maxHertz"), floor: try floor("band floor"))
        default: throw badCode("statistic")
        }
    }
}
