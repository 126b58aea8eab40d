import TinyPipeline

extension CPipelineStage {
    /// `AnomalyEngine`: the front end (one frame a window), the Gaussian baseline learned on the
    /// device or the int8 autoencoder, the threshold's calibration and the alarm hysteresis.
    static func anomaly(_ c: AnomalyConfiguration, model: CPipelineModel?) throws(CExportError) -> CPipelineStage {
        let f = c.frameLength
        var configuration = [frontEndHooks, try int("frame_length", f), try int("hop", c.frontEnd.hop),
                             long("window_samples", c.windowSamples)]
        var buffers = [Buffer(type: "float", name: "frame", count: f, field: "frame")]
        switch c.scorer {
        case .gaussian(let floor):
            configuration += [".scorer = TML_PL_SCORER_GAUSSIAN,", try double("variance_floor", floor), ".context_frames = 1,"]
            buffers += [
                Buffer(type: "double", name: "baseline_moment_mean", count: f, field: "gaussian.moment_mean"),
                Buffer(type: "double", name: "baseline_m2", count: f, field: "gaussian.m2"),
                Buffer(type: "float", name: "baseline_mean", count: f, field: "gaussian.mean"),
                Buffer(type: "float", name: "baseline_inverse_variance", count: f, field: "gaussian.inverse_variance"),
            ]
        case .autoencoder(let context):
            guard let model else { throw .autoencoderWithoutModel }
            configuration += [".scorer = TML_PL_SCORER_AUTOENCODER,", ".variance_floor = 1,", try int("context_frames", context),
                              try double("output_scale", Double(model.output.scale)),
                              try int("output_zero_point", Int(model.output.zeroPoint)), ".reconstruct = reconstruct,"]
            buffers += [
                Buffer(type: "float", name: "autoencoder_history", count: context * f, field: "autoencoder.history"),
                Buffer(type: "float", name: "autoencoder_window", count: context * f, field: "autoencoder.window"),
            ]
        }
        switch c.calibration {
        case .learn(let windows, let calibrating, let k):
            configuration += [".calibration = TML_PL_CALIBRATION_LEARN,", long("learning_windows", windows),
                              long("calibrating_windows", calibrating), try double("k", k)]
        case .fixed(let threshold):
            configuration += [".calibration = TML_PL_CALIBRATION_FIXED,", try double("fixed_threshold", threshold)]
        }
        configuration += [try int("raise_after", c.raiseAfter), try int("clear_after", c.clearAfter)]
        return CPipelineStage(
            engine: "anomaly", frontEnd: (c.frontEnd, 1), quantizer: nil, reportsWindows: true, constants: [],
            configuration: configuration, buffers: buffers,
            files: [.scoreMoments, .thresholdCalibration, .alarmHysteresis, .gaussianBaseline, .autoencoderScorer, .anomalyEngine])
    }
}
