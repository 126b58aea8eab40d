import TinyDSP

/// Everything the wildlife engine needs, in the form a device stores it: the frame front end (one
/// log-band frame per input: `framesPerInput` 1, no clip), the classifier window of
/// `windowFrames` frames and its int8 quantisation, the detector's parameters, and how windows are
/// placed over an event (`prerollFrames`, `eventHopFrames`) and reported (`topK`).
public struct WildlifeConfiguration: Sendable, Equatable {
    public var frontEnd: FrontEndConfiguration
    public var quantization: Int8Quantizer
    public var classCount: Int
    public var windowFrames: Int
    public var detector: EventDetectorParameters
    public var prerollFrames: Int
    public var eventHopFrames: Int
    public var topK: Int

    public init(frontEnd: FrontEndConfiguration, quantization: Int8Quantizer, classCount: Int, windowFrames: Int,
                detector: EventDetectorParameters, prerollFrames: Int, eventHopFrames: Int, topK: Int) {
        self.frontEnd = frontEnd
        self.quantization = quantization
        self.classCount = classCount
        self.windowFrames = windowFrames
        self.detector = detector
        self.prerollFrames = prerollFrames
        self.eventHopFrames = eventHopFrames
        self.topK = topK
    }

    /// Values per frame (bands).
    public var bands: Int { frontEnd.coefficientCount }

    /// Events tracked at once (open, or closed with windows still to run): one opens at most every
    /// `min(minimum + hangover, maximum)` frames and is done at most `window + hop + preroll`
    /// frames after it closed, so this many never overflow.
    public var trackedCapacity: Int {
        let d = detector
        let spacing = max(1, min(max(d.minimumFrames, 1) + d.hangoverFrames, d.maximumFrames))
        return (windowFrames + eventHopFrames + prerollFrames) / spacing + 2
    }

    /// Checks every field; the error names it.
    public func validate() throws(PipelineError) {
        do { try frontEnd.validate() } catch { throw PipelineError("front end: \(error.description)") }
        guard frontEnd.framesPerInput == 1, frontEnd.stack == 1, frontEnd.cepstrum == nil, frontEnd.log != nil,
              !frontEnd.finishesPerWindow else {
            throw PipelineError("the wildlife front end must give frame-local log-band frames, one per input")
        }
        guard classCount >= 1, windowFrames >= 1 else { throw PipelineError("classes and window frames must be ≥ 1") }
        guard prerollFrames >= 0, prerollFrames < windowFrames else {
            throw PipelineError("prerollFrames must lie in 0…\(windowFrames - 1) (got \(prerollFrames))")
        }
        guard eventHopFrames >= 1 else { throw PipelineError("eventHopFrames must be ≥ 1 (got \(eventHopFrames))") }
        guard topK >= 1, topK <= classCount else { throw PipelineError("topK must lie in 1…\(classCount) (got \(topK))") }
        try detector.validate(bands: bands)
    }
}
