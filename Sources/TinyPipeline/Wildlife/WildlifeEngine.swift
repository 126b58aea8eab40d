import TinyCore
import TinyDSP

/// Streaming wildlife-sound recognition, the code host tools and firmware share: samples in (any
/// chunk sizes, at the front end's rate), classified sound events out, in time order.
///
/// Always on, per frame (one hop): the log-band front end, a `FrameHistory` ring of the last
/// `windowFrames + prerollFrames + 1` frames, and the `EventDetector`. Only while an event is open
/// or has windows left does the classifier run, over windows starting at
/// `max(0, s − prerollFrames) + k · eventHopFrames` for an event opened at frame `s` (window 0
/// always, a later one only while at least half of it lies within the event), each as soon as its
/// last frame has arrived. An event is reported once it has closed and its last window ran, with
/// the mean probabilities of its windows: `label`/`confidence` the best class, `meanScore(_:)` and
/// `rank(_:)` of `lastEvent` the rest. At the end of the input (`finish`) an open event closes and
/// windows that reach past the end are completed with frames of digital silence.
///
/// Positions: frame `t` stands for the hop around its centre, so an event of frames `[s, e]` is
/// reported as samples `start = max(0, s·hop + (L − hop)/2)` to `sample = min(N, e·hop + (L + hop)/2)`
/// (`L` the frame length, `N` the samples pushed). After `init` nothing is allocated: events are
/// tracked in a fixed pool of `configuration.trackedCapacity` slots.
public final class WildlifeEngine<FFT: RealFourierTransform> {
    /// A reported event, valid during the `onEvent` call that reports it (and until the next one).
    public struct EventFrames: Sendable, Equatable {
        public var startFrame: Int
        public var endFrame: Int
    }

    public let configuration: WildlifeConfiguration
    public let frontEnd: StreamingFrontEnd<FFT>
    public let classifier: ClassifierStage
    private var detector: EventDetector
    private var history: FrameHistory
    private let frame: UnsafeMutablePointer<Float>
    private let window: UnsafeMutablePointer<Float>
    private let probabilities: UnsafeMutablePointer<Float>
    private let zeros: UnsafeMutablePointer<Float>
    // The pool of tracked events: a FIFO ring of `capacity` slots, `head` the oldest.
    private let capacity: Int
    private var starts: [Int]
    private var ends: [Int]           // −1 while open
    private var firstWindows: [Int]
    private var windowsRun: [Int]
    private var complete: [Bool]
    private var scores: [ScoreAccumulator]
    private var head = 0
    private var tracked = 0
    private var samplesIn = 0
    private var realFrames = -1
    private var coveredUntil = 0
    /// Frames inside at least one classified window (the union, within the recording).
    public private(set) var classifiedFrames = 0
    /// Events reported since `init`.
    public private(set) var eventsReported = 0
    /// Events that found the pool full and were not tracked (0 under the capacity bound).
    public private(set) var eventsOverflowed = 0
    /// The frames and scores of the event being (or last) reported.
    public private(set) var lastEvent = EventFrames(startFrame: 0, endFrame: 0)
    public private(set) var lastScores: ScoreAccumulator

    public init(configuration c: WildlifeConfiguration, interpreter: Interpreter, fft: FFT) throws(PipelineError) {
        try c.validate()
        configuration = c
        frontEnd = try EngineSetup.frontEnd(c.frontEnd, fft: fft)
        let bands = c.bands
        classifier = try ClassifierStage(interpreter: interpreter, quantizer: c.quantization, inputCount: c.windowFrames * bands,
                                         outputCount: c.classCount)
        detector = EventDetector(parameters: c.detector, bands: bands)
        history = FrameHistory(capacity: c.windowFrames + c.prerollFrames + 1, width: bands)
        frame = EngineSetup.zeroed(bands)
        window = EngineSetup.zeroed(c.windowFrames * bands)
        probabilities = EngineSetup.zeroed(c.classCount)
        zeros = EngineSetup.zeroed(c.frontEnd.hop)
        capacity = c.trackedCapacity
        starts = [Int](repeating: 0, count: capacity)
        ends = [Int](repeating: -1, count: capacity)
        firstWindows = [Int](repeating: 0, count: capacity)
        windowsRun = [Int](repeating: 0, count: capacity)
        complete = [Bool](repeating: false, count: capacity)
        // One buffer per slot (`repeating:` would share one, and the first `reset` of each slot
        // would copy it on the device path).
        scores = (0 ..< capacity).map { _ in ScoreAccumulator(classes: c.classCount) }
        lastScores = ScoreAccumulator(classes: c.classCount)
    }

    deinit {
        frame.deallocate()
        window.deallocate()
        probabilities.deallocate()
        zeros.deallocate()
    }

    /// Samples pushed so far.
    public var samplesProcessed: Int { samplesIn }
    /// Feature frames of the recording (after `finish`: those of the real input, not the padding).
    public var frames: Int { realFrames >= 0 ? realFrames : history.count }
    /// Inferences a classifier running all the time would need: one window every `eventHopFrames`.
    public var alwaysOnInferences: Int {
        let f = frames, w = configuration.windowFrames
        return f >= w ? (f - w) / configuration.eventHopFrames + 1 : (f > 0 ? 1 : 0)
    }

    /// Takes the next samples; reports the events they complete. A sample that is not finite is an
    /// error and nothing of the chunk is used.
    public func push(_ samples: UnsafeBufferPointer<Float>, onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        precondition(realFrames < 0, "WildlifeEngine: push after finish")
        for i in 0 ..< samples.count where !samples[i].isFinite {
            throw PipelineError("sample \(samplesIn + i) is not finite")
        }
        samplesIn += samples.count
        feed(samples, detecting: true, onEvent)
    }

    /// Ends the recording: closes an open event, completes pending windows, reports the last events.
    public func finish(onEvent: (PipelineEvent) -> Void) {
        guard realFrames < 0 else { return }
        realFrames = history.count
        apply(detector.finish())
        collectComplete(onEvent)
        while tracked > 0 {
            feed(UnsafeBufferPointer(start: zeros, count: configuration.frontEnd.hop), detecting: false, onEvent)
        }
    }

    private func feed(_ samples: UnsafeBufferPointer<Float>, detecting: Bool, _ onEvent: (PipelineEvent) -> Void) {
        var offset = 0
        while offset < samples.count {
            offset += frontEnd.append(UnsafeBufferPointer(rebasing: samples[offset...]))
            guard frontEnd.hasInput else { continue }
            frontEnd.takeInput(into: frame)
            let f = UnsafeBufferPointer(start: frame, count: configuration.bands)
            history.append(f)
            if detecting { apply(detector.process(f)) }
            runWindows()
            collectComplete(onEvent)
        }
    }

    private func slot(_ i: Int) -> Int { (head + i) % capacity }

    private func apply(_ change: EventDetector.Change) {
        switch change {
        case .none:
            break
        case .opened(let start):
            guard tracked < capacity else {
                eventsOverflowed += 1
                return
            }
            let s = slot(tracked)
            starts[s] = start
            ends[s] = -1
            firstWindows[s] = max(0, start - configuration.prerollFrames)
            windowsRun[s] = 0
            complete[s] = false
            scores[s].reset()
            tracked += 1
        case .closed(let start, let end):
            guard tracked > 0, starts[slot(tracked - 1)] == start else { return }
            ends[slot(tracked - 1)] = end
            runWindows()
        case .dropped(let start):
            // The open event is the newest tracked one; it is forgotten even if windows already ran.
            if tracked > 0, starts[slot(tracked - 1)] == start, ends[slot(tracked - 1)] < 0 { tracked -= 1 }
        }
    }

    /// Runs every window whose frames have all arrived; marks events whose windows are done.
    private func runWindows() {
        let w = configuration.windowFrames, hop = configuration.eventHopFrames
        let last = history.count - 1
        for i in 0 ..< tracked {
            let s = slot(i)
            if complete[s] { continue }
            while true {
                let start = firstWindows[s] + windowsRun[s] * hop
                if ends[s] >= 0, windowsRun[s] > 0, start + w / 2 > ends[s] {
                    complete[s] = true
                    break
                }
                if start + w - 1 > last { break }
                classify(windowAt: start, slot: s)
                windowsRun[s] += 1
            }
        }
    }

    private func classify(windowAt start: Int, slot s: Int) {
        let w = configuration.windowFrames
        history.copy(from: start, frames: w, into: window)
        classifier.classify(window, into: probabilities)
        scores[s].add(probabilities)
        let limit = min(start + w, realFrames >= 0 ? realFrames : Int.max)
        classifiedFrames += max(0, limit - max(start, coveredUntil))
        coveredUntil = max(coveredUntil, start + w)
    }

    /// Reports the completed events at the front (events complete in time order).
    private func collectComplete(_ onEvent: (PipelineEvent) -> Void) {
        while tracked > 0, complete[head] {
            let s = head
            head = (head + 1) % capacity
            tracked -= 1
            report(slot: s, onEvent)
        }
    }

    private func report(slot s: Int, _ onEvent: (PipelineEvent) -> Void) {
        let f = configuration.frontEnd
        let end = ends[s] >= 0 ? ends[s] : starts[s]
        lastEvent = EventFrames(startFrame: starts[s], endFrame: end)
        swap(&lastScores, &scores[s])
        eventsReported += 1
        let best = lastScores.rank(0)
        onEvent(PipelineEvent(kind: .detection, sample: min(samplesIn, end * f.hop + (f.frameLength + f.hop) / 2),
                              start: max(0, starts[s] * f.hop + (f.frameLength - f.hop) / 2), label: best,
                              confidence: lastScores.meanScore(best), index: lastScores.windows))
    }
}
