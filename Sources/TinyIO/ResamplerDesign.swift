import Foundation

/// The anti-aliasing filter `scipy.signal.resample_poly` designs by default, and resamplers built
/// from sample rates.
///
/// For rates reduced to `up/down` by their gcd, with R = max(up, down):
///
///     halfLength = 10·R,  L = 2·halfLength + 1,  cutoff fc = 1/R (of Nyquist at the upsampled rate)
///     h[n] = fc·sinc(fc·(n − halfLength)) · w[n]                 sinc(x) = sin(πx)/(πx)
///     w[n] = I0(β·√(1 − ((n − halfLength)/halfLength)²)) / I0(β),  β = 5.0   (symmetric Kaiser)
///     h   ← up · h / Σh                                            (unit DC gain, times up)
///
/// exactly `firwin(2*half_len + 1, 1/max_rate, window=('kaiser', 5.0))` scaled by `up`, computed in
/// Double and rounded to Float once. Equal rates (up = down = 1) give the identity filter `[1]`,
/// as `resample_poly` returns its input unchanged then.
extension PolyphaseResampler {
    /// Kaiser β of `resample_poly`'s default window.
    public static let kaiserBeta = 5.0

    /// The largest factor (up or down, after reduction) accepted from sample rates: 65536, a
    /// 1,310,721-tap filter (5 MiB). Common rate pairs stay far below it (44100→16000 is 160/441);
    /// a larger one means co-prime odd rates (e.g. a corrupt header), and would cost memory and
    /// design time for no real use.
    public static let maxFactor = 65536

    /// A resampler from `inputRate` to `outputRate` (both in `AudioLimits.sampleRates`, and reducing
    /// to factors ≤ `maxFactor`) with `resample_poly`'s default filter.
    public init(inputRate: Int, outputRate: Int, chunkSize: Int = 1024) throws(IOError) {
        try AudioLimits.checkSampleRate(inputRate)
        try AudioLimits.checkSampleRate(outputRate)
        let divisor = Self.gcd(inputRate, outputRate)
        let up = outputRate / divisor, down = inputRate / divisor
        guard max(up, down) <= Self.maxFactor else {
            throw .unsupportedResampling(from: inputRate, to: outputRate, up: up, down: down, maxFactor: Self.maxFactor)
        }
        self.init(up: up, down: down, taps: Self.resamplePolyTaps(up: up, down: down).map(Float.init),
                  chunkSize: chunkSize)
    }

    /// `resample_poly`'s default FIR for `up/down` (already reduced), in Double, with DC gain `up`.
    public static func resamplePolyTaps(up: Int, down: Int) -> [Double] {
        precondition(up >= 1 && down >= 1, "resamplePolyTaps: up and down must be >= 1")
        if up == 1 && down == 1 { return [1] }
        let rate = max(up, down)
        let half = 10 * rate
        let cutoff = 1 / Double(rate)
        let beta = kaiserBeta
        let i0Beta = besselI0(beta)
        var taps = [Double](repeating: 0, count: 2 * half + 1)
        for n in 0 ..< taps.count {
            let m = Double(n - half)
            let x = cutoff * m
            let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
            let r = m / Double(half)
            taps[n] = cutoff * sinc * besselI0(beta * (1 - r * r).squareRoot()) / i0Beta
        }
        let sum = taps.reduce(0, +)
        return taps.map { $0 / sum * Double(up) }
    }

    /// Modified Bessel function of the first kind, order 0: Σ_k ((x/2)^k / k!)², summed until a term
    /// no longer changes the total (≤ 40 terms for the |x| ≤ 20 used here).
    static func besselI0(_ x: Double) -> Double {
        var sum = 1.0, term = 1.0, k = 1.0
        let quarterSquare = x * x / 4
        while true {
            term *= quarterSquare / (k * k)
            if sum + term == sum { return sum }
            sum += term
            k += 1
        }
    }
}
