import TinyDSP

/// The constants of a front end that TinyDSP computes in `init` and keeps private, computed here
/// with the same public TinyDSP functions in the same order, so the C tables hold the device's bits
/// (`CFrontEndTests` compares the C front end's outputs with Swift's bit for bit). The mel weights
/// and the DCT matrix are read from TinyDSP's own `FrameProcessor`.
enum CFrontEndTables {
    /// `FrameProcessor`'s taper: `window[i] · gain` in Float.
    static func taper(_ c: FrontEndConfiguration) -> [Float] {
        let gain: Float
        if case .gain(let g) = c.normalization { gain = g } else { gain = 1 }
        return c.window.coefficients(length: c.frameLength).map { $0 * gain }
    }

    /// "periodic Hann", "rectangular", ... for comments.
    static func describe(_ w: WindowFunction) -> String {
        switch w {
        case .rectangular: return "rectangular"
        case .hann(let s): return "\(s) Hann"
        case .hamming(let s): return "\(s) Hamming"
        }
    }

    /// `PortableRealFFT`'s load order: `bitReversed[i]` reverses the `log2(m)` bits of `i`, `m = size/2`.
    static func bitReversed(size: Int) -> [Int] {
        let m = size / 2
        var bits = 0
        while 1 << bits < m { bits += 1 }
        return (0 ..< m).map { i in
            var r = 0
            for b in 0 ..< bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
            return r
        }
    }

    /// `e^{-2πi j/count}` for `j < n`, each part rounded once from Double (`PortableRealFFT`'s
    /// twiddles: `count = m`, `n = max(1, m/2)`; split factors: `count = size`, `n = m/2 + 1`).
    static func roots(count: Int, n: Int) -> (cos: [Float], sin: [Float]) {
        var c: [Float] = [], s: [Float] = []
        for j in 0 ..< n {
            let a = -2 * PortableMath.pi * Double(j) / Double(count)
            c.append(Float(PortableMath.cosine(a)))
            s.append(Float(PortableMath.sine(a)))
        }
        return (c, s)
    }

    /// `LogCompression.apply`'s constants: the factor on ln (`LogBase`), and the offset
    /// `f · ln(floor(reference))`, zero for reference 1.
    static func log(_ l: LogCompression) -> (clamps: Bool, epsilon: Float, scaled: Bool, factor: Float, offset: Float) {
        let f: Double
        switch l.base {
        case .natural: f = 1
        case .ten: f = 1 / PortableMath.ln10
        case .decibels: f = 10 / PortableMath.ln10
        case .amplitudeDecibels: f = 20 / PortableMath.ln10
        }
        let clamps: Bool, epsilon: Float, referenceLog: Float
        switch l.floor {
        case .add(let e): (clamps, epsilon, referenceLog) = (false, e, PortableMath.naturalLog(l.reference + e))
        case .clamp(let e): (clamps, epsilon, referenceLog) = (true, e, PortableMath.naturalLog(Swift.max(l.reference, e)))
        }
        let factor = Float(f), offset = l.reference == 1 ? 0 : Float(f * Double(referenceLog))
        return (clamps, epsilon, factor != 1 || offset != 0, factor, offset)
    }
}
