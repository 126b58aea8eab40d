import TinyDSP

/// Writes the configuration-specific C of a front end: its constant tables, its static buffers, and
/// the per-frame functions the stream engine (`tml_fe_stream.c`) calls — `bands` (FrameProcessor
/// step 1 for exactly this configuration: window, FFT, spectrum, mel / bins / statistics),
/// `compress` (the log stage), `transform` (the DCT) and `reset` — as calls of the fixed
/// `tml_fe_*` functions, the front end's "operator sequence". Records which fixed files those calls
/// need and how many bytes of flash (constants) and RAM (state) the front end takes.
struct CFrontEndEmitter {
    let configuration: FrontEndConfiguration
    let inputStride: Int
    /// Fixed files used (the log file and the stream always: the stream calls the top-dB clamp).
    private(set) var files: [CSourceFile] = [.frontEndHeader, .frontEndMath, .logCompression, .stream]
    /// `static const` tables and parameter structs, in order.
    private(set) var constants: [String] = []
    /// Static buffers, in order.
    private(set) var buffers: [String] = []
    /// Generated functions, in order.
    private(set) var functions: [String] = []
    /// The stream's configuration and state (after the functions they name).
    private(set) var stream: [String] = []
    /// Bytes of the constant tables (flash) and of the static buffers (RAM); the small parameter
    /// structs and the stream's counters (a few dozen bytes) aside.
    private(set) var constantBytes = 0
    private(set) var stateBytes = 0

    /// The fixed files to paste, in dependency order.
    var orderedFiles: [CSourceFile] { CSourceFile.frontEndFiles.filter { files.contains($0) } }

    init(configuration c: FrontEndConfiguration, processor: FrameProcessor<PortableRealFFT>, inputStride: Int,
         quantization: Int8Quantizer?) throws(CExportError) {
        configuration = c
        self.inputStride = inputStride
        if let q = quantization { try emitQuantizer(q) }
        try emitBands(processor)
        let compress = try emitCompress()
        let transform = try emitTransform(processor)
        let reset = emitsFlux ? "reset_frames" : nil
        if let reset { functions.append("static void \(reset)(void)\n{\n    have_previous = 0;\n}\n") }
        try emitStream(compress: compress, transform: transform, reset: reset)
    }

    // MARK: Declarations

    private mutating func use(_ file: CSourceFile) {
        if !files.contains(file) { files.append(file) }
    }

    /// `static const <type> <name>[n]` (one 0 when `values` is empty: C99 has no empty arrays).
    private mutating func table(_ type: String, _ bytesEach: Int, _ name: String, _ values: [String], _ comment: String,
                                perLine: Int = 8) -> String {
        constants.append("/* \(comment) */\n" + CLiteral.array(type, name, values.isEmpty ? ["0"] : values, perLine: perLine))
        constantBytes += max(values.count, 1) * bytesEach
        return name
    }

    private mutating func floats(_ name: String, _ values: [Float], _ comment: String) throws(CExportError) -> String {
        var literals: [String] = []
        for v in values { literals.append(try CLiteral.float(v)) }
        return table("float", 4, name, literals, comment, perLine: 6)
    }

    private mutating func int32s(_ name: String, _ values: [Int], _ comment: String) -> String {
        table("int32_t", 4, name, values.map { String($0) }, comment, perLine: 16)
    }

    /// `static const <type> <name> = {.field = value, ...};`
    /// Not counted in `constantBytes` (a few pointers and sizes each).
    private mutating func parameters(_ type: String, _ name: String, _ fields: [(String, String)]) -> String {
        constants.append("static const \(type) \(name) = {\n"
            + fields.map { "    .\($0.0) = \($0.1)" }.joined(separator: ",\n") + "\n};\n")
        return name
    }

    /// `static <type> <name>[count];` (zero-initialised, in .bss).
    @discardableResult
    private mutating func buffer(_ type: String, _ bytesEach: Int, _ name: String, _ count: Int, _ comment: String) -> String {
        buffers.append("static \(type) \(name)[\(max(count, 1))]; /* \(comment) */")
        stateBytes += max(count, 1) * bytesEach
        return name
    }

    /// The model input's `Int8Quantizer` as `quantizer`.
    private mutating func emitQuantizer(_ q: Int8Quantizer) throws(CExportError) {
        let rounding: String
        switch q.rounding {
        case .halfToEven: rounding = "TML_FE_HALF_TO_EVEN"
        case .halfAwayFromZero: rounding = "TML_FE_HALF_AWAY_FROM_ZERO"
        case .halfUp: rounding = "TML_FE_HALF_UP"
        }
        use(.inputQuantizer)
        _ = parameters("tml_fe_quantizer", "quantizer", [
            ("scale", try CLiteral.float(q.scale)), ("zero_point", "\(q.zeroPoint)"), ("rounding", rounding),
            ("minimum", "\(q.minimum)"), ("maximum", "\(q.maximum)"),
        ])
    }

    // MARK: Step 1: bands

    private var statistics: [FrameStatistic] {
        if case .statistics(let list) = configuration.features { return list }
        return []
    }

    private var emitsFlux: Bool { statistics.contains(.spectralFlux) }

    private mutating func emitBands(_ processor: FrameProcessor<PortableRealFFT>) throws(CExportError) {
        let c = configuration
        let bins = c.fftSize / 2 + 1
        let stats = statistics
        let needsSpectrum = stats.isEmpty || stats.contains { $0.isSpectral }
        let needsMoments = stats.contains { !$0.isSpectral }
        var body: [String] = []
        use(.frame)
        if needsMoments {
            buffer("float", 4, "frame_copy", c.frameLength, "the frame joined, for time-domain statistics")
            body.append("tml_fe_join_f32(first, first_count, second, frame_copy, \(c.frameLength));")
        }
        if needsSpectrum {
            let taper = try floats("taper", CFrontEndTables.taper(c), "\(CFrontEndTables.describe(c.window)) window x gain, \(c.frameLength) taps")
            let fft = try emitFFT()
            buffer("float", 4, "fft_input", c.fftSize, "the windowed frame, zero beyond it")
            buffer("float", 4, "fft_output", c.fftSize + 2, "interleaved complex bins 0 ... fftSize/2")
            buffer("float", 4, "fft_work", c.fftSize, "the FFT's real and imaginary halves")
            body.append(needsMoments
                ? "tml_fe_window_f32(frame_copy, \(c.frameLength), frame_copy, \(taper), fft_input, \(c.frameLength));"
                : "tml_fe_window_f32(first, first_count, second, \(taper), fft_input, \(c.frameLength));")
            body.append("tml_fe_rfft_f32(&\(fft), fft_input, fft_output, fft_work);")
            use(.spectrum)
        }
        let kind = c.spectrum == .power ? "tml_fe_power_spectrum_f32" : "tml_fe_magnitude_spectrum_f32"
        switch c.features {
        case .spectrum:
            body.append("\(kind)(fft_output, out, \(bins));")
        case .mel:
            guard let bank = processor.filterbank else { throw .missingFilterbank }
            let read = bank.binsRead
            buffer("float", 4, "spectrum", bins, "\(c.spectrum) spectrum (bins \(read.lowerBound) ..< \(read.upperBound) computed)")
            if !read.isEmpty {
                body.append("\(kind)(fft_output + \(2 * read.lowerBound), spectrum + \(read.lowerBound), \(read.count));")
            }
            let starts = int32s("mel_start_bins", bank.startBins, "first FFT bin of each mel band")
            let lengths = int32s("mel_lengths", bank.lengths, "weights of each mel band")
            let weights = try floats("mel_weights", bank.weights, "mel weights, band after band")
            let mel = parameters("tml_fe_mel", "mel", [("band_count", "\(bank.bandCount)"), ("start_bins", starts),
                                                       ("lengths", lengths), ("weights", weights)])
            use(.melFilterbank)
            body.append("tml_fe_mel_f32(&\(mel), spectrum, out);")
        case .statistics:
            if needsSpectrum {
                buffer("float", 4, "spectrum", bins, "\(c.spectrum) spectrum")
                body.append("\(kind)(fft_output, spectrum, \(bins));")
            }
            body += try statisticsCode(stats, bins: bins, needsMoments: needsMoments)
        }
        let lines = body.map { "    " + $0 }.joined(separator: "\n")
        functions.append("""
            /* FrameProcessor step 1 of one frame, lent as two runs of the sample ring: \(c.bandWidth) values. */
            static void frame_bands(const float *first, int32_t first_count, const float *second, float *out)
            {
            \(lines)
            }

            """)
    }

    /// The FFT tables and their `tml_fe_rfft`.
    private mutating func emitFFT() throws(CExportError) -> String {
        let size = configuration.fftSize, m = size / 2
        let order = table("uint16_t", 2, "fft_bit_reversed", CFrontEndTables.bitReversed(size: size).map { String($0) },
                          "bit-reversed load order of the \(m) complex values", perLine: 16)
        let twiddles = CFrontEndTables.roots(count: m, n: max(1, m / 2))
        let split = CFrontEndTables.roots(count: size, n: m / 2 + 1)
        let fields = [("size", "\(size)"), ("bit_reversed", order),
                      ("twiddle_cos", try floats("fft_twiddle_cos", twiddles.cos, "cos(-2 pi j / \(m))")),
                      ("twiddle_sin", try floats("fft_twiddle_sin", twiddles.sin, "sin(-2 pi j / \(m))")),
                      ("split_cos", try floats("fft_split_cos", split.cos, "cos(-2 pi k / \(size))")),
                      ("split_sin", try floats("fft_split_sin", split.sin, "sin(-2 pi k / \(size))"))]
        use(.realFFT)
        return parameters("tml_fe_rfft", "fft", fields)
    }

    private mutating func logParameters(_ name: String, _ l: LogCompression) throws(CExportError) -> String {
        let p = CFrontEndTables.log(l)
        return parameters("tml_fe_log", name, [
            ("clamps", p.clamps ? "1" : "0"), ("epsilon", try CLiteral.float(p.epsilon)), ("scaled", p.scaled ? "1" : "0"),
            ("factor", try CLiteral.float(p.factor)), ("offset", try CLiteral.float(p.offset)),
        ])
    }

    /// `FrameProcessor.writeStatistics`: each statistic's value into `out`, in order.
    private mutating func statisticsCode(_ stats: [FrameStatistic], bins: Int, needsMoments: Bool) throws(CExportError) -> [String] {
        let c = configuration
        var gain: Float = 1
        if case .gain(let g) = c.normalization { gain = g }
        let binHertz = try CLiteral.double(Double(c.sampleRate) / Double(c.fftSize))
        var body: [String] = []
        if needsMoments {
            use(.moments)
            body.append("tml_fe_moments moments;")
            body.append("tml_fe_moments_f32(frame_copy, \(c.frameLength), \(try CLiteral.float(gain)), &moments);")
        }
        if stats.contains(where: \.isSpectral) { use(.spectralStatistics) }
        if emitsFlux {
            buffer("float", 4, "previous_spectrum", bins, "the previous frame's spectrum (spectral flux)")
            buffers.append("static int32_t have_previous;")
        }
        var i = 0, band = 0
        for s in stats {
            let value: String
            switch s {
            case .mean: value = "moments.mean"
            case .rms: value = "tml_fe_moments_rms(&moments)"
            case .standardDeviation: value = "tml_fe_moments_standard_deviation(&moments)"
            case .peak: value = "tml_fe_moments_peak(&moments)"
            case .peakToPeak: value = "moments.maximum - moments.minimum"
            case .crestFactor: value = "tml_fe_moments_crest_factor(&moments)"
            case .kurtosis: value = "tml_fe_moments_kurtosis(&moments)"
            case .skewness: value = "tml_fe_moments_skewness(&moments)"
            case .spectralCentroid: value = "(float)tml_fe_spectral_centroid(spectrum, \(bins), \(binHertz))"
            case .spectralSpread: value = "(float)tml_fe_spectral_spread(spectrum, \(bins), \(binHertz))"
            case .spectralFlatness: value = "(float)tml_fe_spectral_flatness(spectrum, \(bins))"
            case .spectralRolloff(let f):
                value = "(float)tml_fe_spectral_rolloff(spectrum, \(bins), \(binHertz), \(try CLiteral.double(f)))"
            case .spectralFlux:
                value = "have_previous ? (float)tml_fe_spectral_flux(spectrum, previous_spectrum, \(bins)) : 0.0f"
            case .logBandEnergies(let n, let lo, let hi, let floor):
                let ranges = SpectralStatistics.bandBins(count: bins, binHertz: Double(c.sampleRate) / Double(c.fftSize),
                                                         bandCount: n, minHertz: lo, maxHertz: hi)
                let first = int32s("band\(band)_first", ranges.map(\.lowerBound), "first bin of each of \(n) bands, \(lo)-\(hi) Hz")
                let end = int32s("band\(band)_end", ranges.map(\.upperBound), "end bin of each band")
                let log = try logParameters("band\(band)_log", LogCompression(base: .natural, floor: floor))
                body.append("tml_fe_log_band_energies_f32(spectrum, \(first), \(end), \(n), &\(log), out + \(i));")
                band += 1
                i += n
                continue
            }
            body.append("out[\(i)] = \(value);")
            i += 1
        }
        if emitsFlux {
            body.append("{")
            body.append("    int32_t k;")
            body.append("    for (k = 0; k < \(bins); ++k) previous_spectrum[k] = spectrum[k];")
            body.append("}")
            body.append("have_previous = 1;")
        }
        return body
    }

    // MARK: Step 2: compress, transform

    private mutating func emitCompress() throws(CExportError) -> String? {
        guard let l = configuration.log else { return nil }
        let log = try logParameters("log_stage", l)
        functions.append("""
            /* The log stage (\(l.base), \(l.floor)) in place. */
            static void frame_compress(float *values, int32_t count)
            {
                tml_fe_log_f32(&\(log), values, count);
            }

            """)
        return "frame_compress"
    }

    private mutating func emitTransform(_ processor: FrameProcessor<PortableRealFFT>) throws(CExportError) -> String? {
        guard let d = processor.cosineTransform else { return nil }
        let matrix = try floats("dct_matrix", d.matrix, "DCT-II (\(d.normalization)), \(d.outputCount) x \(d.inputCount)")
        let dct = parameters("tml_fe_dct", "dct", [("input_count", "\(d.inputCount)"), ("output_count", "\(d.outputCount)"),
                                                   ("matrix", matrix)])
        use(.cosineTransform)
        functions.append("""
            /* DCT of one compressed frame: \(d.outputCount) coefficients. */
            static void frame_transform(const float *in, float *out)
            {
                tml_fe_dct_f32(&\(dct), in, out);
            }

            """)
        return "frame_transform"
    }

    // MARK: The stream

    /// Frames the stream keeps: enough for one window (`StreamingFrontEnd.ringFrames`).
    var ringFrames: Int {
        let c = configuration
        return max(c.framesPerWindow, (c.windowSamples - c.frameLength) / c.hop + 1)
    }

    private mutating func emitStream(compress: String?, transform: String?, reset: String?) throws(CExportError) {
        let c = configuration
        let deferred = c.finishesPerWindow
        let tracksPeak = c.normalization == .peak
        let peakBlocks = (c.windowSamples + c.hop - 1) / c.hop + 1
        let ring = ringFrames
        let fields: [(String, String)] = [
            ("frame_length", "\(c.frameLength)"), ("hop", "\(c.hop)"), ("window_samples", "\(c.windowSamples)"),
            ("frames_per_input", "\(c.framesPerInput)"), ("stack", "\(c.stack)"), ("frames_per_window", "\(c.framesPerWindow)"),
            ("band_width", "\(c.bandWidth)"), ("coefficient_count", "\(c.coefficientCount)"), ("ring_frames", "\(ring)"),
            ("peak_blocks", "\(peakBlocks)"), ("input_stride", "\(inputStride)"),
            ("deferred", deferred ? "1" : "0"), ("tracks_peak", tracksPeak ? "1" : "0"),
            ("power_spectrum", c.spectrum == .power ? "1" : "0"), ("reuses", c.log?.topDecibels == nil ? "1" : "0"),
            ("computes_every_frame", emitsFlux || inputStride <= c.framesPerWindow ? "1" : "0"),
            ("clamps_top_db", c.log?.topDecibels != nil ? "1" : "0"),
            ("top_db", try CLiteral.float(c.log?.topDecibels ?? 0)),
            ("bands", "frame_bands"), ("compress", compress ?? "0"), ("transform", transform ?? "0"), ("reset", reset ?? "0"),
        ]
        stream.append("static const tml_fe_stream_config stream_config = {\n"
            + fields.map { "    .\($0.0) = \($0.1)" }.joined(separator: ",\n") + "\n};\n")
        let stored = deferred ? c.bandWidth : c.coefficientCount
        var state: [(String, String)] = [
            ("config", "&stream_config"),
            ("samples", buffer("float", 4, "sample_ring", c.frameLength, "the framer's ring")),
            ("frames", buffer("float", 4, "frame_ring", ring * stored, "\(ring) frames x \(stored) \(deferred ? "bands" : "values")")),
        ]
        if !deferred { state.append(("scratch", buffer("float", 4, "scratch", c.bandWidth, "one frame's bands"))) }
        if tracksPeak { state.append(("block_maxima", buffer("float", 4, "block_maxima", peakBlocks, "maxima of hop-sample blocks"))) }
        if deferred {
            state += [
                ("compressed", buffer("float", 4, "compressed", c.framesPerWindow * c.bandWidth, "a window's frames being finished")),
                ("pending", buffer("int64_t", 8, "pending_frames", c.framesPerWindow, "which frames they are")),
                ("finished", buffer("float", 4, "finished", ring * c.coefficientCount, "finished frames by slot")),
                ("finished_frame", buffer("int64_t", 8, "finished_frame", ring, "frame finished in each slot")),
                ("finished_scale", buffer("uint32_t", 4, "finished_scale", ring, "bits of the scale it was finished at")),
            ]
        }
        stream.append("static tml_fe_stream stream = {\n" + state.map { "    .\($0.0) = \($0.1)" }.joined(separator: ",\n") + "\n};\n")
        stream.append("static int32_t stream_started;\n")
    }
}
