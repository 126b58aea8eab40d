/// Streaming rational resampler by `up/down` with a polyphase FIR: the exact output of
/// `scipy.signal.resample_poly(x, up, down)` (zero padding at both ends), computed block by block
/// with the state carried across blocks, so the concatenated output is the same whatever the
/// block sizes. Imports nothing (portable: host and Embedded Swift); the filter taps come from
/// `PolyphaseResampler(inputRate:outputRate:)` (TinyIO's `ResamplerDesign.swift`) or the caller.
///
/// Math. With the FIR `h` of length L (centre `halfLength = (L-1)/2`) and the zero-stuffed input
/// `u[i] = x[i/up]` when `up` divides i (0 ≤ i/up < N), else 0, output m is
///
///     y[m] = Σ_{s=0}^{L-1} h[s] · u[m·down + halfLength − s],      0 ≤ m < ceil(N·up/down)
///
/// i.e. the filter centred at instant m·down of the upsampled stream. Only every up-th tap meets
/// a non-zero sample: with t = m·down + halfLength, n = ⌊t/up⌋ and phase p = t − n·up,
///
///     y[m] = Σ_{k=0}^{K-1} h[p + k·up] · x[n − k]        (x[<0] = 0, h[≥L] = 0)
///
/// so each output is one dot product of K = ⌈L/up⌉ taps (branch p, stored reversed and padded to a
/// multiple of 8 for SIMD) with the newest inputs. Output m is emitted as soon as x[n] has arrived;
/// `finish` supplies the trailing zeros and emits the remaining outputs up to ceil(N·up/down).
///
/// Cost: K multiply-adds per output; no allocation after `init` (internal chunks of
/// `chunkSize` inputs). Accumulation is in `Float` over 8 lanes, so results differ from scipy's
/// float64 by float rounding only (≈1e-7 of the signal's peak).
public struct PolyphaseResampler {
    /// Upsampling factor (after dividing by gcd with `down`).
    public let up: Int
    /// Downsampling factor.
    public let down: Int
    /// Index of the filter's centre tap, (L-1)/2; the group delay in upsampled samples.
    public let halfLength: Int
    /// Taps per polyphase branch, padded to a multiple of 8.
    public let branchLength: Int
    /// Inputs copied into the history per step.
    public let chunkSize: Int

    /// `up` branches of `branchLength` taps: `branches[p·K + j] = h[p + (K−1−j)·up]` (0 past L).
    private let branches: [Float]
    /// The last K−1 inputs followed by up to `chunkSize` new ones (zeros before the first input).
    private var history: [Float]
    private var historyCount: Int
    /// Absolute input index of `history[0]` (negative while the leading zeros are in view).
    private var historyStart: Int
    /// Samples in hand: real inputs, plus trailing zeros while finishing.
    private var availableCount = 0
    /// Real inputs received since the last reset.
    public private(set) var inputCount = 0
    /// Outputs emitted since the last reset.
    public private(set) var outputCount = 0

    /// A resampler by `up/down` (both ≥ 1, reduced by their gcd here) with FIR `taps` (at least one,
    /// designed for the upsampled rate with DC gain `up`, as `resample_poly` scales them).
    public init(up: Int, down: Int, taps: [Float], chunkSize: Int = 1024) {
        precondition(up >= 1 && down >= 1, "PolyphaseResampler: up and down must be >= 1")
        precondition(!taps.isEmpty, "PolyphaseResampler: taps must not be empty")
        precondition(chunkSize >= 1, "PolyphaseResampler: chunkSize must be >= 1")
        let divisor = Self.gcd(up, down)
        self.up = up / divisor
        self.down = down / divisor
        halfLength = (taps.count - 1) / 2
        let unpadded = (taps.count + self.up - 1) / self.up
        branchLength = (unpadded + 7) / 8 * 8
        self.chunkSize = chunkSize
        var branches = [Float](repeating: 0, count: self.up * branchLength)
        for p in 0 ..< self.up {
            for j in 0 ..< branchLength {
                let tap = p + (branchLength - 1 - j) * self.up
                if tap < taps.count { branches[p * branchLength + j] = taps[tap] }
            }
        }
        self.branches = branches
        history = [Float](repeating: 0, count: branchLength - 1 + chunkSize)
        historyCount = branchLength - 1
        historyStart = -(branchLength - 1)
    }

    /// Outputs the whole input of `inputCount` samples yields: ceil(inputCount·up/down).
    public func totalOutputCount(forInputCount inputCount: Int) -> Int {
        (inputCount * up + down - 1) / down
    }

    /// The most outputs one `process` call on `inputCount` samples can emit: ceil(inputCount·up/down).
    public func maxOutputCount(forInputCount inputCount: Int) -> Int {
        totalOutputCount(forInputCount: inputCount)
    }

    /// Outputs `finish` will emit now: the total for the inputs so far minus those already emitted.
    public var pendingOutputCount: Int { totalOutputCount(forInputCount: inputCount) - outputCount }

    /// Consumes `input` and writes every output that is now complete to the front of `output`
    /// (which must hold `maxOutputCount(forInputCount: input.count)`); returns how many.
    public mutating func process(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) -> Int {
        var consumed = 0
        var produced = 0
        while consumed < input.count {
            let n = min(chunkSize, input.count - consumed)
            history.withUnsafeMutableBufferPointer { h in
                (h.baseAddress! + historyCount).update(from: input.baseAddress! + consumed, count: n)
            }
            historyCount += n
            availableCount += n
            inputCount += n
            consumed += n
            produced += emit(into: output, at: produced, limit: Int.max)
            keepTail()
        }
        return produced
    }

    /// Ends the stream: emits the last `pendingOutputCount` outputs into `output` (as if zeros
    /// followed the input), returns how many, and resets for a new stream.
    public mutating func finish(into output: UnsafeMutableBufferPointer<Float>) -> Int {
        let total = totalOutputCount(forInputCount: inputCount)
        var produced = 0
        while outputCount < total {
            let needed = (((total - 1) * down + halfLength) / up) + 1 - availableCount
            let n = min(chunkSize, max(needed, 0))
            history.withUnsafeMutableBufferPointer { h in
                (h.baseAddress! + historyCount).initialize(repeating: 0, count: n)
            }
            historyCount += n
            availableCount += n
            produced += emit(into: output, at: produced, limit: total)
            keepTail()
        }
        reset()
        return produced
    }

    /// Forgets all input: the next sample is input 0 of a new stream.
    public mutating func reset() {
        history.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        historyCount = branchLength - 1
        historyStart = -(branchLength - 1)
        availableCount = 0
        inputCount = 0
        outputCount = 0
    }

    /// The whole of `input` resampled at once (process + finish): `resample_poly(input, up, down)`.
    public mutating func resample(_ input: [Float]) -> [Float] {
        reset()
        var output = [Float](repeating: 0, count: totalOutputCount(forInputCount: input.count))
        output.withUnsafeMutableBufferPointer { out in
            let head = input.withUnsafeBufferPointer { process($0, into: out) }
            _ = finish(into: UnsafeMutableBufferPointer(rebasing: out[head...]))
        }
        return output
    }

    /// Emits outputs whose newest input is in hand, up to output index `limit` (exclusive).
    private mutating func emit(into output: UnsafeMutableBufferPointer<Float>, at offset: Int, limit: Int) -> Int {
        var produced = 0
        let k = branchLength
        branches.withUnsafeBufferPointer { taps in
        history.withUnsafeBufferPointer { samples in
            while outputCount < limit {
                let t = outputCount * down + halfLength
                let newest = t / up
                if newest >= availableCount { break }
                let phase = t - newest * up
                let start = newest - (k - 1) - historyStart
                output[offset + produced] = Self.dot8(taps.baseAddress! + phase * k, samples.baseAddress! + start, count: k)
                produced += 1
                outputCount += 1
            }
        }}
        return produced
    }

    /// Keeps the newest K−1 samples at the front of the history (the most any later output reads
    /// from before the next chunk).
    private mutating func keepTail() {
        let keep = branchLength - 1
        let drop = historyCount - keep
        guard drop > 0 else { return }
        history.withUnsafeMutableBufferPointer { h in
            h.baseAddress!.update(from: h.baseAddress! + drop, count: keep)
        }
        historyCount = keep
        historyStart += drop
    }

    /// Σ a[i]·b[i] over `count` (a multiple of 8) elements, 8 lanes at a time.
    @inline(__always)
    private static func dot8(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        var acc = SIMD8<Float>()
        var i = 0
        while i < count {
            let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD8<Float>.self)
            let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD8<Float>.self)
            acc += x * y   // not addingProduct: without FMA in the target baseline that calls fmaf per lane
            i += 8
        }
        return acc.sum()
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
