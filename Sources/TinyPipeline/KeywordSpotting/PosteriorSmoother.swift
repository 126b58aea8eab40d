/// Turns the posteriors of consecutive, equally spaced windows into keyword detections, in the
/// manner of TFLM's `RecognizeCommands`, with every rule explicit:
///
/// 1. **Average**: `a_c(t) = mean(p_c(t−k))` over the last `n = min(t + 1, averageCount)` windows.
/// 2. **Candidate**: `c* = argmax_c a_c(t)` (first index on ties) if it is a keyword (not a
///    background class such as `_silence_`/`_unknown_`) and `a_c*(t) ≥ threshold`; else none.
/// 3. **Count**: consecutive windows with the same candidate; a run fires once, when its count
///    reaches `minimumCount`, unless fewer than `suppressionWindows` windows have passed since the
///    previous detection (of any keyword), in which case the run is dropped.
/// 4. A detection reports `c*`, the averaged posterior `a_c*(t)` as confidence, and the window
///    among the averaged ones with the highest own posterior `p_c*` (where the word most likely is).
///
/// Allocation-free after `init`; O(averageCount · classes) per window. Portable (TinyPipeline): the
/// host tools and the firmware run this code.
public struct PosteriorSmoother: Sendable {
    public struct Firing: Sendable, Equatable {
        public var classIndex: Int
        public var confidence: Float
        /// The window (0-based, since `reset`) with the highest posterior for the keyword among the averaged ones.
        public var peakWindow: Int
        /// The window at which the detection fired.
        public var window: Int
    }

    public let classCount: Int
    public let averageCount: Int
    public let threshold: Float
    public let suppressionWindows: Int
    public let minimumCount: Int
    private let isKeyword: [Bool]
    private var history: [Float]
    private var historyWindows: [Int]
    private var stored = 0
    private var windowIndex = 0
    private var candidate = -1
    private var run = 0
    private var lastDetection = Int.min / 2

    /// `keywords[c]` tells whether class `c` may be reported.
    public init(keywords: [Bool], averageCount: Int, threshold: Float, suppressionWindows: Int, minimumCount: Int) {
        precondition(!keywords.isEmpty && averageCount >= 1 && minimumCount >= 1 && suppressionWindows >= 0)
        classCount = keywords.count
        isKeyword = keywords
        self.averageCount = averageCount
        self.threshold = threshold
        self.suppressionWindows = suppressionWindows
        self.minimumCount = minimumCount
        history = [Float](repeating: 0, count: averageCount * keywords.count)
        historyWindows = [Int](repeating: 0, count: averageCount)
    }

    /// Windows observed since `init`/`reset`.
    public var windowsObserved: Int { windowIndex }

    /// Adds the next window's posteriors (`classCount` values) and returns a detection if one fires.
    public mutating func observe(_ posteriors: UnsafePointer<Float>) -> Firing? {
        let slot = windowIndex % averageCount
        for c in 0 ..< classCount { history[slot * classCount + c] = posteriors[c] }
        historyWindows[slot] = windowIndex
        stored = min(stored + 1, averageCount)
        let window = windowIndex
        windowIndex += 1

        var best = 0
        var bestSum: Float = -1
        for c in 0 ..< classCount {
            var sum: Float = 0
            for s in 0 ..< stored { sum += history[s * classCount + c] }
            if sum > bestSum { best = c; bestSum = sum }
        }
        let average = bestSum / Float(stored)
        let next = isKeyword[best] && average >= threshold ? best : -1
        if next != candidate {
            candidate = next
            run = 0
        }
        guard candidate >= 0 else { return nil }
        run += 1
        guard run == minimumCount else { return nil }
        guard window - lastDetection >= suppressionWindows else { return nil }
        lastDetection = window
        var peak = window
        var peakValue: Float = -1
        for s in 0 ..< stored where history[s * classCount + candidate] > peakValue {
            peakValue = history[s * classCount + candidate]
            peak = historyWindows[s]
        }
        return Firing(classIndex: candidate, confidence: average, peakWindow: peak, window: window)
    }

    /// Forgets every window (a new stream).
    public mutating func reset() {
        stored = 0
        windowIndex = 0
        candidate = -1
        run = 0
        lastDetection = Int.min / 2
    }
}
