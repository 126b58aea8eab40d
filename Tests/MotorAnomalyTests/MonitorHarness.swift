import Foundation
import MotorAnomaly
import TinyIO
import TinyTestSupport

/// Shared helpers of the streaming tests: the repository's pipeline, temporary input files, and a
/// monitor run that collects every window.
enum MonitorHarness {
    static let pipelinePath = TestPaths.repoRoot.appendingPathComponent("Pipelines/anomaly/pipeline.json").path

    static func pipeline() throws -> AnomalyPipeline { try AnomalyPipeline(path: pipelinePath) }

    /// A fresh temporary file holding `bytes`; removed by the caller with `remove`.
    static func temporaryFile(_ bytes: [UInt8], suffix: String = ".bin") throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("motor-anomaly-\(UUID().uuidString)\(suffix)").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw AnomalyError("cannot create \(path)")
        }
        return path
    }

    static func temporaryFile(text: String) throws -> String { try temporaryFile(Array(text.utf8), suffix: ".csv") }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// Little-endian float32 bytes of `samples`.
    static func f32le(_ samples: [Float]) -> [UInt8] {
        samples.flatMap { v -> [UInt8] in
            let b = v.bitPattern.littleEndian
            return [UInt8(b & 0xff), UInt8((b >> 8) & 0xff), UInt8((b >> 16) & 0xff), UInt8(b >> 24)]
        }
    }

    struct Run {
        var reports: [AnomalyMonitor.WindowReport]
        var summary: MonitorSummary
        /// Skipped input values, as the source reported them live.
        var skipped: [SkippedInput] = []
        /// Windows skipped for non-finite features.
        var badWindows: [AnomalyMonitor.BadWindow] = []
        /// Time of the first `raised` transition (nil if none).
        var firstRaise: Double? { reports.first { $0.decision.transition == .raised }?.time }
    }

    /// Runs the monitor on `samples` (f32le through a pipe-like file input) learning `learn` seconds.
    static func run(_ samples: [Float], learn: Double, pipeline p: AnomalyPipeline? = nil) throws -> Run {
        let path = try temporaryFile(f32le(samples))
        defer { remove(path) }
        return try run(format: .f32le, path: path, learn: learn, pipeline: p)
    }

    static func run(format: MonitorSource.Format, path: String, rate: Int = 12000, learn: Double,
                    pipeline p: AnomalyPipeline? = nil, column: String? = nil, scale: Double? = nil) throws -> Run {
        let pipeline = try p ?? self.pipeline()
        let monitor = try AnomalyMonitor(pipeline: pipeline, start: .learn(seconds: learn))
        let source = try MonitorSource.stream(ByteInput(path: path), format: format, rate: rate,
                                              rates: pipeline.inputRates, scale: scale, column: column)
        var run = Run(reports: [], summary: MonitorSummary())
        source.onSkipped = { run.skipped.append($0) }
        run.summary = try monitor.run(source, onWindow: { run.reports.append($0) }, onBadWindow: { run.badWindows.append($0) })
        return run
    }
}
