import Foundation
import TinyPipeline

/// Parameters of the always-on `EventDetector` (`pipeline.json` → `"detector"`). Times are in
/// seconds, levels in decibels of band power; `WildlifePipeline` checks the ranges.
public struct EventDetectorConfiguration: Codable, Sendable, Equatable {
    /// Time constant with which a band's noise floor rises towards a louder frame outside events
    /// (slow: a call must not become "noise" while it lasts).
    public var floorRiseSeconds: Double
    /// The same inside an event (slower still, so a long call stays one event; a sound that never
    /// stops, such as a cricket chorus, still becomes background after a few of these).
    public var floorRiseInEventSeconds: Double
    /// Time constant with which a band's floor falls towards a quieter frame (fast).
    public var floorFallSeconds: Double
    /// No band's floor goes below this level (dB of band power; the log floor of the features is
    /// the absolute bottom), so near-digital silence does not make every faint sound an event.
    public var floorMinimumDecibels: Double
    /// Bands whose excess over the floor is averaged into the frame's activity (the loudest ones,
    /// so a narrow-band call counts as much as a broadband one).
    public var loudestBands: Int
    /// Activity that opens an event.
    public var onsetDecibels: Double
    /// Activity below which an event counts as quiet (hysteresis: `offset ≤ onset`).
    public var offsetDecibels: Double
    /// Spectral flux (mean rise of the bands over the previous frame) that opens an event on its
    /// own when the activity is at least `offsetDecibels` — sharp onsets open at once.
    public var fluxDecibels: Double
    /// Quiet time that closes an event.
    public var hangoverSeconds: Double
    /// Shorter events are dropped (clicks, wind gusts).
    public var minimumEventSeconds: Double
    /// Longer events are cut into pieces of this length (each classified on its own).
    public var maximumEventSeconds: Double

    public init(floorRiseSeconds: Double, floorRiseInEventSeconds: Double, floorFallSeconds: Double,
                floorMinimumDecibels: Double, loudestBands: Int, onsetDecibels: Double, offsetDecibels: Double,
                fluxDecibels: Double, hangoverSeconds: Double, minimumEventSeconds: Double, maximumEventSeconds: Double) {
        self.floorRiseSeconds = floorRiseSeconds
        self.floorRiseInEventSeconds = floorRiseInEventSeconds
        self.floorFallSeconds = floorFallSeconds
        self.floorMinimumDecibels = floorMinimumDecibels
        self.loudestBands = loudestBands
        self.onsetDecibels = onsetDecibels
        self.offsetDecibels = offsetDecibels
        self.fluxDecibels = fluxDecibels
        self.hangoverSeconds = hangoverSeconds
        self.minimumEventSeconds = minimumEventSeconds
        self.maximumEventSeconds = maximumEventSeconds
    }
}

extension EventDetectorConfiguration {
    /// The one-pole coefficient `1 − exp(−hop/τ)` for time constant `τ`.
    public static func coefficient(hopSeconds: Double, timeConstant: Double) -> Float {
        Float(1 - exp(-hopSeconds / timeConstant))
    }

    /// The detector's parameters for frames `hopSeconds` apart whose log has `decibelsPerUnit`
    /// dB per unit: coefficients `1 − exp(−hop/τ)`, hangover `max(1, round(hangover/hop))`,
    /// minimum `round(minimum/hop)`, maximum `max(1, round(maximum/hop))` frames, the floor's
    /// minimum in log units.
    public func parameters(hopSeconds: Double, decibelsPerUnit: Double) -> EventDetectorParameters {
        EventDetectorParameters(
            floorRise: Self.coefficient(hopSeconds: hopSeconds, timeConstant: floorRiseSeconds),
            floorRiseInEvent: Self.coefficient(hopSeconds: hopSeconds, timeConstant: floorRiseInEventSeconds),
            floorFall: Self.coefficient(hopSeconds: hopSeconds, timeConstant: floorFallSeconds),
            floorMinimum: Float(floorMinimumDecibels / decibelsPerUnit), decibelsPerUnit: Float(decibelsPerUnit),
            loudestBands: loudestBands, onsetDecibels: Float(onsetDecibels), offsetDecibels: Float(offsetDecibels),
            fluxDecibels: Float(fluxDecibels), hangoverFrames: max(1, Int((hangoverSeconds / hopSeconds).rounded())),
            minimumFrames: Int((minimumEventSeconds / hopSeconds).rounded()),
            maximumFrames: max(1, Int((maximumEventSeconds / hopSeconds).rounded())))
    }
}
