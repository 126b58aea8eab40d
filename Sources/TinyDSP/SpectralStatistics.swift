/// Spectral `FrameStatistic`s of one spectrum `S[0 ..< count]` whose bin `k` sits at `k·binHertz`
/// Hz (definitions in `FrameStatistic`). Sums in `Double`.
public enum SpectralStatistics {
    public static func centroid(_ s: UnsafePointer<Float>, count: Int, binHertz: Double) -> Double {
        var total = 0.0, weighted = 0.0
        for k in 0 ..< count {
            total += Double(s[k])
            weighted += Double(k) * binHertz * Double(s[k])
        }
        return total > 0 ? weighted / total : 0
    }

    public static func spread(_ s: UnsafePointer<Float>, count: Int, binHertz: Double) -> Double {
        let c = centroid(s, count: count, binHertz: binHertz)
        var total = 0.0, weighted = 0.0
        for k in 0 ..< count {
            let d = Double(k) * binHertz - c
            total += Double(s[k])
            weighted += Double(s[k]) * d * d
        }
        return total > 0 ? (weighted / total).squareRoot() : 0
    }

    public static func flatness(_ s: UnsafePointer<Float>, count: Int) -> Double {
        var logSum = 0.0, sum = 0.0
        for k in 0 ..< count {
            let v = Swift.max(Double(s[k]), 1e-10)
            logSum += PortableMath.naturalLog(v)
            sum += v
        }
        let n = Double(count)
        return PortableMath.exponential(logSum / n) / (sum / n)
    }

    public static func rolloff(_ s: UnsafePointer<Float>, count: Int, binHertz: Double, fraction: Double) -> Double {
        var total = 0.0
        for k in 0 ..< count { total += Double(s[k]) }
        let threshold = fraction * total
        var running = 0.0
        for k in 0 ..< count {
            running += Double(s[k])
            if running >= threshold { return Double(k) * binHertz }
        }
        return Double(count - 1) * binHertz
    }

    /// `Σ max(0, s[k] − previous[k])`.
    public static func flux(_ s: UnsafePointer<Float>, previous: UnsafePointer<Float>, count: Int) -> Double {
        var sum = 0.0
        for k in 0 ..< count {
            let d = Double(s[k]) - Double(previous[k])
            if d > 0 { sum += d }
        }
        return sum
    }

    /// `ln(floor(Σ S))` over `bandCount` equal-width bands in `[minHertz, maxHertz]`, into `out`.
    public static func logBandEnergies(_ s: UnsafePointer<Float>, count: Int, binHertz: Double, bandCount: Int,
                                       minHertz: Double, maxHertz: Double, floor: LogFloor,
                                       into out: UnsafeMutablePointer<Float>) {
        let width = (maxHertz - minHertz) / Double(bandCount)
        for b in 0 ..< bandCount { out[b] = 0 }
        for k in 0 ..< count {
            let f = Double(k) * binHertz
            guard f >= minHertz, f <= maxHertz else { continue }
            let b = Swift.min(bandCount - 1, Int((f - minHertz) / width))
            out[b] += s[k]
        }
        let log = LogCompression(base: .natural, floor: floor)
        log.apply(out, count: bandCount)
    }
}
