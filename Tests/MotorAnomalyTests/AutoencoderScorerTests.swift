import TinyPipeline
import Foundation
import MotorAnomaly
import Testing
import TinyCore
import TinyRuntime
import TinyTestSupport

/// `AutoencoderScorer` reproduces LiteRT BUILTIN_REF reconstruction errors: the pipeline's own
/// motor autoencoder on CWRU val windows, and (the audio path) MLPerf Tiny ad01 fed 5-frame log-mel
/// windows.
@Suite struct AutoencoderScorerTests {
    static let root = TestPaths.referenceModelsRoot.appendingPathComponent("anomaly")
    static let model = root.appendingPathComponent("ad01_int8.tflite").path
    static let haveAD = FileManager.default.fileExists(atPath: model)

    /// Per-window MSEs from LiteRT BUILTIN_REF (Tools/golden/reference_models.py → TinyCoreTests
    /// fixture) within 1e-5, and the mean within 2e-4 of the shipped 10.265321 (LiteRT x86,
    /// optimized kernels, 1-LSB differences).
    @Test(.enabled(if: haveAD, "reference model missing at \(root.path) — place ../shared beside the repo or set TINYML_REFERENCE_MODELS"))
    func reproducesMLPerfReconstructionErrors() throws {
        let scorer = try AutoencoderScorer(interpreter: Interpreter(graph: Model(contentsOf: Self.model).graph), frameLength: 128, contextFrames: 5)
        let data = try Data(contentsOf: Self.root.appendingPathComponent("normal_id_01_00000000_hist_librosa.bin"))
        let frames: [Float] = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        #expect(frames.count == 200 * 128)
        var scores: [Double] = []
        for f in 0 ..< 200 {
            let s = Array(frames[f * 128 ..< (f + 1) * 128]).withUnsafeBufferPointer { scorer.score($0) }
            #expect((s == nil) == (f < 4), "a score from the fifth frame on")
            if let s { scores.append(s) }
        }
        let expected = try String(contentsOfFile: TestPaths.fixture("TinyCoreTests", "ad_builtin_ref_mse.csv").path, encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { Double($0.split(separator: ",")[1])! }
        #expect(scores.count == 196 && expected.count == 196)
        for (s, e) in zip(scores, expected) { #expect(abs(s - e) < 1e-5) }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(abs(mean - 10.265321) < 2e-4)
    }

    @Test(.enabled(if: haveAD, "reference model missing at \(root.path)"))
    func refusesAWrongFrameLayout() throws {
        let model = try Model(contentsOf: Self.model)
        #expect(throws: PipelineError.self) { try AutoencoderScorer(interpreter: Interpreter(graph: model.graph), frameLength: 64, contextFrames: 5) }
    }

    /// Golden: Pipelines/anomaly/train/train_autoencoder.py scores the 22 CWRU val-normal windows
    /// (features from `tinyml features`) with LiteRT BUILTIN_REF. Tolerance 1e-9 relative: same int8
    /// outputs, double-precision MSE on both sides.
    @Test func motorAutoencoderMatchesLiteRT() throws {
        let pipeline = try MonitorHarness.pipeline()
        var p = pipeline
        p.scorer = .autoencoder
        let (scorer, _, _) = try p.makeScorer()
        let data = try Data(contentsOf: TestPaths.fixture("MotorAnomalyTests", "motor_ae_val_features.f32"))
        let features: [Float] = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        let expected = try String(contentsOfFile: TestPaths.fixture("MotorAnomalyTests", "motor_ae_val_mse.csv").path, encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { Double($0.split(separator: ",")[1])! }
        let n = pipeline.frameLength
        #expect(features.count == expected.count * n && expected.count == 22)
        for (w, e) in expected.enumerated() {
            let s = try Array(features[w * n ..< (w + 1) * n]).withUnsafeBufferPointer { try scorer.score($0) }
            #expect(abs(try #require(s) - e) <= 1e-9 * e, "window \(w)")
        }
    }
}
