import Foundation
import TinyTestSupport

/// A reproducible long "field recording" for detector tests: coloured background noise whose level
/// drifts slowly (±3 dB over a minute, so the noise floor must adapt), with sounds added at known
/// times. Sounds are synthetic calls (exact start and end) or real clips (placed spans).
struct SyntheticFieldRecording {
    static let rate = 16000

    /// A placed sound: `[start, end)` seconds of its signal in the recording.
    struct Placement {
        var start: Double
        var end: Double
        var name: String
    }

    var samples: [Float]
    var placements: [Placement] = []

    /// `seconds` of background: white noise through a one-pole low-pass (pole 0.9) plus a little
    /// white, scaled to RMS `level` × the drift `10^(3·sin(2πt/60)/20)`.
    init(seconds: Double, level: Double, seed: UInt64) {
        var rng = SplitMix(seed: seed)
        let n = Int(seconds * Double(Self.rate))
        var out = [Float](repeating: 0, count: n)
        var low = 0.0, power = 0.0
        var raw = [Double](repeating: 0, count: n)
        for i in 0 ..< n {
            let w = rng.nextGaussian()
            low = 0.9 * low + w
            raw[i] = low + 0.5 * w
            power += raw[i] * raw[i]
        }
        let norm = level / (power / Double(n)).squareRoot()
        for i in 0 ..< n {
            let t = Double(i) / Double(Self.rate)
            out[i] = Float(raw[i] * norm * pow(10, 3 * sin(2 * Double.pi * t / 60) / 20))
        }
        samples = out
    }

    /// Adds `signal` starting at `start` seconds.
    mutating func add(_ signal: [Float], at start: Double, name: String) {
        let s = Int(start * Double(Self.rate))
        for (i, v) in signal.enumerated() where s + i < samples.count { samples[s + i] += v }
        placements.append(Placement(start: start, end: start + Double(signal.count) / Double(Self.rate), name: name))
    }

    /// The recording's duration in seconds.
    var seconds: Double { Double(samples.count) / Double(Self.rate) }
}

/// Synthetic animal-like calls with exact extents, each with 10 ms raised-cosine fades.
enum SyntheticCall {
    /// A linear chirp from `from` to `to` Hz.
    static func chirp(seconds: Double, from: Double, to: Double, amplitude: Double) -> [Float] {
        render(seconds) { t in amplitude * sin(2 * Double.pi * (from * t + (to - from) * t * t / (2 * seconds))) }
    }

    /// A harmonic stack on `fundamental` (harmonics 1…5 at 1/k), amplitude-modulated at `modulation` Hz.
    static func harmonic(seconds: Double, fundamental: Double, modulation: Double, amplitude: Double) -> [Float] {
        render(seconds) { t in
            let am: Double = 0.6 + 0.4 * sin(2 * Double.pi * modulation * t)
            var stack = 0.0
            for k in 1 ... 5 {
                let h = Double(k)
                stack += sin(2 * Double.pi * fundamental * h * t) / h
            }
            return amplitude * am * stack / 2.3
        }
    }

    /// `count` tone pulses of `pulse` seconds at `frequency`, one every `period` seconds.
    static func pulses(count: Int, pulse: Double, period: Double, frequency: Double, amplitude: Double) -> [Float] {
        render(Double(count - 1) * period + pulse) { t in
            let phase = t.truncatingRemainder(dividingBy: period)
            guard phase < pulse else { return 0 }
            return amplitude * sin(Double.pi * phase / pulse) * sin(2 * Double.pi * frequency * t)
        }
    }

    private static func render(_ seconds: Double, _ f: (Double) -> Double) -> [Float] {
        let n = Int(seconds * Double(SyntheticFieldRecording.rate))
        let fade = 0.01
        return (0 ..< n).map { i in
            let t = Double(i) / Double(SyntheticFieldRecording.rate)
            let edge = min(t, seconds - t)
            let g = edge >= fade ? 1 : 0.5 - 0.5 * cos(Double.pi * edge / fade)
            return Float(g * f(t))
        }
    }
}
