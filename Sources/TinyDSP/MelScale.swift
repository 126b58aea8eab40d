/// The hertz ↔ mel mapping.
///
/// - `htk`: `mel = 2595·log₁₀(1 + f/700) = 1127·ln(1 + f/700)` (HTK, `librosa … htk=True`,
///   `tf.signal`, CMSIS-DSP `mfcc.py`).
/// - `slaney`: Auditory Toolbox (librosa's default): linear `mel = 3f/200` below 1000 Hz, then
///   logarithmic `mel = 15 + ln(f/1000)·27/ln 6.4` above.
/// Computed in `Double`.
public enum MelScale: Sendable, Equatable {
    case htk
    case slaney

    static let slaneyLogStep = PortableMath.naturalLog(6.4) / 27
    static let slaneyBreakMel = 15.0

    public func mel(fromHertz f: Double) -> Double {
        switch self {
        case .htk:
            return 1127 * PortableMath.naturalLog(1 + f / 700)
        case .slaney:
            if f < 1000 { return f * 3 / 200 }
            return Self.slaneyBreakMel + PortableMath.naturalLog(f / 1000) / Self.slaneyLogStep
        }
    }

    public func hertz(fromMel m: Double) -> Double {
        switch self {
        case .htk:
            return 700 * (PortableMath.exponential(m / 1127) - 1)
        case .slaney:
            if m < Self.slaneyBreakMel { return m * 200 / 3 }
            return 1000 * PortableMath.exponential(Self.slaneyLogStep * (m - Self.slaneyBreakMel))
        }
    }
}
