import Foundation
import Testing
import TinyIO
import TinyTestSupport
import WildlifeSounds

/// The wildlife front end and model against reference tools (`Pipelines/wildlife/train/make_golden.py`):
/// - log-mel frames of `golden_signal.wav` through `WildlifePipeline.frameSpec` equal librosa's
///   (`stft(center=False)`, power, `filters.mel(htk=True, norm=None)`, `ln(· + 1e-6)`) within
///   2e-3 in ln units (float32 FFT vs librosa's float64 path; quiet bands are the least precise);
/// - the committed int8 model on the committed int8 inputs gives LiteRT BUILTIN_REF's outputs
///   exactly (the core's contract).
@Suite struct ModelGoldenTests {
    static func fixture(_ name: String) -> URL { TestPaths.fixture("WildlifeSoundsTests", name) }

    @Test func logMelFramesMatchLibrosa() throws {
        let p = try WildlifeTestSupport.pipeline()
        let samples = try AudioStream.readMono(path: Self.fixture("golden_signal.wav").path, outputRate: 16000)
        let frames = try p.frameExtractor().inputs(of: samples).values
        let reference = try Data(contentsOf: Self.fixture("golden_logmel.f32")).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        #expect(frames.count == reference.count && frames.count == 36 * 32)
        let worst = zip(frames, reference).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 2e-3, "largest difference \(worst)")
    }

    @Test func int8ModelMatchesLiteRTReference() throws {
        let p = try WildlifeTestSupport.pipeline()
        let c = try WindowClassifier(pipeline: p)
        let inputs = try [Int8](Data(contentsOf: Self.fixture("golden_input.i8")).map { Int8(bitPattern: $0) })
        let expected = try [Int8](Data(contentsOf: Self.fixture("golden_output.i8")).map { Int8(bitPattern: $0) })
        let n = 32 * 32
        #expect(inputs.count == 2 * n && expected.count == 2 * 12)
        for k in 0 ..< 2 {
            try c.session.setInput(int8: Array(inputs[k * n ..< (k + 1) * n]))
            c.session.invoke()
            #expect(try c.session.outputInt8() == Array(expected[k * 12 ..< (k + 1) * 12]), "window \(k)")
        }
    }
}
