/// DEPTHWISE_CONV_2D for depth multiplier 1 and a channel count divisible by 4, four channels at a
/// time with the four accumulators in registers (the Cortex-M path; same math as
/// `DepthwiseConv2DInt8`):
///
///     out[b, oy, ox, c] = requantizer(Σ_taps w[fy, fx, c] * (x[b, iy, ix, c] + inputOffset), channel: c)
///
/// over in-image taps. Per tap: one word of four inputs and one of four weights; SXTB16 splits each
/// into even channels (c, c+2) and odd channels (c+1, c+3) as 16-bit lanes, SADD16 adds the input
/// offset to both input lanes (`x + offset` lies in [-255, 255]), and SMLABB / SMLATT accumulate
/// one channel each: 2 loads + 10 DSP instructions per 4 MACs.
func depthwiseConvolveChannelQuads<R: AccumulatorRequantizer>(
    window w: Window2D, channels: Int, input: UnsafePointer<Int8>, weights: UnsafePointer<Int8>,
    inputOffset: Int32, output: UnsafeMutablePointer<Int8>, requantizer: R
) {
    let offsets = broadcastLanes(inputOffset)
    let rowStride = w.inputWidth &* channels
    let tapStepY = w.dilationHeight &* rowStride, tapStepX = w.dilationWidth &* channels
    let filterRowStride = w.filterWidth &* channels
    var out = output
    for b in 0 ..< w.batches {
        let image = input + (b &* w.inputHeight &* rowStride)
        for oy in 0 ..< w.outputHeight {
            let originY = oy &* w.strideHeight &- w.padTop
            let rows = w.tapRange(origin: originY, vertical: true)
            for ox in 0 ..< w.outputWidth {
                let originX = ox &* w.strideWidth &- w.padLeft
                let columns = w.tapRange(origin: originX, vertical: false)
                // First in-image tap of input and filter; pointer steps per tap row / column.
                let firstY = originY &+ rows.lowerBound &* w.dilationHeight
                let firstX = originX &+ columns.lowerBound &* w.dilationWidth
                let firstInput = image + (firstY &* rowStride &+ firstX &* channels)
                let firstWeight = weights + (rows.lowerBound &* filterRowStride &+ columns.lowerBound &* channels)
                let tapRows = rows.count, tapColumns = columns.count
                var c = 0
                while c < channels {
                    var a0: Int32 = 0, a1: Int32 = 0, a2: Int32 = 0, a3: Int32 = 0
                    var inputRow = firstInput + c, weightRow = firstWeight + c
                    for _ in 0 ..< tapRows {
                        if tapColumns == 3 { // the common 3-wide row, unrolled
                            accumulateTap(inputRow, weightRow, offsets, &a0, &a1, &a2, &a3)
                            accumulateTap(inputRow + tapStepX, weightRow + channels, offsets, &a0, &a1, &a2, &a3)
                            accumulateTap(inputRow + 2 &* tapStepX, weightRow + 2 &* channels, offsets,
                                          &a0, &a1, &a2, &a3)
                        } else {
                            var x = inputRow, f = weightRow
                            for _ in 0 ..< tapColumns {
                                accumulateTap(x, f, offsets, &a0, &a1, &a2, &a3)
                                x += tapStepX
                                f += channels
                            }
                        }
                        inputRow += tapStepY
                        weightRow += filterRowStride
                    }
                    out[c] = requantizer(a0, channel: c)
                    out[c &+ 1] = requantizer(a1, channel: c &+ 1)
                    out[c &+ 2] = requantizer(a2, channel: c &+ 2)
                    out[c &+ 3] = requantizer(a3, channel: c &+ 3)
                    c &+= 4
                }
                out += channels
            }
        }
    }
}

/// One filter tap for four channels: `a[i] += f[i] * (x[i] + offset)`, i = 0...3 (channel order
/// c, c+1, c+2, c+3; SXTB16 puts c, c+2 in the even word and c+1, c+3 in the odd one).
@inline(__always)
func accumulateTap(_ x: UnsafePointer<Int8>, _ f: UnsafePointer<Int8>, _ offsets: PackedInt16x2,
                   _ a0: inout Int32, _ a1: inout Int32, _ a2: inout Int32, _ a3: inout Int32) {
    let xv = loadWord(x, 0), fv = loadWord(f, 0)
    let xEven = addLanes(signExtendEvenBytes(xv), offsets), xOdd = addLanes(signExtendOddBytes(xv), offsets)
    let fEven = signExtendEvenBytes(fv), fOdd = signExtendOddBytes(fv)
    a0 = multiplyAccumulateLane0(xEven, fEven, a0)
    a2 = multiplyAccumulateLane1(xEven, fEven, a2)
    a1 = multiplyAccumulateLane0(xOdd, fOdd, a1)
    a3 = multiplyAccumulateLane1(xOdd, fOdd, a3)
}
