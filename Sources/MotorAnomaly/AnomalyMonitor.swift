import Foundation
import TinyFeatures
import TinyIO

/// The streaming monitor: signal → feature frames (`FeatureExtractor`, one per hop) → scorer →
/// threshold → alarm (`AnomalyDetector`), until the stream ends. Memory is constant in the
/// stream's length: one read block, the extractor's ring of frames, the scorer's state.
///
/// Windows: window w covers samples [w·hop, w·hop + N) (N = the spec's window samples); its time is
/// its end, (w·hop + N) / rate seconds. A learning period of S seconds is the L windows that end
/// within the first S seconds: L = ⌊(S·rate − N) / hop⌋ + 1.
public final class AnomalyMonitor {
    /// How the monitor knows "normal".
    public enum Start {
        /// Learn from the first `seconds` of the stream (fits the Gaussian baseline, or for a
        /// pre-trained model only calibrates its threshold).
        case learn(seconds: Double)
        /// A baseline file saved earlier (`--baseline`), after checking it fits the pipeline.
        case baseline(BaselineFile, path: String)
        /// The autoencoder with the threshold its training script calibrated (pipeline.json).
        case pretrained
    }

    /// One processed window.
    public struct WindowReport: Sendable {
        /// End of the window in seconds from the start of the stream.
        public let time: Double
        public let decision: AnomalyDetector.Decision
    }

    public let pipeline: AnomalyPipeline
    public let detector: AnomalyDetector
    public let learningWindows: Int
    /// `ContentIdentity` of the autoencoder model (nil for the Gaussian scorer).
    public let modelID: String?
    private let reader: FeatureFrameReader
    private var frame: [Float]

    public init(pipeline: AnomalyPipeline, start: Start) throws(AnomalyError) {
        self.pipeline = pipeline
        reader = try FeatureFrameReader(spec: pipeline.features)
        frame = [Float](repeating: 0, count: pipeline.frameLength)
        var saved: GaussianBaseline?
        if case .baseline(let file, _) = start { saved = file.gaussianBaseline }
        let (scorer, modelID) = try pipeline.makeScorer(savedBaseline: saved)
        self.modelID = modelID
        let alarm = AlarmHysteresis(raiseAfter: pipeline.alarm.raiseAfter, clearAfter: pipeline.alarm.clearAfter)
        let calibration: AnomalyDetector.Calibration
        switch start {
        case .learn(let seconds):
            guard seconds > 0, seconds.isFinite else { throw AnomalyError("the learning period must be positive (got \(seconds) s)") }
            let windows = Self.windows(endingWithin: seconds, spec: pipeline.features)
            let needed = AnomalyDetector.minimumLearningWindows(scorer: scorer, fraction: pipeline.learning.calibrationFraction)
            guard windows >= needed else {
                let c = pipeline.features.frontEnd
                let seconds = Double((needed - 1) * c.hop + c.windowSamples) / Double(c.sampleRate)
                throw AnomalyError("a learning period of \(Self.format(seconds: seconds)) s gives \(windows) window(s); "
                    + "at least \(needed) are needed (--learn \(Self.format(seconds: seconds)) or more)")
            }
            learningWindows = windows
            calibration = .learn(windows: windows, fraction: pipeline.learning.calibrationFraction, k: pipeline.learning.k)
        case .baseline(let file, let path):
            try file.requireCompatible(featureSpecID: pipeline.featureSpecID, frameLength: pipeline.frameLength,
                                       scorer: pipeline.scorer.rawValue, modelID: modelID, path: path)
            learningWindows = 0
            calibration = .fixed(threshold: file.threshold.value)
        case .pretrained:
            guard pipeline.scorer == .autoencoder, let t = pipeline.autoencoder?.threshold else {
                throw AnomalyError("the \(pipeline.scorer.rawValue) scorer has no pre-calibrated threshold in the pipeline: "
                    + "learn one (--learn SECONDS) or load a baseline (--baseline FILE)")
            }
            learningWindows = 0
            calibration = .fixed(threshold: t)
        }
        detector = try AnomalyDetector(scorer: scorer, calibration: calibration, alarm: alarm)
    }

    /// Windows of `spec` that end within the first `seconds` of a stream.
    public static func windows(endingWithin seconds: Double, spec: FeatureSpec) -> Int {
        let c = spec.frontEnd
        let samples = Int((seconds * Double(c.sampleRate)).rounded(.down))
        return samples < c.windowSamples ? 0 : (samples - c.windowSamples) / c.hop + 1
    }

    static func format(seconds: Double) -> String { String(format: "%.3g", seconds) }

    /// What was learned, as a baseline file (nil while still learning).
    public func baselineFile() -> BaselineFile? {
        guard !detector.isLearning, let threshold = BaselineFile.Threshold(detector.calibration) else { return nil }
        if let scorer = detector.scorer as? BaselineScorer {
            return BaselineFile(featureSpecID: pipeline.featureSpecID, baseline: scorer.baseline, threshold: threshold)
        }
        return BaselineFile(featureSpecID: pipeline.featureSpecID, frameLength: pipeline.frameLength,
                            modelID: modelID ?? "", threshold: threshold)
    }

    /// Runs the monitor over `source` until it ends, calling `onWindow` for every window.
    /// Throws if the stream ends before the learning period is over (or before any window).
    public func run(_ source: MonitorSource, onWindow: (WindowReport) throws(AnomalyError) -> Void) throws(AnomalyError) -> MonitorSummary {
        let rate = Double(pipeline.features.sampleRate)
        let end = try reader.read(source.stream) { (frame, windowEnd) throws(AnomalyError) in
            let decision = try detector.process(frame)
            try onWindow(WindowReport(time: Double(windowEnd) / rate, decision: decision))
        }
        var summary = try finish(samples: end.samples, trailing: end.trailingSamples, rate: rate, skipped: source.skippedValues,
                                 note: source.lastProblem.map { "last skipped input: \($0)" })
        summary.inputError = end.inputError
        return summary
    }

    /// Runs the monitor over precomputed feature frames: a raw little-endian float32 file of
    /// `pipeline.frameLength` values per frame (e.g. the MLPerf Tiny ToyCar log-mel test vector),
    /// frame f ending at sample f·hop + N. A partial last frame is counted as trailing values.
    public func run(featureFrames path: String, onWindow: (WindowReport) throws(AnomalyError) -> Void) throws(AnomalyError) -> MonitorSummary {
        let input: ByteInput
        do { input = try ByteInput(path: path) } catch { throw AnomalyError(error.description) }
        let c = pipeline.features.frontEnd
        let rate = Double(c.sampleRate)
        var bytes = [UInt8](repeating: 0, count: frame.count * 4)
        var frames = 0
        var leftover = 0
        while true {
            let got: Int
            do { got = try bytes.withUnsafeMutableBytes { try input.readFully(into: $0) } } catch {
                throw AnomalyError((error as? IOError)?.description ?? "\(path): cannot read")
            }
            if got < bytes.count { leftover = got; break }
            bytes.withUnsafeBytes { raw in
                for i in 0 ..< frame.count { frame[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
            }
            if let bad = frame.firstIndex(where: { !$0.isFinite }) {
                throw AnomalyError("\(path): frame \(frames + 1) value \(bad + 1) is not finite (\(frame[bad]))")
            }
            let decision = try frame.withUnsafeBufferPointer { (p) throws(AnomalyError) in try detector.process(p) }
            try onWindow(WindowReport(time: Double(frames * c.hop + c.windowSamples) / rate, decision: decision))
            frames += 1
        }
        if frames == 0 && leftover == 0 { throw AnomalyError("\(path): no data (empty file)") }
        return try finish(samples: frames * c.hop + (frames > 0 ? c.windowSamples - c.hop : 0), trailing: leftover / 4,
                          rate: rate, skipped: 0, note: nil)
    }

    private func finish(samples: Int, trailing: Int, rate: Double, skipped: Int, note: String?) throws(AnomalyError) -> MonitorSummary {
        if detector.isLearning {
            let windowSeconds = Double(pipeline.features.frontEnd.windowSamples) / rate
            throw AnomalyError("the stream ended after \(Self.format(seconds: Double(samples) / rate)) s (\(detector.windows) window(s) of "
                + "\(Self.format(seconds: windowSeconds)) s), before the learning period of \(learningWindows) windows was over; "
                + "give a shorter --learn or a longer stream" + (skipped > 0 ? " (\(skipped) bad input value(s) were skipped)" : ""))
        }
        var summary = MonitorSummary()
        summary.samples = samples
        summary.seconds = Double(samples) / rate
        summary.windows = detector.windows
        summary.learningWindows = learningWindows
        summary.threshold = detector.threshold
        summary.scores = detector.monitoredScores
        summary.windowsOverThreshold = detector.windowsOverThreshold
        summary.alarmsRaised = detector.alarm.raisedCount
        summary.alarmActiveAtEnd = detector.alarm.isActive
        summary.skippedValues = skipped
        summary.trailingSamples = max(0, trailing)
        summary.note = note
        return summary
    }
}
