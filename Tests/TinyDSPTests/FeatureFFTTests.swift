import Foundation
import Testing
import TinyDSP
import TinyFeatures
import TinyIO
import TinyTestSupport

/// `FeatureExtractor(fft: .portable)` (`tinyml features --fft portable`) computes exactly what the
/// firmware's `StreamingFrontEnd<PortableRealFFT>` computes, and FFTW agrees with it to float
/// precision (not bit for bit), on the wildlife golden signal through every audio pipeline's spec
/// read from its pipeline.json.
@Suite struct FeatureFFTTests {
    static let signal: [Float] = (try? AudioStream.readMono(
        path: TestPaths.fixture("WildlifeSoundsTests", "golden_signal.wav").path, outputRate: 16000)) ?? []

    static func spec(_ pipeline: String) throws -> FeatureSpec {
        try FeatureSpec.load(TestPaths.repoRoot.appendingPathComponent("Pipelines/\(pipeline)/pipeline.json").path)
    }

    /// Every input of `signal` straight through a `StreamingFrontEnd<PortableRealFFT>` (stride 1).
    static func device(_ spec: FeatureSpec) throws -> [Float] {
        let frontEnd = try StreamingFrontEnd(configuration: spec.frontEnd, fft: try PortableRealFFT(size: spec.frontEnd.fftSize))
        var out: [Float] = []
        var input = [Float](repeating: 0, count: frontEnd.inputCount)
        try #require(signal.count >= spec.clipSamples)
        signal.withUnsafeBufferPointer { s in
            var offset = 0
            while offset < s.count {
                offset += frontEnd.append(UnsafeBufferPointer(rebasing: s[offset...]))
                if frontEnd.hasInput {
                    input.withUnsafeMutableBufferPointer { frontEnd.takeInput(into: $0.baseAddress!) }
                    out += input
                }
            }
        }
        return out
    }

    @Test func pipelineFileGivesItsFeatureSpec() throws {
        #expect(try Self.spec("kws").name == "mlperf-kws")
        #expect(try Self.spec("anomaly").frontEnd.sampleRate == 12000)
    }

    @Test(arguments: ["kws", "wildlife", "anomaly/audio"])
    func portableExtractorIsTheDevicePath(_ pipeline: String) throws {
        let spec = try Self.spec(pipeline)
        let portable = try FeatureExtractor(spec: spec, fft: .portable).inputs(of: Self.signal).values
        let fftw = try FeatureExtractor(spec: spec, fft: .fftw).inputs(of: Self.signal).values
        let device = try Self.device(spec)
        #expect(!device.isEmpty && portable.map(\.bitPattern) == device.map(\.bitPattern))
        #expect(fftw.count == portable.count)
        let worst = zip(fftw, portable).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? .infinity
        #expect(worst < 1e-4, "\(pipeline): FFTW and portable differ by \(worst) (relative)")
    }
}
