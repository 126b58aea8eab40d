/// The logarithm taken of band energies (or spectrum bins) before the DCT.
public enum LogBase: Sendable, Equatable {
    /// `ln v` (MLPerf KWS, `tf.math.log`, CMSIS-DSP `arm_vlog_f32`).
    case natural
    /// `log₁₀ v`.
    case ten
    /// `10·log₁₀ v` — decibels of a power quantity (`librosa.power_to_db`).
    case decibels
    /// `20·log₁₀ v` — decibels of an amplitude quantity (`librosa.amplitude_to_db`).
    case amplitudeDecibels

    /// Multiplier turning `ln v` into this base.
    var factorOnNaturalLog: Double {
        switch self {
        case .natural: return 1
        case .ten: return 1 / PortableMath.ln10
        case .decibels: return 10 / PortableMath.ln10
        case .amplitudeDecibels: return 20 / PortableMath.ln10
        }
    }
}

/// How zeros are kept out of the logarithm.
public enum LogFloor: Sendable, Equatable {
    /// `log(v + ε)` (MLPerf KWS `1e-6`, CMSIS-DSP `1e-6`, `tf.math.log(mel + offset)`).
    case add(Float)
    /// `log(max(v, ε))` (`librosa.power_to_db`'s `amin`, python_speech_features' `eps` clamp).
    case clamp(Float)
}

/// Log compression of a non-negative vector, with every constant explicit:
/// `out = f · ln(floor(v)) − f · ln(floor(reference))`, `f` from `base`, and optionally
/// `out = max(out, max(window) − topDecibels)` over the whole model input window (librosa's
/// `top_db`, which librosa applies over the whole spectrogram it is given; here that is the window).
/// `reference` is 1 unless set (librosa's `ref=1.0`). The logarithm is `PortableMath.naturalLog`.
public struct LogCompression: Sendable, Equatable {
    public var base: LogBase
    public var floor: LogFloor
    public var reference: Float
    public var topDecibels: Float?

    public init(base: LogBase, floor: LogFloor, reference: Float = 1, topDecibels: Float? = nil) {
        self.base = base
        self.floor = floor
        self.reference = reference
        self.topDecibels = topDecibels
    }

    /// Compresses `count` values in place.
    @inline(__always)
    public func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        switch floor {
        case .add(let e):
            for i in 0 ..< count { values[i] += e }
        case .clamp(let e):
            for i in 0 ..< count { values[i] = values[i] > e ? values[i] : e }
        }
        PortableMath.naturalLog(values, count: count)
        let f = base.factorOnNaturalLog
        let fs = Float(f), os = reference == 1 ? 0 : Float(f * Double(referenceLog))
        if fs != 1 || os != 0 {
            for i in 0 ..< count { values[i] = fs * values[i] - os }
        }
    }

    /// `ln(floor(reference))` in `Float`, the logarithm subtracted (times `f`) by `apply`.
    var referenceLog: Float {
        switch floor {
        case .add(let e): return PortableMath.naturalLog(reference + e)
        case .clamp(let e): return PortableMath.naturalLog(Swift.max(reference, e))
        }
    }

    /// Applies `topDecibels` (if set) to `count` already-compressed values: clamps below `max − top`.
    public func clampDynamicRange(_ values: UnsafeMutablePointer<Float>, count: Int) {
        guard let top = topDecibels, count > 0 else { return }
        var peak = values[0]
        for i in 1 ..< count where values[i] > peak { peak = values[i] }
        let lowest = peak - top
        for i in 0 ..< count where values[i] < lowest { values[i] = lowest }
    }
}
