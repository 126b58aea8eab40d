import Foundation
import TinyFormats
import TinyCore
import TinyPipeline
import TinyRuntime

extension AnomalyPipeline {
    /// The scorer the pipeline picks, ready to learn or score: a fresh (or the given saved)
    /// Gaussian baseline, or the autoencoder loaded from `modelPath` on TinyCore's interpreter.
    /// Also returns the interpreter (nil for the Gaussian scorer) and the model's identity (`SHA256.identity`)
    /// (nil for the Gaussian scorer), which ties saved thresholds to the model.
    public func makeScorer(savedBaseline: GaussianBaseline? = nil) throws(AnomalyError)
        -> (scorer: AnomalyScorer, interpreter: Interpreter?, modelID: String?) {
        switch scorer {
        case .gaussian:
            guard let gaussian else { throw AnomalyError("pipeline '\(url.path)' has no 'gaussian' section for the gaussian scorer") }
            let baseline = savedBaseline ?? GaussianBaseline(dimension: frameLength, varianceFloor: gaussian.varianceFloor)
            return (.gaussian(BaselineScorer(baseline: baseline)), nil, nil)
        case .autoencoder:
            guard let autoencoder, let loaded = try loadModel() else {
                throw AnomalyError("pipeline '\(url.path)' has no 'autoencoder' section for the autoencoder scorer")
            }
            do {
                let scorer = try AutoencoderScorer(interpreter: loaded.0, frameLength: frameLength, contextFrames: autoencoder.contextFrames)
                return (.autoencoder(scorer), loaded.0, loaded.1)
            } catch {
                throw AnomalyError(error.description)
            }
        }
    }

    /// The autoencoder model on a new interpreter, and its identity (`SHA256.identity`) (nil without an
    /// autoencoder section).
    func loadModel() throws(AnomalyError) -> (Interpreter, String)? {
        guard let path = modelPath else { return nil }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw AnomalyError("cannot read the pipeline's autoencoder model '\(path)'")
        }
        let model: Model
        do { model = try Model(bytes: [UInt8](bytes), path: path) } catch { throw AnomalyError(error.description) }
        return (Interpreter(graph: model.graph), SHA256.identity([UInt8](bytes)))
    }

    /// A learning period of `windows` windows whose last `⌈windows · calibrationFraction⌉`
    /// calibrate the threshold with the pipeline's `k`.
    public func calibration(learningWindows windows: Int) -> AnomalyDetector.Calibration {
        .learn(windows: windows, calibrating: Int((Double(windows) * learning.calibrationFraction).rounded(.up)), k: learning.k)
    }

    /// The fewest learning windows that leave ≥ 2 windows to learn from (scorers that learn) and
    /// ≥ `ThresholdCalibration.minimumWindows` scored windows to calibrate from; nil when no
    /// period does (a scorer that learns with `calibrationFraction` 1 has nothing left to learn from).
    public func minimumLearningWindows(contextFrames: Int, learnsNormal: Bool) -> Int? {
        if learnsNormal, learning.calibrationFraction >= 1 { return nil }
        let context = contextFrames - 1
        var l = 1
        while true {
            let calibrating = Int((Double(l) * learning.calibrationFraction).rounded(.up))
            let fit = learnsNormal ? l - calibrating : 0
            let scored = calibrating - (learnsNormal ? 0 : context)
            if (!learnsNormal || fit >= 2) && scored >= ThresholdCalibration.minimumWindows { return l }
            l += 1
        }
    }

    /// The engine's scorer setting; an error when the chosen scorer's section is missing.
    public func engineScorer() throws(AnomalyError) -> AnomalyConfiguration.Scorer {
        switch scorer {
        case .gaussian:
            guard let gaussian else { throw AnomalyError("pipeline '\(url.path)' has no 'gaussian' section for the gaussian scorer") }
            return .gaussian(varianceFloor: gaussian.varianceFloor)
        case .autoencoder:
            guard let autoencoder else {
                throw AnomalyError("pipeline '\(url.path)' has no 'autoencoder' section for the autoencoder scorer")
            }
            return .autoencoder(contextFrames: autoencoder.contextFrames)
        }
    }

    /// The decision path as the engine (host and device) runs it, with the given calibration
    /// (learning for a number of windows, or a fixed threshold).
    public func engineConfiguration(calibration: AnomalyDetector.Calibration) throws(AnomalyError) -> AnomalyConfiguration {
        AnomalyConfiguration(frontEnd: features.frontEnd, scorer: try engineScorer(), calibration: calibration,
                             raiseAfter: alarm.raiseAfter, clearAfter: alarm.clearAfter)
    }
}
