/// Spectral `FrameStatistic`s of one spectrum `S[0 ..< count]` whose bin `k` sits at `k·binHertz`
/// Hz (definitions in `FrameStatistic`). The shape statistics (centroid … flux) sum in `Double`; band
/// energies, the per-frame features of the vibration pipeline, in `Float` over bins found once.
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

    /// The bins of `bandCount` equal-width bands in `[minHertz, maxHertz]` (the `logBandEnergies`
    /// partition, set up once): bin `k` at `f = k·binHertz` with `minHertz ≤ f ≤ maxHertz` belongs to
    /// band `min(bandCount − 1, ⌊(f − minHertz)/w⌋)`, `w = (maxHertz − minHertz)/bandCount`, computed in
    /// `Double`. The band index never decreases with `k`, so each band is one run of bins (possibly
    /// empty), returned in band order.
    public static func bandBins(count: Int, binHertz: Double, bandCount: Int, minHertz: Double,
                                maxHertz: Double) -> [Range<Int>] {
        let width = (maxHertz - minHertz) / Double(bandCount)
        var lower = [Int](repeating: count, count: bandCount)
        var upper = [Int](repeating: count, count: bandCount)
        for k in 0 ..< count {
            let f = Double(k) * binHertz
            guard f >= minHertz, f <= maxHertz else { continue }
            let b = Swift.min(bandCount - 1, Int((f - minHertz) / width))
            if lower[b] == count { lower[b] = k }
            upper[b] = k + 1
        }
        return (0 ..< bandCount).map { lower[$0] == count ? 0 ..< 0 : lower[$0] ..< upper[$0] }
    }

    /// `out[b] = ln(floor(Σ_{k ∈ bands[b]} S[k]))`, each band summed in ascending bin order, then the
    /// `Float` logarithm (`LogCompression`, natural base).
    public static func logBandEnergies(_ s: UnsafePointer<Float>, bands: [Range<Int>], floor: LogFloor,
                                       into out: UnsafeMutablePointer<Float>) {
        for (b, bins) in bands.enumerated() {
            var sum: Float = 0
            for k in bins { sum += s[k] }
            out[b] = sum
        }
        let log = LogCompression(base: .natural, floor: floor)
        log.apply(out, count: bands.count)
    }
}
