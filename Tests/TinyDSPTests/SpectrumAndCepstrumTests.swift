import Testing
import TinyDSP

/// Spectra, mel spectrograms, dB with top_db and MFCCs against librosa and `tf.signal`.
@Suite struct SpectrumAndCepstrumTests {
    static let signal = try! Golden.floats("signal_16k").values

    /// All frames of `signal` through a front end as one input window (22 frames of 512, hop 160).
    static func run(_ features: FrameFeatures, spectrum: SpectrumKind, log: LogCompression? = nil,
                    cepstrum: CepstralConfiguration? = nil) throws -> [[Float]] {
        let frames = 1 + (signal.count - 512) / 160
        let c = FrontEndConfiguration(sampleRate: 16000, normalization: .none, frameLength: 512, hop: 160, fftSize: 512,
                                      window: .hann(.periodic), spectrum: spectrum, features: features, log: log,
                                      cepstrum: cepstrum, framesPerInput: frames)
        let frontEnd = try StreamingFrontEnd(configuration: c, fft: try PortableRealFFT(size: 512))
        var out = [Float](repeating: 0, count: frontEnd.inputCount)
        signal.withUnsafeBufferPointer { s in
            _ = frontEnd.append(s)
        }
        #expect(frontEnd.hasInput)
        out.withUnsafeMutableBufferPointer { frontEnd.takeInput(into: $0.baseAddress!) }
        return stride(from: 0, to: out.count, by: c.rowWidth).map { Array(out[$0 ..< $0 + c.rowWidth]) }
    }

    static func relativeError(_ a: [[Float]], _ b: [[Float]]) -> Float {
        #expect(a.count == b.count)
        let peak = b.flatMap { $0 }.map(abs).max()!
        return zip(a, b).map { Golden.maxAbsDifference($0, $1) }.max()! / peak
    }

    @Test func magnitudeAndPowerMatchLibrosaSTFT() throws {
        // librosa.stft(center=False, window='hann' = periodic): float32 FFTs agree to ~1e-6 of the peak.
        #expect(Self.relativeError(try Self.run(.spectrum, spectrum: .magnitude), try Golden.rows("stft_magnitude")) < 5e-6)
        #expect(Self.relativeError(try Self.run(.spectrum, spectrum: .power), try Golden.rows("stft_power")) < 1e-5)
    }

    @Test func melSpectrogramAndDecibelsMatchLibrosa() throws {
        let mel = FrameFeatures.mel(.librosa(bandCount: 40, minHertz: 20, maxHertz: 7600))
        #expect(Self.relativeError(try Self.run(mel, spectrum: .power), try Golden.rows("melspec_slaney_power")) < 1e-5)
        // power_to_db(ref=1, amin=1e-10, top_db=80) over the whole spectrogram (= our input window).
        let db = try Self.run(mel, spectrum: .power, log: LogCompression(base: .decibels, floor: .clamp(1e-10), topDecibels: 80))
        let expected = try Golden.rows("melspec_db_top80")
        #expect(zip(db, expected).map { Golden.maxAbsDifference($0, $1) }.max()! < 2e-4, "dB within 2e-4 dB")
    }

    @Test func endToEndMFCCMatchesLibrosa() throws {
        let mfcc = try Self.run(.mel(.librosa(bandCount: 40, minHertz: 20, maxHertz: 7600)), spectrum: .power,
                                log: LogCompression(base: .decibels, floor: .clamp(1e-10), topDecibels: 80),
                                cepstrum: CepstralConfiguration(coefficientCount: 13, normalization: .orthonormal, lifter: 22))
        // dB values ~±100 with 2e-4 error, through an orthonormal DCT and a lifter of up to 12×.
        #expect(Self.relativeError(mfcc, try Golden.rows("mfcc_librosa_ortho_lifter22")) < 2e-5)
    }

    static func dct(_ input: [[Float]], _ transform: DiscreteCosineTransform) -> [[Float]] {
        input.map { row in
            var out = [Float](repeating: 0, count: transform.outputCount)
            row.withUnsafeBufferPointer { r in out.withUnsafeMutableBufferPointer { transform.apply(r.baseAddress!, into: $0.baseAddress!) } }
            return out
        }
    }

    @Test func dctNormalisationsMatchLibrosaAndTensorFlow() throws {
        let db = try Golden.rows("melspec_db_top80")
        let ortho = try DiscreteCosineTransform(inputCount: 40, outputCount: 13, normalization: .orthonormal, lifter: 22)
        #expect(Self.relativeError(Self.dct(db, ortho), try Golden.rows("mfcc_librosa_ortho_lifter22")) < 2e-6)
        let none = try DiscreteCosineTransform(inputCount: 40, outputCount: 13, normalization: .none)
        #expect(Self.relativeError(Self.dct(db, none), try Golden.rows("mfcc_librosa_none")) < 2e-6)
        let tf = try DiscreteCosineTransform(inputCount: 40, outputCount: 13, normalization: .tensorflow)
        // TF's DCT runs as an FFT in float32: ~1e-6 of the largest coefficient.
        #expect(Self.relativeError(Self.dct(try Golden.rows("logmel_for_tf"), tf), try Golden.rows("mfcc_tf")) < 5e-6)
        #expect(throws: DSPError.self) { try DiscreteCosineTransform(inputCount: 40, outputCount: 41, normalization: .none) }
    }
}
