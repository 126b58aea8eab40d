import TinyPipeline
import MotorAnomaly
import Testing

/// Raising needs N consecutive windows over, clearing M consecutive under; isolated windows do nothing.
@Suite struct AlarmHysteresisTests {
    /// Runs a verdict string ("1" over, "0" under) and returns the transitions as a string
    /// ("R" raised, "C" cleared, "." none).
    static func run(_ verdicts: String, raise: Int, clear: Int) -> String {
        var alarm = AlarmHysteresis(raiseAfter: raise, clearAfter: clear)
        return String(verdicts.map { v -> Character in
            switch alarm.update(over: v == "1") {
            case .raised: return "R"
            case .cleared: return "C"
            case nil: return "."
            }
        })
    }

    @Test func raisesAfterNAndClearsAfterM() {
        #expect(Self.run("0110111000010000", raise: 3, clear: 4) == "......R...C.....")
    }

    @Test func isolatedWindowsDoNotToggle() {
        #expect(Self.run("1010101101", raise: 3, clear: 2) == "..........")
        // Once raised, single under-threshold windows do not clear it.
        #expect(Self.run("111010101100", raise: 3, clear: 2) == "..R........C")
    }

    @Test func oneAndOneFollowsTheThreshold() {
        #expect(Self.run("0110010", raise: 1, clear: 1) == ".R.C.RC")
    }

    @Test func countsRaisedAlarms() {
        var alarm = AlarmHysteresis(raiseAfter: 2, clearAfter: 1)
        for v in [true, true, false, true, true, true, false] { _ = alarm.update(over: v) }
        #expect(alarm.raisedCount == 2)
        #expect(!alarm.isActive)
    }
}
