import TinyPipeline

extension CPipelineStage {
    /// `WildlifeEngine`: the log-band front end (one frame an input), the frame history, the
    /// `EventDetector`, the fixed pool of tracked events and the classifier.
    static func wildlife(_ c: WildlifeConfiguration) throws(CExportError) -> CPipelineStage {
        let bands = c.bands, capacity = c.trackedCapacity, d = c.detector
        let configuration = [
            frontEndHooks,
            ".classify = classify,",
            try int("bands", bands),
            try int("class_count", c.classCount),
            try int("window_frames", c.windowFrames),
            try int("preroll_frames", c.prerollFrames),
            try int("event_hop_frames", c.eventHopFrames),
            try int("capacity", capacity),
            long("frame_length", c.frontEnd.frameLength),
            long("hop", c.frontEnd.hop),
            ".zeros = zeros,",
            ".detector = {",
            "    " + (try float("floor_rise", d.floorRise)),
            "    " + (try float("floor_rise_in_event", d.floorRiseInEvent)),
            "    " + (try float("floor_fall", d.floorFall)),
            "    " + (try float("floor_minimum", d.floorMinimum)),
            "    " + (try float("decibels_per_unit", d.decibelsPerUnit)),
            "    " + (try int("loudest_bands", d.loudestBands)),
            "    " + (try float("onset_decibels", d.onsetDecibels)),
            "    " + (try float("offset_decibels", d.offsetDecibels)),
            "    " + (try float("flux_decibels", d.fluxDecibels)),
            "    " + long("hangover_frames", d.hangoverFrames),
            "    " + long("minimum_frames", d.minimumFrames),
            "    " + long("maximum_frames", d.maximumFrames),
            "},",
        ]
        return CPipelineStage(
            engine: "wildlife", frontEnd: (c.frontEnd, 1), quantizer: c.quantization, reportsWindows: false,
            constants: [zeros(c.frontEnd.hop)], configuration: configuration,
            buffers: [
                Buffer(type: "float", name: "frame", count: bands, field: "frame"),
                Buffer(type: "float", name: "window", count: c.windowFrames * bands, field: "window"),
                Buffer(type: "float", name: "probabilities", count: c.classCount, field: "probabilities"),
                Buffer(type: "float", name: "noise_floor", count: bands, field: "detector.levels"),
                Buffer(type: "float", name: "previous_frame", count: bands, field: "detector.previous"),
                Buffer(type: "float", name: "excess", count: bands, field: "detector.excess"),
                Buffer(type: "float", name: "history", count: (c.windowFrames + c.prerollFrames + 1) * bands, field: "history.storage"),
                Buffer(type: "float", name: "event_sums", count: capacity * c.classCount, field: "sums"),
                Buffer(type: "int64_t", name: "event_windows", count: capacity, field: "accumulated"),
                Buffer(type: "int64_t", name: "event_starts", count: capacity, field: "starts"),
                Buffer(type: "int64_t", name: "event_ends", count: capacity, field: "ends"),
                Buffer(type: "int64_t", name: "event_first_windows", count: capacity, field: "first_windows"),
                Buffer(type: "int64_t", name: "event_windows_run", count: capacity, field: "windows_run"),
                Buffer(type: "uint8_t", name: "event_complete", count: capacity, field: "complete"),
            ],
            files: [.noiseFloor, .eventDetector, .frameHistory, .scoreAccumulator, .wildlifeEngine])
    }
}
