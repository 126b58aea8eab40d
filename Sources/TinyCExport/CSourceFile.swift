/// One of the export's fixed C files (`Sources/TinyCExport/C/`), embedded in the tool when it is
/// built (SwiftPM `embedInCode`: no resource bundle, so an installed `tinyml` needs no files beside
/// it). The files compile on their own (`CSourceFileTests`); a generated library pastes the ones it
/// needs into its own .c.
struct CSourceFile: Sendable {
    let name: String
    let bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The file as pasted into a generated .c, under a line naming it: its `#include "..."` lines
    /// are dropped (what they include is pasted before it; system headers stay).
    var pasted: String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#include \"") }
        return "/* ---- \(name) ---- */\n" + lines.joined(separator: "\n")
    }
}

extension CSourceFile: Equatable {
    static func == (a: CSourceFile, b: CSourceFile) -> Bool { a.name == b.name }
}

extension CSourceFile {
    // The int8 kernels (C/nn): types and prototypes, shared primitives, one file per kernel.
    static let nnHeader = CSourceFile(name: "tml_nn.h", bytes: PackageResources.tml_nn_h)
    static let nnMath = CSourceFile(name: "tml_nn_math.h", bytes: PackageResources.tml_nn_math_h)
    static let conv2D = CSourceFile(name: "tml_conv2d_s8.c", bytes: PackageResources.tml_conv2d_s8_c)
    static let depthwiseConv2D = CSourceFile(name: "tml_depthwise_conv2d_s8.c",
                                             bytes: PackageResources.tml_depthwise_conv2d_s8_c)
    static let fullyConnected = CSourceFile(name: "tml_fully_connected_s8.c", bytes: PackageResources.tml_fully_connected_s8_c)
    static let pool2D = CSourceFile(name: "tml_pool2d_s8.c", bytes: PackageResources.tml_pool2d_s8_c)
    static let softmax = CSourceFile(name: "tml_softmax_s8.c", bytes: PackageResources.tml_softmax_s8_c)
    static let copy = CSourceFile(name: "tml_copy.c", bytes: PackageResources.tml_copy_c)
    static let binary = CSourceFile(name: "tml_binary_s8.c", bytes: PackageResources.tml_binary_s8_c)
    static let mean = CSourceFile(name: "tml_mean_s8.c", bytes: PackageResources.tml_mean_s8_c)
    static let concatenation = CSourceFile(name: "tml_concatenation_s8.c", bytes: PackageResources.tml_concatenation_s8_c)
    static let pad = CSourceFile(name: "tml_pad_s8.c", bytes: PackageResources.tml_pad_s8_c)
    static let lookupTable = CSourceFile(name: "tml_lookup_table_s8.c", bytes: PackageResources.tml_lookup_table_s8_c)
    static let quantize = CSourceFile(name: "tml_quantize_f32_s8.c", bytes: PackageResources.tml_quantize_f32_s8_c)
    static let requantize = CSourceFile(name: "tml_requantize_s8.c", bytes: PackageResources.tml_requantize_s8_c)
    static let dequantize = CSourceFile(name: "tml_dequantize_s8_f32.c", bytes: PackageResources.tml_dequantize_s8_f32_c)

    // The feature front end (C/frontend), in the order a generated front end pastes them (a file
    // after those it calls).
    static let frontEndHeader = CSourceFile(name: "tml_fe.h", bytes: PackageResources.tml_fe_h)
    static let frontEndMath = CSourceFile(name: "tml_fe_math.h", bytes: PackageResources.tml_fe_math_h)
    static let frame = CSourceFile(name: "tml_fe_frame_f32.c", bytes: PackageResources.tml_fe_frame_f32_c)
    static let realFFT = CSourceFile(name: "tml_fe_rfft_f32.c", bytes: PackageResources.tml_fe_rfft_f32_c)
    static let spectrum = CSourceFile(name: "tml_fe_spectrum_f32.c", bytes: PackageResources.tml_fe_spectrum_f32_c)
    static let melFilterbank = CSourceFile(name: "tml_fe_mel_f32.c", bytes: PackageResources.tml_fe_mel_f32_c)
    static let logCompression = CSourceFile(name: "tml_fe_log_f32.c", bytes: PackageResources.tml_fe_log_f32_c)
    static let cosineTransform = CSourceFile(name: "tml_fe_dct_f32.c", bytes: PackageResources.tml_fe_dct_f32_c)
    static let moments = CSourceFile(name: "tml_fe_moments_f32.c", bytes: PackageResources.tml_fe_moments_f32_c)
    static let spectralStatistics = CSourceFile(name: "tml_fe_spectral_statistics_f32.c",
                                                bytes: PackageResources.tml_fe_spectral_statistics_f32_c)
    static let inputQuantizer = CSourceFile(name: "tml_fe_quantize_f32_s8.c", bytes: PackageResources.tml_fe_quantize_f32_s8_c)
    static let stream = CSourceFile(name: "tml_fe_stream.c", bytes: PackageResources.tml_fe_stream_c)
    static let frontEndFiles: [CSourceFile] = [frontEndHeader, frontEndMath, frame, realFFT, spectrum, melFilterbank,
                                               logCompression, cosineTransform, moments, spectralStatistics,
                                               inputQuantizer, stream]

    // The pipeline post-processing (C/pipeline): the types header (shipped beside tml_pipeline.h),
    // the helpers, then the stages in the order a generated pipeline pastes them (a file after
    // those it calls).
    static let pipelineHeader = CSourceFile(name: "tml_pl.h", bytes: PackageResources.tml_pl_h)
    static let pipelineMath = CSourceFile(name: "tml_pl_math.h", bytes: PackageResources.tml_pl_math_h)
    static let pipelineSamples = CSourceFile(name: "tml_pl_samples.c", bytes: PackageResources.tml_pl_samples_c)
    static let pipelineClassifier = CSourceFile(name: "tml_pl_classifier.c", bytes: PackageResources.tml_pl_classifier_c)
    static let posteriorSmoother = CSourceFile(name: "tml_pl_posterior_smoother.c", bytes: PackageResources.tml_pl_posterior_smoother_c)
    static let keywordEngine = CSourceFile(name: "tml_pl_kws.c", bytes: PackageResources.tml_pl_kws_c)
    static let scoreMoments = CSourceFile(name: "tml_pl_score_moments.c", bytes: PackageResources.tml_pl_score_moments_c)
    static let thresholdCalibration = CSourceFile(name: "tml_pl_threshold.c", bytes: PackageResources.tml_pl_threshold_c)
    static let alarmHysteresis = CSourceFile(name: "tml_pl_alarm.c", bytes: PackageResources.tml_pl_alarm_c)
    static let gaussianBaseline = CSourceFile(name: "tml_pl_gaussian.c", bytes: PackageResources.tml_pl_gaussian_c)
    static let autoencoderScorer = CSourceFile(name: "tml_pl_autoencoder.c", bytes: PackageResources.tml_pl_autoencoder_c)
    static let anomalyEngine = CSourceFile(name: "tml_pl_anomaly.c", bytes: PackageResources.tml_pl_anomaly_c)
    static let sensorConditioner = CSourceFile(name: "tml_pl_conditioner.c", bytes: PackageResources.tml_pl_conditioner_c)
    static let predictionSmoother = CSourceFile(name: "tml_pl_prediction_smoother.c", bytes: PackageResources.tml_pl_prediction_smoother_c)
    static let gestureEngine = CSourceFile(name: "tml_pl_gesture.c", bytes: PackageResources.tml_pl_gesture_c)
    static let noiseFloor = CSourceFile(name: "tml_pl_noise_floor.c", bytes: PackageResources.tml_pl_noise_floor_c)
    static let eventDetector = CSourceFile(name: "tml_pl_event_detector.c", bytes: PackageResources.tml_pl_event_detector_c)
    static let frameHistory = CSourceFile(name: "tml_pl_frame_history.c", bytes: PackageResources.tml_pl_frame_history_c)
    static let scoreAccumulator = CSourceFile(name: "tml_pl_score_accumulator.c", bytes: PackageResources.tml_pl_score_accumulator_c)
    static let wildlifeEngine = CSourceFile(name: "tml_pl_wildlife.c", bytes: PackageResources.tml_pl_wildlife_c)
    static let pipelineFiles: [CSourceFile] = [
        pipelineHeader, pipelineMath, pipelineSamples, pipelineClassifier, posteriorSmoother, keywordEngine, scoreMoments,
        thresholdCalibration, alarmHysteresis, gaussianBaseline, autoencoderScorer, anomalyEngine, sensorConditioner,
        predictionSmoother, gestureEngine, noiseFloor, eventDetector, frameHistory, scoreAccumulator, wildlifeEngine,
    ]

    /// Every fixed file.
    static let all: [CSourceFile] = [nnHeader, nnMath] + CKernel.allCases.map(\.file) + frontEndFiles + pipelineFiles
}
