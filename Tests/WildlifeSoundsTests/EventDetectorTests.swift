import TinyPipeline
import Foundation
import Testing
import WildlifeSounds

/// The detector's state machine on hand-made log-mel frames (32 bands, ln units, 32 ms hop) with
/// the committed pipeline's parameters: 9 dB onset, 6 dB offset, 3 dB flux, 0.3 s hangover
/// (9 frames), 0.1 s minimum (3 frames), 10 s maximum (313 frames).
@Suite struct EventDetectorTests {
    static let bands = 32
    static let perDecibel = Float(log(10.0) / 10)

    static func detector() throws -> EventDetector {
        let p = try WildlifeTestSupport.pipeline()
        return EventDetector(parameters: p.detector.parameters(hopSeconds: p.hopSeconds, decibelsPerUnit: p.decibelsPerUnit), bands: p.bands)
    }

    /// A frame at `base` (ln) with `loudBands` bands raised by `decibels`.
    static func frame(base: Float = -5, decibels: Float = 0, loudBands: Int = 8) -> [Float] {
        (0 ..< bands).map { $0 < loudBands ? base + decibels * perDecibel : base }
    }

    /// Runs frames, returning every change that is not `.none` with its frame index.
    static func run(_ d: inout EventDetector, _ frames: [[Float]]) -> [(Int, EventDetector.Change)] {
        var out: [(Int, EventDetector.Change)] = []
        for f in frames {
            let t = d.frameIndex
            let c = f.withUnsafeBufferPointer { d.process($0) }
            if c != .none { out.append((t, c)) }
        }
        return out
    }

    @Test func loudRunOpensAndClosesAfterHangover() throws {
        var d = try Self.detector()
        let frames = Array(repeating: Self.frame(), count: 50) + Array(repeating: Self.frame(decibels: 15), count: 20)
            + Array(repeating: Self.frame(), count: 30)
        let changes = Self.run(&d, frames)
        #expect(changes.count == 2)
        #expect(changes.first?.0 == 50 && changes.first?.1 == .opened(start: 50))
        #expect(changes.last?.0 == 69 + 9 && changes.last?.1 == .closed(start: 50, end: 69))
        #expect(d.openStart == nil)
    }

    @Test func blipShorterThanMinimumIsDropped() throws {
        var d = try Self.detector()
        let frames = Array(repeating: Self.frame(), count: 40) + Array(repeating: Self.frame(decibels: 20), count: 2)
            + Array(repeating: Self.frame(), count: 20)
        let changes = Self.run(&d, frames).map(\.1)
        #expect(changes == [.opened(start: 40), .dropped(start: 40)])
    }

    @Test func suddenModerateRiseOpensOnFluxButASlowRampDoesNot() throws {
        // 7 dB on every band: activity 7 dB lies between offset (6) and onset (9); flux is 7 dB at the jump.
        var sudden = try Self.detector()
        let jump = Array(repeating: Self.frame(), count: 40) + Array(repeating: Self.frame(decibels: 7, loudBands: 32), count: 10)
        #expect(Self.run(&sudden, jump).first?.1 == .opened(start: 40))
        // The same level reached over 2 s (0.1 dB a frame): flux stays tiny, activity below onset.
        var slow = try Self.detector()
        let ramp = Array(repeating: Self.frame(), count: 40) + (1 ... 62).map { Self.frame(decibels: Float($0) * 7 / 62, loudBands: 32) }
        #expect(Self.run(&slow, ramp).isEmpty)
    }

    @Test func longSoundIsCutAtTheMaximumAndReopened() throws {
        var d = try Self.detector()
        let frames = Array(repeating: Self.frame(), count: 20) + Array(repeating: Self.frame(decibels: 30), count: 400)
        let changes = Self.run(&d, frames)
        #expect(changes.count >= 3)
        #expect(changes[0].1 == .opened(start: 20))
        #expect(changes[1].0 == 20 + 312 && changes[1].1 == .closed(start: 20, end: 332))
        #expect(changes[2].1 == .opened(start: 333))
    }

    @Test func finishClosesAnOpenEvent() throws {
        var d = try Self.detector()
        _ = Self.run(&d, Array(repeating: Self.frame(), count: 10) + Array(repeating: Self.frame(decibels: 20), count: 10))
        #expect(d.openStart == 10)
        #expect(d.finish() == .closed(start: 10, end: 19))
        #expect(d.finish() == .none)
    }

    @Test func noiseFloorFollowsQuietFastAndLoudSlowly() {
        var floor = AdaptiveNoiseFloor(bands: 1, fall: EventDetectorConfiguration.coefficient(hopSeconds: 0.032, timeConstant: 1), minimum: -10)
        let rise = EventDetectorConfiguration.coefficient(hopSeconds: 0.032, timeConstant: 4)
        func step(_ v: Float) { [v].withUnsafeBufferPointer { floor.update($0, rise: rise) } }
        step(0)
        #expect(floor[0] == 0)
        for _ in 0 ..< 31 { step(10) }  // ≈ 1 s: 1 − e^(−0.25) of the way up
        let up: Float = 10 * (1 - Float(exp(-31 * 0.032 / 4.0)))
        #expect(abs(floor[0] - up) < 1e-3)
        let before = floor[0]
        for _ in 0 ..< 15 { step(-20) }  // 0.48 s down with τ = 1 s: 1 − e^(−0.48) of the way
        let down: Float = before + (-20 - before) * (1 - Float(exp(-15 * 0.032 / 1.0)))
        #expect(abs(floor[0] - down) < 1e-3)
        for _ in 0 ..< 300 { step(-20) }
        #expect(floor[0] == -10)
    }
}
