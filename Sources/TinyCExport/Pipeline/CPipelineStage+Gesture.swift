import TinyDSP
import TinyPipeline

extension CPipelineStage {
    /// `GestureEngine`: the `SensorConditioner` (the unit fixed or detected), the window ring, the
    /// classifier and the `PredictionSmoother`. No spectral front end.
    static func gesture(_ c: GestureConfiguration) throws(CExportError) -> CPipelineStage {
        let channels = c.channelCount, size = c.windowLength * channels, s = c.smoothing
        let detection = c.unit == nil ? c.detectionFrames : 0, holding = max(1, detection)
        let unit: String
        switch c.unit {
        case nil: unit = "TML_PL_UNIT_DETECT"
        case .g?: unit = "TML_PL_UNIT_G"
        case .milliG?: unit = "TML_PL_UNIT_MILLI_G"
        case .metresPerSecondSquared?: unit = "TML_PL_UNIT_METRES_PER_SECOND_SQUARED"
        }
        var perUnit: [String] = []
        for u in [AccelerationUnit.g, .milliG, .metresPerSecondSquared] { perUnit.append(try CLiteral.float(u.gPerUnit)) }
        let axes = c.accelerometerChannels.isEmpty ? ["0"] : c.accelerometerChannels.map(String.init)
        var gains: [String] = []
        for g in c.gains { gains.append(try CLiteral.float(g)) }
        let configuration = [
            ".classify = classify,",
            try int("channel_count", channels),
            try int("window_length", c.windowLength),
            try int("class_count", c.classCount),
            try int("hop", c.hop),
            ".conditioner = {",
            "    " + (try int("channel_count", channels)),
            "    " + (try int("accelerometer_count", c.accelerometerChannels.count)),
            "    .accelerometer_channels = accelerometer_channels,",
            "    .gains = gains,",
            "    .unit = \(unit),",
            "    " + (try int("detection_frames", detection)),
            "    .g_per_unit = { \(perUnit.joined(separator: ", ")) },",
            "    " + (try float("gravity_low", AccelerationUnit.gravityRange.lowerBound)),
            "    " + (try float("gravity_high", AccelerationUnit.gravityRange.upperBound)),
            "},",
            ".smoothing = {",
            "    " + (try int("history", s.history)),
            "    " + (try int("class_count", c.classCount)),
            "    " + (try int("negative_class", c.negativeClass ?? -1)),
            "    " + (try float("threshold", s.threshold)),
            "    " + (try float("rearm", s.rearm)),
            "    " + long("suppression_inferences", s.suppressionInferences),
            "},",
        ]
        return CPipelineStage(
            engine: "gesture", frontEnd: nil, quantizer: c.quantization, reportsWindows: false,
            constants: [CLiteral.array("int32_t", "accelerometer_channels", axes), CLiteral.array("float", "gains", gains)],
            configuration: configuration,
            buffers: [
                Buffer(type: "float", name: "held", count: holding * channels, field: "conditioner.held"),
                Buffer(type: "float", name: "magnitudes", count: holding, field: "conditioner.scratch"),
                Buffer(type: "float", name: "conditioned", count: channels, field: "conditioner.frame"),
                Buffer(type: "float", name: "ring", count: size, field: "ring"),
                Buffer(type: "float", name: "window", count: size, field: "window"),
                Buffer(type: "float", name: "probabilities", count: c.classCount, field: "probabilities"),
                Buffer(type: "float", name: "last", count: channels, field: "last"),
                Buffer(type: "float", name: "predictions", count: s.history * c.classCount, field: "smoother.ring"),
            ],
            files: [.sensorConditioner, .predictionSmoother, .gestureEngine])
    }
}
