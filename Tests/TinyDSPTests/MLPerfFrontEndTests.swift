import Foundation
import Testing
import TinyDSP
import TinyFeatures
import TinyIO
import TinyTestSupport

/// The `mlperf-kws` preset against the committed NumPy reference recipe
/// (`Tools/golden/mlperf_kws_frontend.py`), and the streaming/whole-clip/portable-FFT paths
/// against each other.
@Suite struct MLPerfFrontEndTests {
    static let spec = FeatureSpec.preset(named: "mlperf-kws")!

    static func syntheticClips() throws -> [[Float]] {
        let pcm = try Golden.ints("mlperf_clips_i16")
        return stride(from: 0, to: pcm.count, by: 16000).map { pcm[$0 ..< $0 + 16000].map { Float($0) / 32768 } }
    }

    @Test func syntheticClipsMatchReference() throws {
        let extractor = try FeatureExtractor(spec: Self.spec)
        let expectedFloat = try Golden.floats("mlperf_mfcc").values
        let expectedInt8 = try Golden.ints("mlperf_int8_i8")
        var ours: [Float] = []
        for clip in try Self.syntheticClips() { ours += extractor.clipInput(clip) }
        // Float MFCCs: the reference divides samples by the peak first, we scale the mel energies
        // (exact in real arithmetic); float32 rounding (FFT, matmul, log of bands near the 1e-6
        // floor) leaves up to ~1e-4 of the largest |MFCC| (63): below 0.01, i.e. 1/58 of an LSB.
        #expect(Golden.maxAbsDifference(ours, expectedFloat) < 1e-2)
        let q = try Self.spec.quantize(ours).map(Int.init)
        let equal = zip(q, expectedInt8).filter { $0 == $1 }.count
        #expect(zip(q, expectedInt8).allSatisfy { abs($0 - $1) <= 1 })
        #expect(Double(equal) / Double(q.count) >= 0.995, "\(equal)/\(q.count) int8 values equal")
    }

    /// Streaming in odd chunks with overlapping windows gives exactly the whole-clip numbers of
    /// each window, with the portable FFT or FFTW.
    @Test func streamingEqualsWholeClip() throws {
        let clips = try Self.syntheticClips()
        let signal = clips[0] + clips[2] + clips[1]   // 3 s; the middle second is all negative
        let stride = 7
        let streamed = try FeatureExtractor(spec: Self.spec, inputStride: stride)
        var position = 0, chunk = 1
        var inputs: [[Float]] = []
        while position < signal.count {
            let n = min(chunk, signal.count - position)
            streamed.push(Array(signal[position ..< position + n]))
            position += n
            chunk = chunk * 3 % 1001 + 1
            while let input = streamed.popInput() { inputs.append(input) }
        }
        let windows = (signal.count - 16000) / (stride * 320) + 1
        #expect(inputs.count == windows)
        let clip = try FeatureExtractor(spec: Self.spec)
        for (w, input) in inputs.enumerated() {
            let start = w * stride * 320
            #expect(input == clip.clipInput(Array(signal[start ..< start + 16000])), "window \(w)")
        }
        // The portable FFT: same front end, float-rounding differences only.
        let portable = try StreamingFrontEnd(configuration: Self.spec.frontEnd, fft: try PortableRealFFT(size: 512))
        var out = [Float](repeating: 0, count: portable.inputCount)
        signal.withUnsafeBufferPointer { _ = portable.append(UnsafeBufferPointer(rebasing: $0[0 ..< 16000])) }
        out.withUnsafeMutableBufferPointer { portable.takeInput(into: $0.baseAddress!) }
        #expect(Golden.maxAbsDifference(out, clip.clipInput(Array(signal[0 ..< 16000]))) < 1e-3)
    }

    /// Overlapping windows share finished frames (`WindowFinisher`): with a stride of one frame a
    /// window whose peak scale has the same bits as the previous window's finishes only its new
    /// frame, any other window all 49 — and every input still equals its window's whole-clip input.
    @Test func overlappingWindowsShareFinishedFrames() throws {
        let clips = try Self.syntheticClips()
        let signal = clips[0] + clips[1]
        let streamed = try FeatureExtractor(spec: Self.spec, inputStride: 1)
        streamed.push(signal)
        var inputs: [[Float]] = []
        while let input = streamed.popInput() { inputs.append(input) }
        #expect(inputs.count == (signal.count - 16000) / 320 + 1)
        let clip = try FeatureExtractor(spec: Self.spec)
        var expectedFinished = 0
        var previousScale: Float? = nil
        for (w, input) in inputs.enumerated() {
            let window = Array(signal[w * 320 ..< w * 320 + 16000])
            #expect(input == clip.clipInput(window), "window \(w)")
            let peak = window.max()!
            let scale = peak != 0 && peak.isFinite ? SpectrumKind.magnitude.scale(forInputGain: 1 / peak) : 1
            expectedFinished += scale.bitPattern == previousScale?.bitPattern ? 1 : 49
            previousScale = scale
        }
        #expect(streamed.frontEnd.framesFinished == expectedFinished)
        #expect(expectedFinished < inputs.count * 49 / 2, "the windows' peaks change too often to show sharing")
    }

    @Test func shortClipsArePaddedAndLongOnesCropped() throws {
        let extractor = try FeatureExtractor(spec: Self.spec)
        let clip = try Self.syntheticClips()[0]
        #expect(extractor.clipInput(Array(clip[0 ..< 12000])) == extractor.clipInput(Array(clip[0 ..< 12000]) + [Float](repeating: 0, count: 4000)))
        #expect(extractor.clipInput(clip + clip) == extractor.clipInput(clip))
        let silent = extractor.clipInput([Float](repeating: 0, count: 16000))
        #expect(silent.allSatisfy { $0.isFinite }, "an all-zero clip (peak 0) is left unscaled, log(1e-6) finite")
    }

    static let kws = TestPaths.dataset("kws")

    /// The acceptance claim: on the 521 clips of the `test` split the preset's int8 features equal
    /// the NumPy reference's for ≥ 99.5 % of values and differ by at most 1 LSB anywhere. The
    /// reference features are committed (`mlperf_test_split_i8.npy`, made by Tools/golden/dsp.py) so
    /// the test needs only the audio, not Python or TensorFlow.
    @Test(.enabled(if: kws != nil, "\(TestPaths.missingDatasetMessage("kws"))"))
    func testSplitMatchesReference() throws {
        let root = Self.kws!
        let files = try String(contentsOf: Golden.url("mlperf_test_split_i8").deletingLastPathComponent()
            .appendingPathComponent("mlperf_test_split_files.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        let expected = try Golden.ints("mlperf_test_split_i8")
        #expect(files.count == 521 && expected.count == 521 * 490)
        let extractor = try FeatureExtractor(spec: Self.spec)
        var equal = 0, worst = 0
        for (i, file) in files.enumerated() {
            let samples = try AudioStream.readMono(path: root.appendingPathComponent(file).path, outputRate: 16000)
            let q = try Self.spec.quantize(extractor.clipInput(samples))
            for j in 0 ..< 490 {
                let d = abs(Int(q[j]) - expected[i * 490 + j])
                if d == 0 { equal += 1 }
                worst = max(worst, d)
            }
        }
        let fraction = Double(equal) / Double(expected.count)
        #expect(fraction >= 0.995, "\(equal)/\(expected.count) equal")
        #expect(worst <= 1)
        print("mlperf-kws test split: \(equal)/\(expected.count) int8 values equal (\(String(format: "%.4f", 100 * fraction)) %), max difference \(worst) LSB")
    }
}
