import Foundation
import TinyFeatures
import TinyIO
import TinyRuntime

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
    private let extractor: FeatureExtractor
    private var frame: [Float]
    private var block: [Float]

    public init(pipeline: AnomalyPipeline, start: Start) throws(AnomalyError) {
        self.pipeline = pipeline
        do {
            extractor = try FeatureExtractor(spec: pipeline.features)
        } catch {
            throw AnomalyError(error.description)
        }
        frame = [Float](repeating: 0, count: pipeline.frameLength)
        block = [Float](repeating: 0, count: 4096)
        let scorer: any AnomalyScorer
        var modelID: String?
        switch pipeline.scorer {
        case .gaussian:
            var baseline = GaussianBaseline(dimension: pipeline.frameLength, varianceFloor: pipeline.gaussian!.varianceFloor)
            if case .baseline(let file, _) = start, let saved = file.gaussianBaseline { baseline = saved }
            scorer = BaselineScorer(baseline: baseline)
        case .autoencoder:
            let path = pipeline.modelPath!
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw AnomalyError("cannot read the pipeline's autoencoder model '\(path)'")
            }
            modelID = ContentIdentity.fnv1a64(bytes)
            let model: Model
            do { model = try Model(bytes: [UInt8](bytes), path: path) } catch { throw AnomalyError(error.description) }
            scorer = try AutoencoderScorer(model: model, frameLength: pipeline.frameLength,
                                           contextFrames: pipeline.autoencoder!.contextFrames)
        }
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
        let c = pipeline.features.frontEnd
        let rate = Double(c.sampleRate)
        var samples = 0
        var lastWindowEnd = 0
        var endNote: String?
        reading: while true {
            let n: Int
            do {
                n = try source.stream.read(into: &block)
            } catch .truncated(let path, let expected, let read) {
                // The audio ends early: treat it as the end of the stream, and say so.
                endNote = "\(path) is truncated (header declares \(expected) frames, \(read) were read)"
                break reading
            } catch {
                throw AnomalyError(error.description)
            }
            if n == 0 { break }
            samples += n
            block.withUnsafeBufferPointer { extractor.push(UnsafeBufferPointer(rebasing: $0[0 ..< n])) }
            while true {
                let start = extractor.nextWindowStart
                let ready = frame.withUnsafeMutableBufferPointer { extractor.popInput(into: $0.baseAddress!) }
                if !ready { break }
                lastWindowEnd = start + c.windowSamples
                let decision = try frame.withUnsafeBufferPointer { (p) throws(AnomalyError) in try detector.process(p) }
                try onWindow(WindowReport(time: Double(lastWindowEnd) / rate, decision: decision))
            }
        }
        return try finish(samples: samples, trailing: samples - lastWindowEnd, rate: rate,
                          skipped: source.skippedValues, note: endNote ?? source.lastProblem.map { "last skipped input: \($0)" })
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
                + "give a shorter --learn or a longer stream")
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
