import Foundation
import TinyRuntime

extension AnomalyPipeline {
    /// The scorer the pipeline picks, ready to learn or score: a fresh (or the given saved)
    /// Gaussian baseline, or the autoencoder loaded from `modelPath`. Also returns the model's
    /// `ContentIdentity` (nil for the Gaussian scorer), which ties saved thresholds to the model.
    public func makeScorer(savedBaseline: GaussianBaseline? = nil) throws(AnomalyError) -> (scorer: any AnomalyScorer, modelID: String?) {
        switch scorer {
        case .gaussian:
            guard let gaussian else { throw AnomalyError("pipeline '\(url.path)' has no 'gaussian' section for the gaussian scorer") }
            let baseline = savedBaseline ?? GaussianBaseline(dimension: frameLength, varianceFloor: gaussian.varianceFloor)
            return (BaselineScorer(baseline: baseline), nil)
        case .autoencoder:
            guard let autoencoder, let path = modelPath else {
                throw AnomalyError("pipeline '\(url.path)' has no 'autoencoder' section for the autoencoder scorer")
            }
            guard let bytes = FileManager.default.contents(atPath: path) else {
                throw AnomalyError("cannot read the pipeline's autoencoder model '\(path)'")
            }
            let model: Model
            do { model = try Model(bytes: [UInt8](bytes), path: path) } catch { throw AnomalyError(error.description) }
            let scorer = try AutoencoderScorer(model: model, frameLength: frameLength, contextFrames: autoencoder.contextFrames)
            return (scorer, ContentIdentity.fnv1a64(bytes))
        }
    }
}
