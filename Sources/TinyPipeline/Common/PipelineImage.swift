import TinyDSP

/// How raw samples reach the pipeline on a device (the UART stream, a linked recording, a DMA
/// buffer): `value = Float(raw) · scale`, raw little-endian int16 or float32, `channelCount`
/// values per frame, interleaved. Audio is `s16le` with scale 1/32768 (what a 16-bit WAV reads
/// as on the host); sensors usually `f32le` with scale 1.
public struct SampleFormat: Sendable, Equatable {
    public enum Encoding: UInt8, Sendable {
        case s16le = 0
        case f32le = 1

        public var bytesPerValue: Int { self == .s16le ? 2 : 4 }
        public var name: StaticString { self == .s16le ? "s16le" : "f32le" }
    }

    public var encoding: Encoding
    public var scale: Float

    public init(encoding: Encoding, scale: Float) {
        self.encoding = encoding
        self.scale = scale
    }

    /// Converts `count` raw values at `bytes` into floats.
    public func decode(_ bytes: UnsafeRawPointer, count: Int, into out: UnsafeMutablePointer<Float>) {
        switch encoding {
        case .s16le:
            for i in 0 ..< count {
                let raw = UInt16(bytes.load(fromByteOffset: 2 * i, as: UInt8.self))
                    | UInt16(bytes.load(fromByteOffset: 2 * i + 1, as: UInt8.self)) << 8
                out[i] = Float(Int16(bitPattern: raw)) * scale
            }
        case .f32le:
            for i in 0 ..< count {
                var raw: UInt32 = 0
                for b in 0 ..< 4 { raw |= UInt32(bytes.load(fromByteOffset: 4 * i + b, as: UInt8.self)) << UInt32(8 * b) }
                out[i] = Float(bitPattern: raw) * scale
            }
        }
    }
}

/// A pipeline in the binary form a device links into flash — the pipeline twin of a .tflite: its
/// name and labels, the input it takes, the whole decision path (`PipelineConfiguration`: front
/// end, quantisation, smoothing/thresholds, already turned into whole windows) and the int8 model.
/// `tinyml export --target image` writes it from `pipeline.json` (with a board config's
/// overrides); the firmware and the host tools build the same `PipelineEngine` from it.
///
/// Layout (version 1, `ImageWriter`'s little-endian encoding): `"TMPL"`, `u8` version, `u8` kind
/// (0 kws, 1 anomaly, 2 gesture, 3 wildlife), name, label count and labels (byte strings), input
/// rate, channels, sample encoding and scale, the kind's fields (a nested `FrontEndImage` for the
/// front end), then the model's length, zero padding to a multiple of 16 bytes from the image start,
/// and the model, so a 16-byte-aligned image keeps the model's constants aligned for reading them
/// in place. Reading checks every code, length and range and validates the configuration.
public struct PipelineImage {
    public static let magic: [UInt8] = [0x54, 0x4D, 0x50, 0x4C]  // "TMPL"
    public static let version: UInt8 = 1

    public var name: String
    public var labels: [String]
    /// Input frames per second.
    public var sampleRate: Int
    public var format: SampleFormat
    public var configuration: PipelineConfiguration
    /// The .tflite bytes where the image lies (empty when the pipeline has no model).
    public var model: UnsafeRawBufferPointer

    /// Values per input frame.
    public var channelCount: Int { configuration.channelCount }

    /// The image bytes for a configuration and its model.
    public static func encode(name: String, labels: [String], sampleRate: Int, format: SampleFormat,
                              configuration: PipelineConfiguration, model: [UInt8]) -> [UInt8] {
        var w = ImageWriter(magic: magic, version: version)
        switch configuration {
        case .keywordSpotting: w.u8(0)
        case .anomaly: w.u8(1)
        case .gesture: w.u8(2)
        case .wildlife: w.u8(3)
        }
        w.blob(Array(name.utf8))
        w.int(labels.count)
        for l in labels { w.blob(Array(l.utf8)) }
        w.int(sampleRate)
        w.int(configuration.channelCount)
        w.u8(format.encoding.rawValue)
        w.float(format.scale)
        switch configuration {
        case .keywordSpotting(let c): w.keywordSpotting(c)
        case .anomaly(let c): w.anomaly(c)
        case .gesture(let c): w.gesture(c)
        case .wildlife(let c): w.wildlife(c)
        }
        w.int(model.count)
        w.pad(toMultipleOf: 16)
        var bytes = w.bytes
        bytes += model
        return bytes
    }

    /// Reads an image where it lies (e.g. flash); `model` points into `bytes`, which must outlive it.
    public init(bytes: UnsafeRawBufferPointer) throws(PipelineError) {
        do throws(DSPError) {
            var r = try ImageReader(bytes: bytes, magic: Self.magic, version: Self.version, kind: "pipeline image")
            let kind = try r.u8("kind")
            guard kind <= 3 else { throw r.badCode("kind") }
            name = Self.text(try r.blob("name"))
            let labelCount = try r.int("label count")
            guard labelCount >= 0, labelCount <= 1024 else { throw DSPError("pipeline image: \(labelCount) labels (at most 1024)") }
            var labels: [String] = []
            for _ in 0 ..< labelCount { labels.append(Self.text(try r.blob("label"))) }
            self.labels = labels
            sampleRate = try r.int("sampleRate")
            let channels = try r.int("channels")
            guard let encoding = SampleFormat.Encoding(rawValue: try r.u8("sample encoding")) else { throw r.badCode("sample encoding") }
            format = SampleFormat(encoding: encoding, scale: try r.float("sample scale"))
            switch kind {
            case 0: configuration = .keywordSpotting(try r.keywordSpotting())
            case 1: configuration = .anomaly(try r.anomaly())
            case 2: configuration = .gesture(try r.gesture(channels: channels))
            default: configuration = .wildlife(try r.wildlife())
            }
            let modelLength = try r.int("model length")
            try r.skipPadding(toMultipleOf: 16)
            guard modelLength >= 0, modelLength == bytes.count - r.offset else {
                throw DSPError("pipeline image: the model length \(modelLength) does not match the \(bytes.count - r.offset) bytes left")
            }
            model = UnsafeRawBufferPointer(rebasing: bytes[r.offset...])
            guard channels == configuration.channelCount else {
                throw DSPError("pipeline image: \(channels) input channels for a pipeline of \(configuration.channelCount)")
            }
        } catch {
            throw PipelineError(error.description)
        }
        guard sampleRate > 0, format.scale.isFinite, format.scale != 0 else {
            throw PipelineError("pipeline image: sample rate \(sampleRate) Hz and scale must be positive and finite")
        }
        if case .anomaly = configuration {} else {
            guard labels.count == configuration.classCount else {
                throw PipelineError("pipeline image: \(labels.count) labels for \(configuration.classCount) classes")
            }
        }
        guard configuration.needsModel == (model.count > 0) else {
            throw PipelineError(configuration.needsModel ? "pipeline image: the pipeline needs a model and the image has none"
                                                         : "pipeline image: a model is linked but the pipeline runs none")
        }
        try configuration.validate()
    }

    private static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count),
               as: UTF8.self)
    }
}

// MARK: - The kinds' fields

extension ImageWriter {
    mutating func frontEnd(_ c: FrontEndConfiguration, _ q: Int8Quantizer?) {
        blob(FrontEndImage(configuration: c, quantization: q).encoded())
    }

    mutating func keywordSpotting(_ c: KeywordSpottingConfiguration) {
        frontEnd(c.frontEnd, c.quantization)
        int(c.keywords.count)
        for k in c.keywords { bool(k) }
        int(c.strideFrames)
        int(c.averageCount)
        float(c.threshold)
        int(c.suppressionWindows)
        int(c.minimumCount)
    }

    mutating func anomaly(_ c: AnomalyConfiguration) {
        frontEnd(c.frontEnd, nil)
        switch c.scorer {
        case .gaussian(let floor): u8(0); double(floor)
        case .autoencoder(let context): u8(1); int(context)
        }
        switch c.calibration {
        case .learn(let windows, let calibrating, let k): u8(0); int(windows); int(calibrating); double(k)
        case .fixed(let t): u8(1); double(t)
        }
        int(c.raiseAfter)
        int(c.clearAfter)
    }

    mutating func gesture(_ c: GestureConfiguration) {
        int(c.accelerometerChannels.count)
        for a in c.accelerometerChannels { int(a) }
        switch c.unit {
        case nil: u8(0)
        case .g?: u8(1)
        case .milliG?: u8(2)
        case .metresPerSecondSquared?: u8(3)
        }
        int(c.detectionFrames)
        for g in c.gains { float(g) }
        int(c.windowLength)
        quantizer(c.quantization)
        int(c.classCount)
        int(c.negativeClass ?? -1)
        int(c.hop)
        int(c.smoothing.history)
        float(c.smoothing.threshold)
        float(c.smoothing.rearm)
        int(c.smoothing.suppressionInferences)
    }

    mutating func wildlife(_ c: WildlifeConfiguration) {
        frontEnd(c.frontEnd, nil)
        quantizer(c.quantization)
        int(c.classCount)
        int(c.windowFrames)
        let d = c.detector
        for v in [d.floorRise, d.floorRiseInEvent, d.floorFall, d.floorMinimum, d.decibelsPerUnit] { float(v) }
        int(d.loudestBands)
        for v in [d.onsetDecibels, d.offsetDecibels, d.fluxDecibels] { float(v) }
        int(d.hangoverFrames)
        int(d.minimumFrames)
        int(d.maximumFrames)
        int(c.prerollFrames)
        int(c.eventHopFrames)
        int(c.topK)
    }
}

extension ImageReader {
    mutating func frontEnd() throws(DSPError) -> FrontEndImage {
        try FrontEndImage(bytes: try blob("front end"))
    }

    mutating func count(_ field: StaticString, atMost limit: Int) throws(DSPError) -> Int {
        let n = try int(field)
        guard n >= 0, n <= limit else { throw DSPError("pipeline image: \(field) \(n) is out of range (0…\(limit))") }
        return n
    }

    mutating func keywordSpotting() throws(DSPError) -> KeywordSpottingConfiguration {
        let fe = try frontEnd()
        guard let q = fe.quantization else { throw DSPError("pipeline image: the keyword front end has no quantisation") }
        var keywords: [Bool] = []
        for _ in 0 ..< (try count("class count", atMost: 1024)) { keywords.append(try bool("keyword")) }
        return KeywordSpottingConfiguration(frontEnd: fe.configuration, quantization: q, keywords: keywords,
                                            strideFrames: try int("strideFrames"), averageCount: try int("averageCount"),
                                            threshold: try float("threshold"), suppressionWindows: try int("suppressionWindows"),
                                            minimumCount: try int("minimumCount"))
    }

    mutating func anomaly() throws(DSPError) -> AnomalyConfiguration {
        let fe = try frontEnd()
        let scorer: AnomalyConfiguration.Scorer
        switch try u8("scorer") {
        case 0: scorer = .gaussian(varianceFloor: try double("varianceFloor"))
        case 1: scorer = .autoencoder(contextFrames: try int("contextFrames"))
        default: throw badCode("scorer")
        }
        let calibration: AnomalyDetector.Calibration
        switch try u8("calibration") {
        case 0: calibration = .learn(windows: try int("learning windows"), calibrating: try int("calibrating windows"), k: try double("k"))
        case 1: calibration = .fixed(threshold: try double("threshold"))
        default: throw badCode("calibration")
        }
        return AnomalyConfiguration(frontEnd: fe.configuration, scorer: scorer, calibration: calibration,
                                    raiseAfter: try int("raiseAfter"), clearAfter: try int("clearAfter"))
    }

    mutating func gesture(channels: Int) throws(DSPError) -> GestureConfiguration {
        guard channels >= 1, channels <= 64 else { throw DSPError("pipeline image: \(channels) channels (1…64)") }
        var axes: [Int] = []
        for _ in 0 ..< (try count("accelerometer channels", atMost: 64)) { axes.append(try int("accelerometer channel")) }
        let unit: AccelerationUnit?
        switch try u8("unit") {
        case 0: unit = nil
        case 1: unit = .g
        case 2: unit = .milliG
        case 3: unit = .metresPerSecondSquared
        default: throw badCode("unit")
        }
        let detection = try int("detectionFrames")
        var gains: [Float] = []
        for _ in 0 ..< channels { gains.append(try float("gain")) }
        let length = try int("windowLength")
        let q = try quantizer()
        let classes = try int("classCount")
        let negative = try int("negativeClass")
        let hop = try int("hop")
        let history = try int("history"), threshold = try float("threshold"), rearm = try float("rearm")
        let suppression = try int("suppression")
        let smoothing: GestureSmoothing
        do {
            smoothing = try GestureSmoothing(history: history, threshold: threshold, rearm: rearm, suppressionInferences: suppression)
        } catch {
            throw DSPError("pipeline image: \(error.description)")
        }
        return GestureConfiguration(channelCount: channels, accelerometerChannels: axes, unit: unit, detectionFrames: detection,
                                    gains: gains, windowLength: length, quantization: q, classCount: classes,
                                    negativeClass: negative < 0 ? nil : negative, hop: hop, smoothing: smoothing)
    }

    mutating func wildlife() throws(DSPError) -> WildlifeConfiguration {
        let fe = try frontEnd()
        let q = try quantizer()
        let classes = try int("classCount"), window = try int("windowFrames")
        let rise = try float("floorRise"), riseIn = try float("floorRiseInEvent"), fall = try float("floorFall")
        let minimum = try float("floorMinimum"), perUnit = try float("decibelsPerUnit")
        let loudest = try int("loudestBands")
        let onset = try float("onset"), offset = try float("offset"), flux = try float("flux")
        let detector = EventDetectorParameters(floorRise: rise, floorRiseInEvent: riseIn, floorFall: fall, floorMinimum: minimum,
                                               decibelsPerUnit: perUnit, loudestBands: loudest, onsetDecibels: onset,
                                               offsetDecibels: offset, fluxDecibels: flux, hangoverFrames: try int("hangoverFrames"),
                                               minimumFrames: try int("minimumFrames"), maximumFrames: try int("maximumFrames"))
        return WildlifeConfiguration(frontEnd: fe.configuration, quantization: q, classCount: classes, windowFrames: window,
                                     detector: detector, prerollFrames: try int("prerollFrames"),
                                     eventHopFrames: try int("eventHopFrames"), topK: try int("topK"))
    }
}
