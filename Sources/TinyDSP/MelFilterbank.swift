/// A mel filterbank stored sparse: for each band, the first FFT bin it touches and its run of
/// weights (zeros outside the run are not stored), so applying it costs one multiply-add per
/// nonzero weight (~2 per bin) instead of `bands × bins`.
///
/// `apply` computes `out[b] = Σⱼ weights[offset_b + j] · spectrum[startBin_b + j]` in `Float`.
/// Weights are computed in `Double` (see `MelFilterbankConfiguration`) and rounded once to `Float`.
/// With FFT size `N` and rate `fs`, bin `k` sits at `k·fs/N` Hz, `k = 0 … N/2`.
/// A band narrower than the bin spacing may touch no bin: it is kept (output 0) and listed in
/// `emptyBands`, as librosa warns rather than fails.
public struct MelFilterbank: Sendable {
    public let configuration: MelFilterbankConfiguration
    public let binCount: Int
    public private(set) var startBins: [Int] = []
    public private(set) var weightOffsets: [Int] = []
    public private(set) var lengths: [Int] = []
    public private(set) var weights: [Float] = []

    public var bandCount: Int { configuration.bandCount }

    public init(_ configuration: MelFilterbankConfiguration, sampleRate: Double, fftSize: Int) throws(DSPError) {
        let c = configuration
        guard c.bandCount > 0 else { throw DSPError("mel band count must be positive (got \(c.bandCount))") }
        guard sampleRate > 0 else { throw DSPError("sample rate must be positive (got \(sampleRate))") }
        guard fftSize >= 2 else { throw DSPError("FFT size must be at least 2 (got \(fftSize))") }
        // More bands than bins is a corrupt count (a device image or spec can hold any), not a filterbank.
        guard c.bandCount <= fftSize / 2 + 1 else {
            throw DSPError("mel band count \(c.bandCount) exceeds the \(fftSize / 2 + 1) bins of a \(fftSize)-point FFT")
        }
        guard c.minHertz >= 0, c.minHertz < c.maxHertz, c.maxHertz <= sampleRate / 2 else {
            throw DSPError("mel range must satisfy 0 ≤ minHz < maxHz ≤ sampleRate/2 (got \(c.minHertz)–\(c.maxHertz) Hz at \(sampleRate) Hz)")
        }
        self.configuration = c
        binCount = fftSize / 2 + 1
        let lowMel = c.scale.mel(fromHertz: c.minHertz), highMel = c.scale.mel(fromHertz: c.maxHertz)
        var edgesMel = [Double](repeating: 0, count: c.bandCount + 2)
        var edgesHz = edgesMel
        for i in 0 ..< edgesMel.count {
            // numpy.linspace: start + i·step, the last point exact.
            let m = i == edgesMel.count - 1 ? highMel
                : lowMel + Double(i) * (highMel - lowMel) / Double(edgesMel.count - 1)
            edgesMel[i] = m
            edgesHz[i] = c.scale.hertz(fromMel: m)
        }
        var dense = [Double](repeating: 0, count: binCount)
        for band in 0 ..< c.bandCount {
            for k in 0 ..< binCount {
                let hz = Double(k) * sampleRate / Double(fftSize)
                let w: Double
                switch c.triangles {
                case .hertz:
                    let lower = (hz - edgesHz[band]) / (edgesHz[band + 1] - edgesHz[band])
                    let upper = (edgesHz[band + 2] - hz) / (edgesHz[band + 2] - edgesHz[band + 1])
                    w = Swift.max(0, Swift.min(lower, upper))
                case .mel:
                    if k == 0 { w = 0; break }
                    let m = c.scale.mel(fromHertz: hz)
                    let lower = (m - edgesMel[band]) / (edgesMel[band + 1] - edgesMel[band])
                    let upper = (edgesMel[band + 2] - m) / (edgesMel[band + 2] - edgesMel[band + 1])
                    w = Swift.max(0, Swift.min(lower, upper))
                }
                dense[k] = w
            }
            var factor = 1.0
            switch c.normalization {
            case .none: break
            case .slaney: factor = 2 / (edgesHz[band + 2] - edgesHz[band])
            case .l1:
                let n = dense.reduce(0) { $0 + $1.magnitude }
                if n > 0 { factor = 1 / n }
            case .l2:
                let n = dense.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if n > 0 { factor = 1 / n }
            case .max:
                let n = dense.reduce(0) { Swift.max($0, $1.magnitude) }
                if n > 0 { factor = 1 / n }
            }
            var first = 0
            while first < binCount, dense[first] == 0 { first += 1 }
            var last = binCount - 1
            while last >= first, dense[last] == 0 { last -= 1 }
            startBins.append(first < binCount ? first : 0)
            weightOffsets.append(weights.count)
            lengths.append(Swift.max(0, last - first + 1))
            if last >= first {
                for k in first ... last { weights.append(Float(dense[k] * factor)) }
            }
        }
    }

    /// Bands whose triangle touches no FFT bin (their output is always 0).
    public var emptyBands: [Int] { (0 ..< bandCount).filter { lengths[$0] == 0 } }

    /// The bins any band reads (`0 ..< 0` when every band is empty): a front end need compute no
    /// other spectrum bin.
    public var binsRead: Range<Int> {
        let used = (0 ..< bandCount).filter { lengths[$0] > 0 }
        guard let lo = used.map({ startBins[$0] }).min(), let hi = used.map({ startBins[$0] + lengths[$0] }).max() else {
            return 0 ..< 0
        }
        return lo ..< hi
    }

    /// Applies the bank: `spectrum` holds `binCount` values, `out` receives `bandCount`. Each band is
    /// one sequential sum in ascending bin order (runs are stored back to back, so band `b`'s
    /// weights follow band `b − 1`'s).
    @inline(__always)
    public func apply(_ spectrum: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        weights.withUnsafeBufferPointer { w in
            startBins.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lens in
                    guard var coefficients = w.baseAddress else {
                        out.update(repeating: 0, count: bandCount)
                        return
                    }
                    for b in 0 ..< starts.count {
                        let s = spectrum + starts[b]
                        let n = lens[b]
                        var sum: Float = 0
                        var j = n & 1
                        if j == 1 { sum += coefficients[0] * s[0] }
                        while j < n {
                            sum += coefficients[j] * s[j]
                            sum += coefficients[j + 1] * s[j + 1]
                            j += 2
                        }
                        out[b] = sum
                        coefficients += n
                    }
                }
            }
        }
    }

    /// The dense `[band][bin]` matrix (for inspection and tests).
    public func denseMatrix() -> [[Float]] {
        (0 ..< bandCount).map { b in
            var row = [Float](repeating: 0, count: binCount)
            for j in 0 ..< lengths[b] { row[startBins[b] + j] = weights[weightOffsets[b] + j] }
            return row
        }
    }
}
