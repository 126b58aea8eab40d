import TinyPipeline

extension CPipelineStage {
    /// `KeywordEngine`: the front end with the stride as its input stride, the classifier and the
    /// `PosteriorSmoother`.
    static func keywordSpotting(_ c: KeywordSpottingConfiguration) throws(CExportError) -> CPipelineStage {
        let classes = c.keywords.count, input = c.frontEnd.framesPerInput * c.frontEnd.rowWidth
        let configuration = [
            frontEndHooks,
            ".classify = classify,",
            try int("input_count", input),
            try int("hop", c.frontEnd.hop),
            long("stride_samples", c.strideSamples),
            long("window_samples", c.windowSamples),
            long("lead_samples", c.leadSamples),
            ".zeros = zeros,",
            ".smoothing = {",
            "    " + (try int("class_count", classes)),
            "    " + (try int("average_count", c.averageCount)),
            "    " + (try int("minimum_count", c.minimumCount)),
            "    " + long("suppression_windows", c.suppressionWindows),
            "    " + (try float("threshold", c.threshold)),
            "    .is_keyword = is_keyword,",
            "},",
        ]
        return CPipelineStage(
            engine: "kws", frontEnd: (c.frontEnd, c.strideFrames), quantizer: c.quantization, reportsWindows: true,
            constants: [CLiteral.array("uint8_t", "is_keyword", c.keywords.map { $0 ? "1" : "0" }), zeros(c.frontEnd.hop)],
            configuration: configuration,
            buffers: [
                Buffer(type: "float", name: "features", count: input, field: "features"),
                Buffer(type: "float", name: "scores", count: classes, field: "scores"),
                Buffer(type: "float", name: "smoothing_history", count: c.averageCount * classes, field: "smoother.history"),
                Buffer(type: "int64_t", name: "smoothing_windows", count: c.averageCount, field: "smoother.history_windows"),
            ],
            files: [.posteriorSmoother, .keywordEngine])
    }
}
