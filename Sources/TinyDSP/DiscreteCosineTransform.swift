/// Scaling of the DCT-II that turns log-mel energies into cepstral coefficients.
///
/// With the plain sum `S[k] = Σₙ x[n]·cos(πk(2n+1)/(2N))`:
/// - `none`: `y[k] = 2·S[k]` (`scipy.fft.dct(type=2, norm=None)`, `tf.signal.dct(type=2)`).
/// - `orthonormal`: `y[0] = √(1/N)·S[0]`, `y[k] = √(2/N)·S[k]` (`norm='ortho'`, librosa's default).
/// - `tensorflow`: `y[k] = 2·S[k] / √(2N) = √(2/N)·S[k]` for every `k`
///   (`tf.signal.mfccs_from_log_mel_spectrograms`, MLPerf KWS, CMSIS-DSP `mfcc.dctMatrix`).
public enum DCTNormalization: Sendable, Equatable {
    case none
    case orthonormal
    case tensorflow
}

/// A DCT-II from `inputCount` log energies to the first `outputCount` coefficients, as a dense
/// `outputCount × inputCount` matrix built once in `Double` (rounded to `Float`), with optional
/// sinusoidal liftering `y[k] ×= 1 + (L/2)·sin(π(k+1)/L)` (librosa's `lifter=L`; `L = 0` is off).
public struct DiscreteCosineTransform: Sendable {
    public let inputCount: Int
    public let outputCount: Int
    public let normalization: DCTNormalization
    public let lifter: Double
    public private(set) var matrix: [Float]

    public init(inputCount: Int, outputCount: Int, normalization: DCTNormalization, lifter: Double = 0) throws(DSPError) {
        guard inputCount > 0 else { throw DSPError("DCT input count must be positive (got \(inputCount))") }
        guard outputCount > 0, outputCount <= inputCount else {
            throw DSPError("DCT coefficient count must be 1…\(inputCount) (got \(outputCount))")
        }
        guard lifter >= 0 else { throw DSPError("lifter must be ≥ 0 (got \(lifter))") }
        self.inputCount = inputCount
        self.outputCount = outputCount
        self.normalization = normalization
        self.lifter = lifter
        let n = Double(inputCount)
        matrix = [Float](repeating: 0, count: outputCount * inputCount)
        for k in 0 ..< outputCount {
            var scale: Double
            switch normalization {
            case .none: scale = 2
            case .orthonormal: scale = k == 0 ? (1 / n).squareRoot() : (2 / n).squareRoot()
            case .tensorflow: scale = (2 / n).squareRoot()
            }
            if lifter > 0 { scale *= 1 + lifter / 2 * PortableMath.sine(PortableMath.pi * Double(k + 1) / lifter) }
            for i in 0 ..< inputCount {
                matrix[k * inputCount + i] = Float(scale * PortableMath.cosine(PortableMath.pi * Double(k) * (2 * Double(i) + 1) / (2 * n)))
            }
        }
    }

    /// `out[k] = Σᵢ matrix[k·N + i] · input[i]`, `N = inputCount`, summed as four interleaved
    /// partial sums `s_l` over `i ≡ l mod 4` (in ascending `i`; the `N mod 4` last terms go to `s₀`)
    /// added as `(s₀ + s₁) + (s₂ + s₃)` — independent chains that pipeline, the four lanes of one
    /// SIMD register. Rows go in pairs that share each load of `input`.
    @inline(__always)
    public func apply(_ input: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let n = inputCount
        matrix.withUnsafeBufferPointer { m in
            let base = m.baseAddress!
            var k = 0
            while k + 2 <= outputCount {
                let a = base + k * n, b = a + n
                var sa = SIMD4<Float>(repeating: 0), sb = sa
                var i = 0
                while i + 4 <= n {
                    let x = Self.load4(input + i)
                    sa += Self.load4(a + i) * x
                    sb += Self.load4(b + i) * x
                    i += 4
                }
                out[k] = Self.finish(sa, a, input, from: i, to: n)
                out[k + 1] = Self.finish(sb, b, input, from: i, to: n)
                k += 2
            }
            if k < outputCount {
                let a = base + k * n
                var sa = SIMD4<Float>(repeating: 0)
                var i = 0
                while i + 4 <= n {
                    sa += Self.load4(a + i) * Self.load4(input + i)
                    i += 4
                }
                out[k] = Self.finish(sa, a, input, from: i, to: n)
            }
        }
    }

    @inline(__always)
    private static func load4(_ p: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Float>.self)
    }

    /// Adds the tail terms `i ..< n` to lane 0, then `(s₀ + s₁) + (s₂ + s₃)`.
    @inline(__always)
    private static func finish(_ s: SIMD4<Float>, _ row: UnsafePointer<Float>, _ input: UnsafePointer<Float>,
                               from start: Int, to n: Int) -> Float {
        var s0 = s[0]
        var i = start
        while i < n {
            s0 += row[i] * input[i]
            i += 1
        }
        return (s0 + s[1]) + (s[2] + s[3])
    }
}
