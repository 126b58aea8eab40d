/// Raises and clears an alarm with hysteresis on a stream of per-window verdicts
/// ("score over the threshold" or not), so a single noisy window neither raises nor clears it.
///
/// - While clear: the alarm is raised by the `raiseAfter`-th consecutive window over the threshold.
/// - While raised: it is cleared by the `clearAfter`-th consecutive window at or under the threshold.
/// A window of the other kind resets the run. With `raiseAfter = clearAfter = 1` it follows the
/// threshold exactly. A window that is "over" is `score > threshold` (strict).
public struct AlarmHysteresis: Sendable, Equatable {
    public enum Transition: Sendable, Equatable { case raised, cleared }

    public let raiseAfter: Int
    public let clearAfter: Int
    public private(set) var isActive = false
    /// How many alarms were raised so far.
    public private(set) var raisedCount = 0
    private var run = 0

    public init(raiseAfter: Int, clearAfter: Int) {
        precondition(raiseAfter >= 1 && clearAfter >= 1, "AlarmHysteresis: window counts must be at least 1")
        self.raiseAfter = raiseAfter
        self.clearAfter = clearAfter
    }

    /// Feeds one window's verdict; returns the transition it caused, if any.
    public mutating func update(over: Bool) -> Transition? {
        // `run` counts consecutive windows that argue for leaving the current state.
        if over != isActive { run += 1 } else { run = 0 }
        if !isActive, run >= raiseAfter {
            isActive = true
            raisedCount += 1
            run = 0
            return .raised
        }
        if isActive, run >= clearAfter {
            isActive = false
            run = 0
            return .cleared
        }
        return nil
    }
}
