import Testing
@testable import TinyCore

/// The Cortex-M kernel building blocks on the host: the 16-bit lane primitives (portable emulation
/// of SXTB16/SADD16/SMLAD/SMLABB/SMLATT), the branch-free requantizer against TFLite's scalar
/// double rounding, the blocked int8 matrix product and the four-channel depthwise path against
/// plain loops. (On Cortex-M the same code runs the real instructions; Embedded/check.sh compares
/// those runs with the host and LiteRT.)
@Suite struct PackedKernelTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    @Test func lanePrimitivesMatchTheirDefinitions() {
        var g = Generator(state: 1)
        func bytes(_ w: UInt32) -> [Int32] { (0 ..< 4).map { Int32(Int8(truncatingIfNeeded: w >> (8 * UInt32($0)))) } }
        for _ in 0 ..< 20_000 {
            let a = UInt32.random(in: .min ... .max, using: &g), b = UInt32.random(in: .min ... .max, using: &g)
            let acc = Int32.random(in: -1_000_000 ... 1_000_000, using: &g)
            let x = bytes(a), y = bytes(b)
            let even = (signExtendEvenBytes(a), signExtendEvenBytes(b))
            let odd = (signExtendOddBytes(a), signExtendOddBytes(b))
            #expect(lane0(even.0) == x[0] && lane1(even.0) == x[2] && lane0(odd.0) == x[1] && lane1(odd.0) == x[3])
            let dot = dualMultiplyAccumulate(odd.0, odd.1, dualMultiplyAccumulate(even.0, even.1, acc))
            #expect(dot == acc + x[0] * y[0] + x[1] * y[1] + x[2] * y[2] + x[3] * y[3])
            #expect(multiplyAccumulateLane0(even.0, even.1, acc) == acc + x[0] * y[0])
            #expect(multiplyAccumulateLane1(odd.0, odd.1, acc) == acc + x[3] * y[3])
            let offset = Int32.random(in: -128 ... 127, using: &g)
            let shifted = addLanes(even.0, broadcastLanes(offset))
            #expect(lane0(shifted) == x[0] + offset && lane1(shifted) == x[2] + offset)
            var words = (a, b)
            let viaPointers = withUnsafeBytes(of: &words) { raw in
                let p = raw.baseAddress!.assumingMemoryBound(to: Int8.self)
                return dotProduct4(p, p + 4, acc)
            }
            #expect(viaPointers == acc + x[0] * y[0] + x[1] * y[1] + x[2] * y[2] + x[3] * y[3])
        }
    }

    /// `ChannelRequantizer` (SMULL-style high product) equals `multiplyByQuantizedMultiplier`
    /// followed by the offset and clamp, for extreme and random accumulators and every shift.
    @Test func requantizerMatchesDoubleRounding() {
        var g = Generator(state: 2)
        let specials: [Int32] = [.min, .min + 1, -1 << 30, -65536, -1, 0, 1, 65535, 1 << 30, .max - 1, .max]
        for shift in Int32(-31) ... 30 {
            for _ in 0 ..< 40 {
                let multiplier = Int32.random(in: (1 << 30) ... .max, using: &g)
                let bias = Int32.random(in: -100_000 ... 100_000, using: &g)
                let offset = Int32.random(in: -128 ... 127, using: &g)
                let parameters: [Int32] = [bias, multiplier, max(shift, 0), max(-shift, 0)]
                parameters.withUnsafeBufferPointer { p in
                    let rq = ChannelRequantizer(parameters: p.baseAddress!, outputOffset: offset, minimum: -128, maximum: 127)
                    for i in 0 ..< 60 {
                        let acc = i < specials.count ? specials[i] : Int32.random(in: .min ... .max, using: &g)
                        let want = multiplyByQuantizedMultiplier(acc &+ bias, multiplier, shift) &+ offset
                        #expect(Int32(rq(acc, channel: 0)) == max(-128, min(127, want)),
                                "acc \(acc) bias \(bias) M \(multiplier) shift \(shift)")
                    }
                }
            }
        }
    }

    /// Requantizes raw sums as `sum + bias[c]` clamped to int8, enough to compare exact sums.
    struct Clamp: AccumulatorRequantizer {
        let bias: [Int32]
        func callAsFunction(_ accumulator: Int32, channel: Int) -> Int8 {
            Int8(clamping: (accumulator &+ bias[channel]) >> 6)
        }
    }

    @Test func matrixProductMatchesPlainLoops() {
        var g = Generator(state: 3)
        for rows in 1 ... 5 {
            for columns in 1 ... 5 {
                for depth in [1, 3, 4, 5, 8, 13, 64] {
                    let lhs = (0 ..< rows * (depth + 2)).map { _ in Int8.random(in: .min ... .max, using: &g) }
                    let rhs = (0 ..< columns * depth).map { _ in Int8.random(in: .min ... .max, using: &g) }
                    let rq = Clamp(bias: (0 ..< columns).map { _ in Int32.random(in: -5000 ... 5000, using: &g) })
                    var got = [Int8](repeating: 0, count: rows * (columns + 1))
                    lhs.withUnsafeBufferPointer { l in rhs.withUnsafeBufferPointer { r in got.withUnsafeMutableBufferPointer { o in
                        matrixMultiplyInt8(lhs: l.baseAddress!, lhsStride: depth + 2, rows: rows, rhs: r.baseAddress!,
                                           columns: columns, depth: depth, output: o.baseAddress!,
                                           outputStride: columns + 1, requantizer: rq)
                    }}}
                    for i in 0 ..< rows {
                        for c in 0 ..< columns {
                            var sum: Int32 = 0
                            for k in 0 ..< depth { sum += Int32(lhs[i * (depth + 2) + k]) * Int32(rhs[c * depth + k]) }
                            #expect(got[i * (columns + 1) + c] == rq(sum, channel: c), "\(rows)x\(columns)x\(depth)")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: [(1, 1, 0), (2, 1, 1), (1, 2, 2), (2, 2, 1)])
    func depthwiseQuadsMatchPlainLoops(stride: Int, dilation: Int, padding: Int) {
        var g = Generator(state: 4 + UInt64(stride * 10 + dilation))
        let height = 7, width = 6, channels = 8, filter = 3
        let span = (filter - 1) * dilation + 1
        let window = Window2D(batches: 2, inputHeight: height, inputWidth: width,
                              outputHeight: (height + 2 * padding - span) / stride + 1,
                              outputWidth: (width + 2 * padding - span) / stride + 1, filterHeight: filter, filterWidth: filter, strideHeight: stride, strideWidth: stride,
                              dilationHeight: dilation, dilationWidth: dilation, padTop: padding, padLeft: padding)
        let input = (0 ..< 2 * height * width * channels).map { _ in Int8.random(in: .min ... .max, using: &g) }
        let weights = (0 ..< filter * filter * channels).map { _ in Int8.random(in: -127 ... 127, using: &g) }
        let offset = Int32.random(in: -127 ... 128, using: &g)
        let rq = Clamp(bias: (0 ..< channels).map { _ in Int32.random(in: -5000 ... 5000, using: &g) })
        var got = [Int8](repeating: 0, count: 2 * window.outputHeight * window.outputWidth * channels)
        input.withUnsafeBufferPointer { x in weights.withUnsafeBufferPointer { w in got.withUnsafeMutableBufferPointer { o in
            depthwiseConvolveChannelQuads(window: window, channels: channels, input: x.baseAddress!, weights: w.baseAddress!,
                                          inputOffset: offset, output: o.baseAddress!, requantizer: rq)
        }}}
        let sums = Self.depthwiseSums(window: window, channels: channels, input: input, weights: weights, inputOffset: offset)
        for (i, sum) in sums.enumerated() { #expect(got[i] == rq(sum, channel: i % channels)) }
    }

    /// `Σ w[fy, fx, c] * (x[b, iy, ix, c] + inputOffset)` over the in-image taps of every output
    /// element of a depth-multiplier-1 depthwise convolution (NHWC order): the plain loops.
    static func depthwiseSums(window w: Window2D, channels: Int, input: [Int8], weights: [Int8],
                              inputOffset: Int32) -> [Int32] {
        var sums: [Int32] = []
        for b in 0 ..< w.batches {
            for oy in 0 ..< w.outputHeight {
                for ox in 0 ..< w.outputWidth {
                    for c in 0 ..< channels {
                        var sum: Int32 = 0
                        for fy in 0 ..< w.filterHeight {
                            for fx in 0 ..< w.filterWidth {
                                let iy = oy * w.strideHeight - w.padTop + fy * w.dilationHeight
                                let ix = ox * w.strideWidth - w.padLeft + fx * w.dilationWidth
                                if iy < 0 || iy >= w.inputHeight || ix < 0 || ix >= w.inputWidth { continue }
                                let xv = Int32(input[((b * w.inputHeight + iy) * w.inputWidth + ix) * channels + c])
                                sum += Int32(weights[(fy * w.filterWidth + fx) * channels + c]) * (xv + inputOffset)
                            }
                        }
                        sums.append(sum)
                    }
                }
            }
        }
        return sums
    }
}
