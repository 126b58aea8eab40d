import Foundation
import Testing
import TinyCExport
import TinyDSP
import TinyFeatures
import TinyIO
import TinyTestSupport

/// The C front end of every committed audio pipeline's feature spec, compiled with `gcc -std=c99
/// -Wall -Wextra -Werror -pedantic -ffp-contract=off`, gives inputs bit-identical to TinyDSP's
/// `StreamingFrontEnd<PortableRealFFT>` (the device front end) on real signals, in several chunkings
/// and input strides and after a reset, and its int8 inputs equal the spec quantizer's; each also
/// compiles clean for Cortex-M4.
@Suite struct CFrontEndTests {
    static let golden: [Float] = (try? AudioStream.readMono(
        path: TestPaths.fixture("WildlifeSoundsTests", "golden_signal.wav").path, outputRate: 16000)) ?? []

    /// The golden signal (1.2 s), then the same backwards at 0.7 of its level: long enough for
    /// strides that skip frames between inputs.
    static func signal(rate: Int) throws -> [Float] {
        let s = rate == 16000 ? golden : try AudioStream.readMono(
            path: TestPaths.fixture("WildlifeSoundsTests", "golden_signal.wav").path, outputRate: rate)
        return s + s.reversed().map { $0 * 0.7 }
    }

    static func spec(_ pipeline: String) throws -> FeatureSpec {
        try FeatureSpec.load(TestPaths.repoRoot.appendingPathComponent("Pipelines/\(pipeline)/pipeline.json").path)
    }

    /// Chunkings: one sample at a time, odd sizes cycled, one hop, the whole signal.
    static func chunkings(hop: Int) -> [[Int]] { [[1], [7, 1000, 13, 160, 4099], [hop], [1 << 30]] }

    /// Exports `c`, runs it on `samples` in every chunking, and compares with Swift bit for bit.
    static func expectEqualToSwift(_ c: FrontEndConfiguration, quantization: Int8Quantizer?, inputStride: Int,
                                   samples: [Float], chunkings: [[Int]], label: String) throws {
        let frontEnd = try CFrontEndExporter.export(configuration: c, quantization: quantization, inputStride: inputStride,
                                                    name: "fe")
        let harness = try CFrontEndHarness(frontEnd)
        defer { harness.remove() }
        if let error = try harness.compileForCortexM4() { Issue.record("\(label): arm-none-eabi-gcc: \(error)") }
        for chunks in chunkings {
            let swift = try CFrontEndHarness.swiftInputs(c, quantization: quantization, inputStride: inputStride,
                                                         samples: samples, chunks: chunks)
            let got = try harness.run(samples, chunks: chunks)
            #expect(!swift.inputs.isEmpty, "\(label): no inputs")
            #expect(got.inputs.count == swift.inputs.count, "\(label) chunks \(chunks): \(got.inputs.count) floats, Swift \(swift.inputs.count)")
            let differing = zip(got.inputs, swift.inputs).filter { $0.bitPattern != $1.bitPattern }.count
            #expect(differing == 0, "\(label) chunks \(chunks): \(differing) of \(swift.inputs.count) floats differ from Swift")
            #expect(got.int8 == swift.int8, "\(label) chunks \(chunks): int8 inputs differ from Swift")
        }
    }

    static let pipelines = ["kws", "kws/mlperf", "wildlife", "anomaly", "anomaly/audio"]

    @Test(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"), arguments: pipelines)
    func committedPipelineEqualsSwift(_ pipeline: String) throws {
        let spec = try Self.spec(pipeline)
        let c = spec.frontEnd
        let samples = try Self.signal(rate: c.sampleRate)
        // Stride 1 (every frame), a stride that overlaps windows, and one past the window (frames
        // between inputs are skipped).
        for stride in [1, 3, c.framesPerWindow + 7] {
            try Self.expectEqualToSwift(c, quantization: spec.quantization, inputStride: stride, samples: samples,
                                        chunkings: stride == 1 ? Self.chunkings(hop: c.hop) : [[7, 1000, 13, 160, 4099]],
                                        label: "\(pipeline) stride \(stride)")
        }
    }

    /// The wildlife engine's frame-level front end: the classifier's spec with one frame per input.
    @Test(.enabled(if: CHarness.compiler != nil, "no gcc on this machine"))
    func wildlifeFramesEqualSwift() throws {
        var c = try Self.spec("wildlife").frontEnd
        c.framesPerInput = 1
        c.clipSamples = nil
        try Self.expectEqualToSwift(c, quantization: nil, inputStride: 1, samples: try Self.signal(rate: 16000),
                                    chunkings: Self.chunkings(hop: c.hop), label: "wildlife frames")
    }

    /// A Speech Commands clip (the KWS dataset) through the KWS front end.
    @Test(.enabled(if: TestPaths.dataset("kws") != nil && CHarness.compiler != nil, "\(TestPaths.missingDatasetMessage("kws")) (or no gcc)"))
    func kwsDatasetClipEqualsSwift() throws {
        let clip = try #require(TestPaths.dataset("kws")).appendingPathComponent("audio/yes/03401e93_nohash_0.flac")
        let samples = try AudioStream.readMono(path: clip.path, outputRate: 16000)
        let spec = try Self.spec("kws")
        let padded = samples + [Float](repeating: 0, count: max(0, 16000 + 10 * 320 - samples.count))
        try Self.expectEqualToSwift(spec.frontEnd, quantization: spec.quantization, inputStride: 1, samples: padded,
                                    chunkings: [[512], [1, 333]], label: "kws clip")
    }

    @Test func refusesWhatSwiftRefuses() throws {
        let c = try Self.spec("kws").frontEnd
        let stride = #expect(throws: CExportError.self) {
            try CFrontEndExporter.export(configuration: c, quantization: nil, inputStride: 0, name: "fe")
        }
        guard case .invalidFrontEnd(name: "fe", _) = stride else { Issue.record("wrong error \(String(describing: stride))"); return }
        #expect(throws: CExportError.notAnIdentifier("9fe")) { try CFrontEndExporter.export(configuration: c, quantization: nil, name: "9fe") }
        var infinite = try Self.spec("anomaly/audio").frontEnd
        infinite.log?.topDecibels = .infinity
        do {
            _ = try CFrontEndExporter.export(configuration: infinite, quantization: nil, name: "fe")
            Issue.record("exported an infinite top dB")
        } catch {
            #expect(error.description.contains("non-finite"), "\(error)")
        }
        var bad = c
        bad.fftSize = 500
        do {
            _ = try CFrontEndExporter.export(configuration: bad, quantization: nil, name: "fe")
            Issue.record("exported an FFT of 500")
        } catch {
            #expect(error.description.contains("500"), "\(error)")
        }
    }
}
