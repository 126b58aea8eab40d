import Foundation
import TinyTestSupport

/// A synthetic bearing signal at 12 kHz for tests that must run without the dataset: "normal" is
/// shaft-rate and mains harmonics plus white noise; a "fault" adds the classic bearing-defect
/// signature — an impulse train at 105 Hz (an inner-race defect frequency at about 1,750 rpm),
/// each impulse ringing a 3 kHz structural resonance with a 2 ms decay.
enum SyntheticVibration {
    static let rate = 12000.0

    static func signal(seconds: Double, faultFrom: Double? = nil, seed: UInt64 = 1) -> [Float] {
        var rng = SplitMix(seed: seed)
        let n = Int(seconds * rate)
        var x = [Float](repeating: 0, count: n)
        for i in 0 ..< n {
            let t = Double(i) / rate
            var v = 0.05 * sin(2 * .pi * 29.2 * t) + 0.02 * sin(2 * .pi * 60 * t + 0.3) + 0.03 * rng.nextGaussian()
            if let start = faultFrom, t >= start {
                let since = (t - start).truncatingRemainder(dividingBy: 1 / 105.0)
                v += 0.4 * exp(-since / 0.002) * sin(2 * .pi * 3000 * since)
            }
            x[i] = Float(v)
        }
        return x
    }
}
