import Foundation
import TinyFeatures
import TinyIO
import TinyPipeline

/// The streaming monitor: signal → TinyPipeline's `AnomalyEngine` (the code the firmware runs:
/// feature frames, one per hop → scorer → threshold → alarm hysteresis), until the stream ends.
/// Memory is constant in the stream's length: one read block, the front end's ring of frames, the
/// scorer's state.
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

    /// A window whose feature frame held a NaN or infinite value (input so large that its spectrum
    /// overflows, a precomputed frame with a hole): skipped — neither learned nor scored — and
    /// counted, so no such value ever enters the baseline, the threshold or a score.
    public struct BadWindow: Sendable, Equatable {
        /// End of the window in seconds and as a stream sample index.
        public let time: Double
        public let sample: Int
        /// 1-based index of the first bad feature value, and the value.
        public let feature: Int
        public let value: Float
    }

    /// One processed window.
    public struct WindowReport: Sendable {
        /// End of the window in seconds from the start of the stream.
        public let time: Double
        /// End of the window as a stream sample index.
        public let sample: Int
        public let decision: AnomalyDetector.Decision
    }

    public let pipeline: AnomalyPipeline
    public let engine: AnomalyEngine<FeatureFFT>
    public let learningWindows: Int
    /// `SHA256.identity` of the autoencoder model (nil for the Gaussian scorer).
    public let modelID: String?
    private var frame: [Float]
    private var block: [Float]
    /// What the last block produced, in stream order: scored windows and skipped bad windows.
    private var reports: [Processed] = []
    private enum Processed {
        case window(WindowReport)
        case bad(BadWindow)
    }
    /// Bad windows skipped so far (see `BadWindow`).
    public private(set) var badWindows = 0

    /// `fft`: the host's FFTW, or the device's portable FFT (results equal to a device's bit for bit).
    public init(pipeline: AnomalyPipeline, start: Start, fft: FeatureFFT.Backend = .fftw) throws(AnomalyError) {
        self.pipeline = pipeline
        frame = [Float](repeating: 0, count: pipeline.frameLength)
        block = [Float](repeating: 0, count: 4096)
        let scorer = try pipeline.engineScorer()
        var saved: GaussianBaseline?
        if case .baseline(let file, _) = start { saved = file.gaussianBaseline }
        let model = pipeline.scorer == .autoencoder ? try pipeline.loadModel() : nil
        if pipeline.scorer == .autoencoder, model == nil {
            throw AnomalyError("pipeline '\(pipeline.url.path)' has no 'autoencoder' section for the autoencoder scorer")
        }
        modelID = model?.1
        let calibration: AnomalyDetector.Calibration
        (calibration, learningWindows) = try Self.calibration(pipeline, start: start, modelID: modelID)
        do {
            engine = try AnomalyEngine(configuration: AnomalyConfiguration(frontEnd: pipeline.features.frontEnd, scorer: scorer,
                                                                           calibration: calibration, raiseAfter: pipeline.alarm.raiseAfter,
                                                                           clearAfter: pipeline.alarm.clearAfter),
                                       interpreter: model?.0,
                                       fft: try FeatureFFT(fft, size: pipeline.features.frontEnd.fftSize), baseline: saved)
        } catch {
            throw AnomalyError("\(error)")
        }
        engine.reportsWindows = true
    }

    /// How `start` obtains the threshold: a learning period in whole windows (checked long enough
    /// for the scorer), a saved baseline's threshold (checked compatible) or the trained one.
    public static func calibration(_ pipeline: AnomalyPipeline, start: Start, modelID: String?) throws(AnomalyError)
        -> (calibration: AnomalyDetector.Calibration, learningWindows: Int) {
        switch start {
        case .learn(let seconds):
            guard seconds > 0, seconds.isFinite else { throw AnomalyError("the learning period must be positive (got \(seconds) s)") }
            let windows = Self.windows(endingWithin: seconds, spec: pipeline.features)
            let context = pipeline.scorer == .autoencoder ? pipeline.autoencoder?.contextFrames ?? 1 : 1
            guard let needed = pipeline.minimumLearningWindows(contextFrames: context, learnsNormal: pipeline.scorer == .gaussian) else {
                throw AnomalyError("learning.calibrationFraction \(pipeline.learning.calibrationFraction) leaves no window to learn "
                    + "normal from: the gaussian scorer needs a fraction below 1")
            }
            guard windows >= needed else {
                let c = pipeline.features.frontEnd
                let seconds = Double((needed - 1) * c.hop + c.windowSamples) / Double(c.sampleRate)
                throw AnomalyError("a learning period of \(Self.format(seconds: seconds)) s gives \(windows) window(s); "
                    + "at least \(needed) are needed (--learn \(Self.format(seconds: seconds)) or more)")
            }
            return (pipeline.calibration(learningWindows: windows), windows)
        case .baseline(let file, let path):
            try file.requireCompatible(featureSpecID: pipeline.featureSpecID, frameLength: pipeline.frameLength,
                                       scorer: pipeline.scorer.rawValue, modelID: modelID, path: path)
            return (.fixed(threshold: file.threshold.value), 0)
        case .pretrained:
            guard pipeline.scorer == .autoencoder, let t = pipeline.autoencoder?.threshold else {
                throw AnomalyError("the \(pipeline.scorer.rawValue) scorer has no pre-calibrated threshold in the pipeline: "
                    + "learn one (--learn SECONDS) or load a baseline (--baseline FILE)")
            }
            return (.fixed(threshold: t), 0)
        }
    }

    /// How a stream starts when the user names nothing: the autoencoder's trained threshold when
    /// the pipeline has one, else learning for `learning.seconds` (what `anomaly-monitor stream`
    /// and the device image do).
    public static func defaultStart(_ pipeline: AnomalyPipeline) -> Start {
        if pipeline.scorer == .autoencoder, pipeline.autoencoder?.threshold != nil { return .pretrained }
        return .learn(seconds: pipeline.learning.seconds)
    }

    /// The decision logic (learning, threshold, alarm) the engine runs.
    public var detector: AnomalyDetector { engine.detector }

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
        if case .gaussian(let scorer) = detector.scorer {
            return BaselineFile(featureSpecID: pipeline.featureSpecID, baseline: scorer.baseline, threshold: threshold)
        }
        return BaselineFile(featureSpecID: pipeline.featureSpecID, frameLength: pipeline.frameLength,
                            modelID: modelID ?? "", threshold: threshold)
    }

    /// Runs the monitor over `source` until it ends, calling `onWindow` for every scored window
    /// and `onBadWindow` for every skipped one (see `BadWindow`), in stream order.
    /// Throws if the stream ends before the learning period is over (or before any window), and
    /// `.unusableLearning` when learning gave no usable threshold. An input that fails after some
    /// samples (truncated or damaged file, a stream cut mid-sample) ends the stream there and is
    /// reported in the summary (`inputError`, `inputEndedEarly`), not hidden.
    public func run(_ source: MonitorSource, onWindow: (WindowReport) throws(AnomalyError) -> Void,
                    onBadWindow: (BadWindow) -> Void = { _ in }) throws(AnomalyError) -> MonitorSummary {
        let rate = Double(pipeline.features.sampleRate)
        engine.startSignal()
        var samples = 0
        var inputError: IOError?
        reading: while true {
            let n: Int
            do {
                n = try source.stream.read(into: &block)
            } catch {
                switch error {
                case .truncated, .endedMidFrame, .endedMidLine, .unrecognizedFormat, .unreadable:
                    guard samples > 0 else { throw .input(error) }
                    inputError = error
                    break reading
                default:
                    throw .input(error)
                }
            }
            if n == 0 { break }
            samples += n
            try block.withUnsafeBufferPointer { (b) throws(AnomalyError) in
                try push(UnsafeBufferPointer(rebasing: b[0 ..< n]), rate: rate)
            }
            try flush(onWindow, onBadWindow)
        }
        var summary = try finish(samples: samples, trailing: samples - engine.lastWindowEnd, rate: rate, skipped: source.skippedValues,
                                 note: source.lastProblem.map { "last skipped input: \($0)" })
        summary.inputError = inputError?.description
        summary.inputEndedEarly = inputError?.endedEarly ?? false
        return summary
    }

    /// The engine's `push`, with every feature frame checked before it reaches the detector:
    /// samples → the engine's front end → one frame per completed window → `score`.
    private func push(_ samples: UnsafeBufferPointer<Float>, rate: Double) throws(AnomalyError) {
        let frontEnd = engine.frontEnd
        var offset = 0
        while offset < samples.count {
            let windowEnd = frontEnd.windowStartSample + engine.configuration.windowSamples
            offset += frontEnd.append(UnsafeBufferPointer(rebasing: samples[offset...]))
            guard frontEnd.hasInput else { continue }
            frame.withUnsafeMutableBufferPointer { frontEnd.takeInput(into: $0.baseAddress!) }
            try score(windowEnd: windowEnd, rate: rate)
        }
    }

    /// Learns or scores `frame` (the window ending at `windowEnd`), or skips it as a `BadWindow`.
    /// At the end of learning the threshold must be finite and positive.
    private func score(windowEnd: Int, rate: Double) throws(AnomalyError) {
        if let bad = frame.firstIndex(where: { !$0.isFinite }) {
            badWindows += 1
            reports.append(.bad(BadWindow(time: Double(windowEnd) / rate, sample: windowEnd, feature: bad + 1, value: frame[bad])))
            return
        }
        do {
            try frame.withUnsafeBufferPointer { (p) throws(PipelineError) in
                try engine.process(p, windowEnd: windowEnd) { collect($0, rate: rate) }
            }
        } catch {
            throw AnomalyError(error.description)
        }
        if let d = engine.lastDecision, d.phase == .learning, let t = d.threshold, !(t.isFinite && t > 0) {
            throw .unusableLearning(reason: "the learned threshold is \(t): the \(d.window + 1) learning windows do not vary "
                + "(constant input, e.g. all zeros, a dead sensor or a --scale that is too small)"
                + (badWindows > 0 ? "; \(badWindows) bad window(s) were skipped" : ""))
        }
    }

    /// Hands the last block's windows to the callbacks, in stream order.
    private func flush(_ onWindow: (WindowReport) throws(AnomalyError) -> Void, _ onBadWindow: (BadWindow) -> Void) throws(AnomalyError) {
        for r in reports {
            switch r {
            case .window(let report): try onWindow(report)
            case .bad(let bad): onBadWindow(bad)
            }
        }
        reports.removeAll(keepingCapacity: true)
    }

    private func collect(_ event: PipelineEvent, rate: Double) {
        guard event.kind == .window, let d = engine.lastDecision else { return }
        reports.append(.window(WindowReport(time: Double(event.sample) / rate, sample: event.sample, decision: d)))
    }

    /// Runs the monitor over precomputed feature frames: a raw little-endian float32 file of
    /// `pipeline.frameLength` values per frame (e.g. the MLPerf Tiny ToyCar log-mel test vector),
    /// frame f ending at sample f·hop + N. A partial last frame is counted as trailing values. A
    /// frame with a non-finite value is a `BadWindow`, skipped and counted as for signals.
    public func run(featureFrames path: String, onWindow: (WindowReport) throws(AnomalyError) -> Void,
                    onBadWindow: (BadWindow) -> Void = { _ in }) throws(AnomalyError) -> MonitorSummary {
        let input: ByteInput
        do { input = try ByteInput(path: path) } catch { throw .input(error) }
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
            try score(windowEnd: frames * c.hop + c.windowSamples, rate: rate)
            try flush(onWindow, onBadWindow)
            frames += 1
        }
        if frames == 0 && leftover == 0 { throw AnomalyError("\(path): no data (empty file)") }
        return try finish(samples: frames * c.hop + (frames > 0 ? c.windowSamples - c.hop : 0), trailing: leftover / 4,
                          rate: rate, skipped: 0, note: nil)
    }

    private func finish(samples: Int, trailing: Int, rate: Double, skipped: Int, note: String?) throws(AnomalyError) -> MonitorSummary {
        if detector.isLearning, detector.windows == 0, badWindows > 0 {
            throw .unusableLearning(reason: "all \(badWindows) window(s) of the stream were bad (NaN or infinite features: "
                + "input too large, or not finite), so nothing was learned")
        }
        if detector.isLearning {
            let windowSeconds = Double(pipeline.features.frontEnd.windowSamples) / rate
            throw AnomalyError("the stream ended after \(Self.format(seconds: Double(samples) / rate)) s (\(detector.windows) window(s) of "
                + "\(Self.format(seconds: windowSeconds)) s), before the learning period of \(learningWindows) windows was over; "
                + "give a shorter --learn or a longer stream" + (skipped > 0 ? " (\(skipped) bad input value(s) were skipped)" : "")
                + (badWindows > 0 ? " (\(badWindows) bad window(s) were skipped)" : ""))
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
        summary.badWindows = badWindows
        summary.trailingSamples = max(0, trailing)
        summary.note = note
        return summary
    }
}
