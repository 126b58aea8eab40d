import Foundation
import Testing
import TinyDSP
import TinyFeatures
import TinyTestSupport

/// `FrontEndImage`, the binary front end a device links: every configuration round-trips exactly
/// (the pipelines' specs, the presets, and configurations that use every enumeration case), and
/// malformed images fail with one line naming the problem; likewise `SensorWindowImage`.
@Suite struct FrontEndImageTests {
    static let pipelineSpecs = ["kws", "kws/mlperf", "wildlife", "anomaly", "anomaly/audio"]

    /// Configurations that between them use every case of every enumeration the image encodes.
    static let variants: [FrontEndImage] = {
        let mel = { (scale: MelScale, triangles: MelTriangleDomain, norm: MelNormalization) in
            FrameFeatures.mel(MelFilterbankConfiguration(bandCount: 20, minHertz: 30, maxHertz: 3900.5, scale: scale,
                                                         triangles: triangles, normalization: norm))
        }
        func config(_ normalization: InputNormalization = .none, window: WindowFunction = .hann(.periodic),
                    spectrum: SpectrumKind = .power, features: FrameFeatures, log: LogCompression? = nil,
                    dct: CepstralConfiguration? = nil, stack: Int = 1, clip: Int? = nil) -> FrontEndConfiguration {
            FrontEndConfiguration(sampleRate: 8000, normalization: normalization, frameLength: 200, hop: 80, fftSize: 256,
                                  window: window, spectrum: spectrum, features: features, log: log, cepstrum: dct,
                                  framesPerInput: 7, stack: stack, clipSamples: clip)
        }
        let q = { (r: RoundingRule) in try! Int8Quantizer(scale: 0.37, zeroPoint: -3, rounding: r, minimum: -120, maximum: 101) }
        return [
            FrontEndImage(configuration: config(.gain(0.25), window: .rectangular, features: .spectrum,
                                                log: LogCompression(base: .decibels, floor: .clamp(1e-10), reference: 2, topDecibels: 80)),
                          quantization: q(.halfUp)),
            FrontEndImage(configuration: config(.peak, window: .hamming(.symmetric), spectrum: .magnitude,
                                                features: mel(.slaney, .mel, .l1),
                                                log: LogCompression(base: .ten, floor: .add(1e-6)),
                                                dct: CepstralConfiguration(coefficientCount: 13, normalization: .orthonormal, lifter: 22),
                                                stack: 3, clip: 4000),
                          quantization: q(.halfAwayFromZero)),
            FrontEndImage(configuration: config(window: .hamming(.periodic), features: mel(.htk, .hertz, .l2),
                                                log: LogCompression(base: .amplitudeDecibels, floor: .add(0)),
                                                dct: CepstralConfiguration(coefficientCount: 5, normalization: .none)),
                          quantization: q(.halfToEven)),
            FrontEndImage(configuration: config(window: .hann(.symmetric), features: mel(.htk, .mel, .max),
                                                log: LogCompression(base: .natural, floor: .add(1e-6)),
                                                dct: CepstralConfiguration(coefficientCount: 10, normalization: .tensorflow)),
                          quantization: nil),
            FrontEndImage(configuration: config(features: mel(.slaney, .hertz, .none)), quantization: nil),
            FrontEndImage(configuration: config(features: .statistics([
                .mean, .rms, .standardDeviation, .peak, .peakToPeak, .crestFactor, .kurtosis, .skewness, .spectralCentroid,
                .spectralSpread, .spectralFlatness, .spectralRolloff(fraction: 0.85), .spectralFlux,
                .logBandEnergies(bandCount: 8, minHertz: 0, maxHertz: 4000, floor: .clamp(1e-12)),
                .logBandEnergies(bandCount: 4, minHertz: 100, maxHertz: 3000, floor: .add(1e-9)),
            ])), quantization: nil),
        ]
    }()

    static func decode(_ bytes: [UInt8]) throws(DSPError) -> FrontEndImage {
        let result = bytes.withUnsafeBytes { raw -> Result<FrontEndImage, DSPError> in
            do throws(DSPError) { return .success(try FrontEndImage(bytes: raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    @Test(arguments: pipelineSpecs)
    func pipelineSpecsRoundTrip(_ pipeline: String) throws {
        let spec = try FeatureSpec.load(TestPaths.repoRoot.appendingPathComponent("Pipelines/\(pipeline)/pipeline.json").path)
        let image = FrontEndImage(configuration: spec.frontEnd, quantization: spec.quantization)
        #expect(try Self.decode(image.encoded()) == image)
    }

    @Test(arguments: FeatureSpec.presetNames)
    func presetsRoundTrip(_ name: String) throws {
        let spec = try FeatureSpec.load(name)
        let image = FrontEndImage(configuration: spec.frontEnd, quantization: spec.quantization)
        #expect(try Self.decode(image.encoded()) == image)
    }

    @Test func everyEnumerationCaseRoundTrips() throws {
        for (i, image) in Self.variants.enumerated() {
            try image.configuration.validate()
            #expect(try Self.decode(image.encoded()) == image, "variant \(i)")
        }
    }

    @Test func truncatedImagesNameTheMissingField() throws {
        let bytes = Self.variants[1].encoded()
        for length in 0 ..< bytes.count {
            #expect(throws: DSPError.self) { try Self.decode(Array(bytes[..<length])) }
        }
        let error = #expect(throws: DSPError.self) { try Self.decode(Array(bytes[..<8])) }
        #expect(error?.description == "front-end image: truncated at sampleRate")
    }

    @Test func badMagicVersionCodesAndTrailingBytesFail() throws {
        let good = Self.variants[4].encoded()   // normalization none: the window code is byte 22
        var magic = good
        magic[0] = 0x00
        #expect(throws: DSPError("front-end image: bad magic")) { try Self.decode(magic) }
        var version = good
        version[4] = 2
        #expect(throws: DSPError("front-end image: version 2 is not the one this build reads (1)")) { try Self.decode(version) }
        var window = good
        window[22] = 9
        #expect(throws: DSPError("front-end image: unknown code 9 for window at byte 22")) { try Self.decode(window) }
        #expect(throws: DSPError("front-end image: 1 bytes after the end of the image")) { try Self.decode(good + [0]) }
    }

    @Test func invalidConfigurationsAreRefused() throws {
        var image = Self.variants[4]
        image.configuration.hop = 0
        #expect(throws: DSPError("hop must be positive (got 0)")) { try Self.decode(image.encoded()) }
    }

    @Test func sensorWindowImagesRoundTripAndRefuseBadSizes() throws {
        func decode(_ bytes: [UInt8]) throws(DSPError) -> SensorWindowImage {
            let result = bytes.withUnsafeBytes { raw -> Result<SensorWindowImage, DSPError> in
                do throws(DSPError) { return .success(try SensorWindowImage(bytes: raw)) } catch { return .failure(error) }
            }
            return try result.get()
        }
        let image = SensorWindowImage(channelCount: 6, windowLength: 50,
                                      quantization: try Int8Quantizer(scale: 0.0397, zeroPoint: -3, rounding: .halfAwayFromZero))
        #expect(try decode(image.encoded()) == image)
        var empty = image
        empty.channelCount = 0
        #expect(throws: DSPError("sensor-window image: 50 frames of 0 channels (each must be 1…4096)")) { try decode(empty.encoded()) }
        #expect(throws: DSPError("sensor-window image: truncated at windowLength")) { try decode(Array(image.encoded()[..<10])) }
        #expect(throws: DSPError("sensor-window image: bad magic")) { try decode(Self.variants[0].encoded()) }
    }
}
