import Foundation
import Testing
import WildlifeSounds

/// The event detector on two minutes of drifting coloured noise (≈ −50 dBFS) holding eight
/// synthetic calls of known extent (0.25–2.5 s, chirps, harmonic stacks, pulse trains) at about
/// +20 dB in their bands. Needs no dataset.
///
/// Bounds: every call is found by exactly one event, whose start is within 0.1 s and whose end is
/// within 0.15 s of the call's (frames are 32 ms apart and 64 ms long; measured: ≤ 0.03 s); no
/// event outside the calls; the classifier sees ≤ 15 % of the recording's frames and runs ≤ 10 % of
/// an always-on classifier's inferences (measured 11.1 % and 18 of 233 = 7.7 %; the calls cover
/// 7.8 %, and every event gets at least one 1.056 s window).
@Suite struct SyntheticRecordingDetectionTests {
    static func recording() -> SyntheticFieldRecording {
        var r = SyntheticFieldRecording(seconds: 120, level: 0.003, seed: 11)
        let calls: [(Double, String, [Float])] = [
            (8.0, "chirp", SyntheticCall.chirp(seconds: 0.6, from: 2500, to: 4000, amplitude: 0.05)),
            (21.3, "harmonic", SyntheticCall.harmonic(seconds: 1.5, fundamental: 400, modulation: 6, amplitude: 0.06)),
            (36.7, "pulses", SyntheticCall.pulses(count: 5, pulse: 0.06, period: 0.15, frequency: 3000, amplitude: 0.05)),
            (50.2, "short chirp", SyntheticCall.chirp(seconds: 0.25, from: 1200, to: 900, amplitude: 0.08)),
            (64.9, "trill", SyntheticCall.pulses(count: 50, pulse: 0.03, period: 0.05, frequency: 5000, amplitude: 0.04)),
            (79.4, "low call", SyntheticCall.harmonic(seconds: 0.8, fundamental: 250, modulation: 3, amplitude: 0.08)),
            (94.05, "down chirp", SyntheticCall.chirp(seconds: 1.0, from: 6000, to: 3000, amplitude: 0.04)),
            (108.6, "harmonic 2", SyntheticCall.harmonic(seconds: 2.0, fundamental: 700, modulation: 4, amplitude: 0.05)),
        ]
        for (t, name, signal) in calls { r.add(signal, at: t, name: name) }
        return r
    }

    @Test func callsFoundWithBoundedTimingAndDutyCycle() throws {
        let r = Self.recording()
        let (events, summary) = try WildlifeTestSupport.recognize(r.samples)
        for call in r.placements {
            let hits = events.filter { $0.endSeconds > call.start - 0.5 && $0.startSeconds < call.end + 0.5 }
            #expect(hits.count == 1, "\(call.name) at \(call.start) s: \(hits.count) events")
            guard let e = hits.first else { continue }
            #expect(abs(e.startSeconds - call.start) <= 0.1, "\(call.name): start \(e.startSeconds) vs \(call.start)")
            #expect(abs(e.endSeconds - call.end) <= 0.15,
                    "\(call.name): end \(e.endSeconds) vs \(call.end)")
            #expect(e.windows >= 1 && e.top.count == 3)
        }
        let stray = events.filter { e in !r.placements.contains { e.endSeconds > $0.start - 0.5 && e.startSeconds < $0.end + 0.5 } }
        #expect(stray.isEmpty, "events outside the calls: \(stray.map { ($0.startSeconds, $0.endSeconds) })")
        #expect(summary.events == events.count)
        #expect(summary.dutyCycle <= 0.15, "duty cycle \(summary.dutyCycle)")
        #expect(summary.inferenceFraction <= 0.10, "inferences \(summary.inferences) of \(summary.alwaysOnInferences)")
        #expect(abs(summary.seconds - 120) < 1e-9)
    }
}
