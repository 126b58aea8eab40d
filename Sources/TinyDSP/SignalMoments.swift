/// Time-domain summary of one frame: the quantities every time-domain `FrameStatistic` is built
/// from, in one pass for the mean and one for the central moments (`Double` accumulators).
public struct SignalMoments: Sendable, Equatable {
    public var mean: Double = 0
    public var meanSquare: Double = 0
    /// Central moments `m₂, m₃, m₄` (population).
    public var m2: Double = 0
    public var m3: Double = 0
    public var m4: Double = 0
    public var minimum: Double = 0
    public var maximum: Double = 0

    public init(_ x: UnsafePointer<Float>, count: Int, gain: Float = 1) {
        guard count > 0 else { return }
        var sum = 0.0, squares = 0.0
        var lo = Double(x[0] * gain), hi = lo
        for i in 0 ..< count {
            let v = Double(x[i] * gain)
            sum += v
            squares += v * v
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        let n = Double(count)
        mean = sum / n
        meanSquare = squares / n
        minimum = lo
        maximum = hi
        for i in 0 ..< count {
            let d = Double(x[i] * gain) - mean
            let d2 = d * d
            m2 += d2
            m3 += d2 * d
            m4 += d2 * d2
        }
        m2 /= n
        m3 /= n
        m4 /= n
    }

    public var rms: Double { meanSquare.squareRoot() }
    public var peak: Double { Swift.max(maximum.magnitude, minimum.magnitude) }
    public var crestFactor: Double { rms > 0 ? peak / rms : 0 }
    public var kurtosis: Double { m2 > 0 ? m4 / (m2 * m2) : 0 }
    public var skewness: Double { m2 > 0 ? m3 / (m2 * m2.squareRoot()) : 0 }
}
