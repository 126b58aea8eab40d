/// The always-on gate of the wildlife pipeline: one log-band frame in, at most one event change out.
///
/// Per frame `t` (log band powers `x_t[b]`, converted to dB with the pipeline's `decibelsPerUnit`):
/// - excess `e_t[b] = max(0, x_t[b] − N_{t−1}[b])` over the `AdaptiveNoiseFloor` `N`;
/// - activity `a_t` = the mean of the `loudestBands` largest excesses (dB);
/// - flux `f_t = mean_b max(0, x_t[b] − x_{t−1}[b])` (dB; 0 for the first frame).
/// Idle, an event opens at `t` when `a_t ≥ onset`, or when `f_t ≥ flux` and `a_t ≥ offset`. Open, a
/// frame with `a_t < offset` is quiet; `hangover` seconds of quiet frames close the event, whose last
/// frame is the last loud one. Events shorter than `minimumEventSeconds` are dropped (`.dropped`);
/// an event reaching `maximumEventSeconds` closes and the next frame opens a new one if still loud
/// (`a ≥ offset`). The first frame primes the floor (its activity is 0). The floor then moves
/// towards `x_t`, rising with `floorRiseInEventSeconds` inside events and `floorRiseSeconds`
/// outside (`EventDetectorParameters` holds the derived coefficients and frame counts). Frame `t` stands for the hop around its centre, `[t·hop + L/2 − hop/2, t·hop + L/2 + hop/2)`
/// (`L` the frame length); `WildlifeRecognizer` reports events in those seconds.
///
/// Allocation-free after `init`. Cost per frame: `bands` subtractions and a partial sort of
/// `bands` values — nothing next to the FFT that made the frame.
public struct EventDetector {
    /// What a frame changed.
    public enum Change: Equatable, Sendable {
        case none
        /// An event opened at this frame.
        case opened(start: Int)
        /// The event `[start, end]` (frames, inclusive) closed.
        case closed(start: Int, end: Int)
        /// The event opened at `start` closed too short and is not reported.
        case dropped(start: Int)
    }

    public let parameters: EventDetectorParameters
    public let bands: Int
    private var floor: AdaptiveNoiseFloor
    private var previous: [Float]
    private var excess: [Float]
    /// Frames seen since `init`/`reset`.
    public private(set) var frameIndex = 0
    /// First frame of the open event, nil when idle.
    public private(set) var openStart: Int?
    private var lastLoud = 0
    /// The previous frame cut an event at `maximumEventSeconds`: a loud frame reopens at once.
    private var continuing = false
    /// Activity and flux of the latest frame (dB).
    public private(set) var activity: Float = 0
    public private(set) var flux: Float = 0

    public init(parameters p: EventDetectorParameters, bands: Int) {
        parameters = p
        self.bands = bands
        floor = AdaptiveNoiseFloor(bands: bands, fall: p.floorFall, minimum: p.floorMinimum)
        previous = [Float](repeating: 0, count: bands)
        excess = [Float](repeating: 0, count: bands)
    }

    /// Takes the next frame (`bands` log band powers).
    public mutating func process(_ frame: UnsafeBufferPointer<Float>) -> Change {
        precondition(frame.count == bands, "EventDetector: wrong frame length")
        let t = frameIndex
        let p = parameters
        if t == 0 { floor.update(frame, rise: p.floorRise) }
        var fluxSum: Float = 0
        for b in 0 ..< bands {
            excess[b] = max(0, frame[b] - floor[b])
            if t > 0 { fluxSum += max(0, frame[b] - previous[b]) }
            previous[b] = frame[b]
        }
        activity = Self.meanOfLargest(&excess, count: p.loudestBands) * p.decibelsPerUnit
        flux = fluxSum / Float(bands) * p.decibelsPerUnit
        let loud = activity >= p.offsetDecibels
        var change = Change.none
        if let start = openStart {
            if loud { lastLoud = t }
            if t - lastLoud >= p.hangoverFrames {
                change = close(start: start, end: lastLoud)
            } else if t - start + 1 >= p.maximumFrames {
                change = close(start: start, end: t)
                continuing = true
            }
        } else if activity >= p.onsetDecibels || (flux >= p.fluxDecibels || continuing) && loud {
            continuing = false
            openStart = t
            lastLoud = t
            change = .opened(start: t)
        } else {
            continuing = false
        }
        floor.update(frame, rise: openStart == nil ? p.floorRise : p.floorRiseInEvent)
        frameIndex += 1
        return change
    }

    /// Closes the open event at the end of the input: `[start, last loud frame]`, or dropped.
    public mutating func finish() -> Change {
        guard let start = openStart else { return .none }
        return close(start: start, end: lastLoud)
    }

    /// Starts over (floor forgotten, no event open).
    public mutating func reset() {
        floor.reset()
        frameIndex = 0
        openStart = nil
        lastLoud = 0
        continuing = false
        activity = 0
        flux = 0
    }

    private mutating func close(start: Int, end: Int) -> Change {
        openStart = nil
        return end - start + 1 >= parameters.minimumFrames ? .closed(start: start, end: end) : .dropped(start: start)
    }

    /// Mean of the `count` largest values (partial selection sort; reorders `values`).
    static func meanOfLargest(_ values: inout [Float], count: Int) -> Float {
        var sum: Float = 0
        for i in 0 ..< count {
            var best = i
            for j in i + 1 ..< values.count where values[j] > values[best] { best = j }
            values.swapAt(i, best)
            sum += values[i]
        }
        return sum / Float(count)
    }
}

/// The detector's settings as a device stores them: levels in decibels of band power as `Float`,
/// the noise-floor coefficients `1 − exp(−hop/τ)` and the frame counts already derived from the
/// pipeline file's seconds by the host (`WildlifePipeline`), so the device needs no `exp` and no
/// rounding of its own.
public struct EventDetectorParameters: Sendable, Equatable {
    /// Floor coefficients: rising outside events, rising inside events, falling.
    public var floorRise: Float
    public var floorRiseInEvent: Float
    public var floorFall: Float
    /// The lowest floor, in the frames' log units.
    public var floorMinimum: Float
    /// Decibels per unit of the frames' logarithm (ln: 10/ln 10).
    public var decibelsPerUnit: Float
    public var loudestBands: Int
    public var onsetDecibels: Float
    public var offsetDecibels: Float
    public var fluxDecibels: Float
    public var hangoverFrames: Int
    public var minimumFrames: Int
    public var maximumFrames: Int

    public init(floorRise: Float, floorRiseInEvent: Float, floorFall: Float, floorMinimum: Float, decibelsPerUnit: Float,
                loudestBands: Int, onsetDecibels: Float, offsetDecibels: Float, fluxDecibels: Float,
                hangoverFrames: Int, minimumFrames: Int, maximumFrames: Int) {
        self.floorRise = floorRise
        self.floorRiseInEvent = floorRiseInEvent
        self.floorFall = floorFall
        self.floorMinimum = floorMinimum
        self.decibelsPerUnit = decibelsPerUnit
        self.loudestBands = loudestBands
        self.onsetDecibels = onsetDecibels
        self.offsetDecibels = offsetDecibels
        self.fluxDecibels = fluxDecibels
        self.hangoverFrames = hangoverFrames
        self.minimumFrames = minimumFrames
        self.maximumFrames = maximumFrames
    }

    /// Checks the ranges for `bands` bands; the error names the field.
    public func validate(bands: Int) throws(PipelineError) {
        guard loudestBands >= 1, loudestBands <= bands else { throw PipelineError("loudestBands must lie in 1…\(bands) (got \(loudestBands))") }
        guard hangoverFrames >= 1, maximumFrames >= 1, minimumFrames >= 0 else {
            throw PipelineError("event frame counts: hangover and maximum ≥ 1, minimum ≥ 0 (got \(hangoverFrames), \(maximumFrames), \(minimumFrames))")
        }
        guard offsetDecibels > 0, offsetDecibels <= onsetDecibels, fluxDecibels > 0 else {
            throw PipelineError("need 0 < offset ≤ onset and flux > 0 (got \(offsetDecibels), \(onsetDecibels), \(fluxDecibels) dB)")
        }
    }
}
