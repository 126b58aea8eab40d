// DEPTHWISE_CONV_2D on hosts: eight channels per step in int16 lanes (host builds only).
#if !hasFeature(Embedded)

extension DepthwiseConv2DInt8 {
    /// Host workspace: none (the accumulators live in registers).
    public var workspaceBytes: Int { 0 }

    /// `evaluate`'s result: `depthwiseConvolveInt16Lanes` for depth multiplier 1, `evaluate`
    /// for other multipliers.
    public func evaluateSIMD(_ memory: TensorMemory) {
        if depthMultiplier != 1 {
            evaluate(memory)
            return
        }
        channelGroups.withUnsafeBufferPointer { groups in
            let requantizer = DoubleRoundingGroupRequantizer(groups: groups.baseAddress!, count: groups.count,
                                                             outputOffset: outputOffset, minimum: activationMin,
                                                             maximum: activationMax)
            depthwiseConvolveInt16Lanes(window: window, channels: inputChannels, input: memory.int8(input),
                                        weights: memory.int8(filter), inputOffset: inputOffset,
                                        output: memory.int8(output), requantizer: requantizer)
        }
    }
}

/// DEPTHWISE_CONV_2D with depth multiplier 1 (same math as `DepthwiseConv2DInt8`):
///
///     out[b, oy, ox, c] = requantizer(Σ_taps w[fy, fx, c] * (x[b, iy, ix, c] + inputOffset), channel: c)
///
/// over in-image taps, per output pixel eight channels at a time: each tap adds
/// `Int32(w * (x + inputOffset))` with the product taken in int16 lanes (PMULLW), which is exact:
/// input zero points lie in [-128, 127] (`OperatorContext`), so `|x + inputOffset| <= 255` and
/// `|w * (x + inputOffset)| <= 255 * 128 = 32640 < 2^15`. The eight sums are requantized as two
/// channel groups (bias included). A last block of fewer than eight channels loads and stores only
/// its channels. Exact integer sums, so bit-identical to the portable kernel.
func depthwiseConvolveInt16Lanes(
    window w: Window2D, channels: Int, input: UnsafePointer<Int8>, weights: UnsafePointer<Int8>,
    inputOffset: Int32, output: UnsafeMutablePointer<Int8>, requantizer: DoubleRoundingGroupRequantizer
) {
    let offset = SIMD8<Int16>(repeating: Int16(truncatingIfNeeded: inputOffset))
    let rowStride = w.inputWidth &* channels
    let tapStepY = w.dilationHeight &* rowStride, tapStepX = w.dilationWidth &* channels
    let filterRowStride = w.filterWidth &* channels
    var out = output
    for b in 0 ..< w.batches {
        let image = input + b &* w.inputHeight &* rowStride
        for oy in 0 ..< w.outputHeight {
            let originY = oy &* w.strideHeight &- w.padTop
            let rows = w.tapRange(origin: originY, vertical: true)
            for ox in 0 ..< w.outputWidth {
                let originX = ox &* w.strideWidth &- w.padLeft
                let columns = w.tapRange(origin: originX, vertical: false)
                // First in-image tap of input and filter.
                let firstInput = image + ((originY &+ rows.lowerBound &* w.dilationHeight) &* rowStride
                    &+ (originX &+ columns.lowerBound &* w.dilationWidth) &* channels)
                let firstWeight = weights + (rows.lowerBound &* filterRowStride &+ columns.lowerBound &* channels)
                let taps = DepthwiseTaps(input: firstInput, weights: firstWeight, rows: rows.count,
                                         columns: columns.count, inputRowStep: tapStepY, inputColumnStep: tapStepX,
                                         weightRowStep: filterRowStride, weightColumnStep: channels)
                var c = 0
                while c &+ 8 <= channels {
                    let acc = taps.sums(channel: c, count: 8, offset: offset)
                    let bytes = requantizer.int8(requantizer.values(acc.lowHalf, group: c &>> 2),
                                                 requantizer.values(acc.highHalf, group: (c &>> 2) &+ 1))
                    UnsafeMutableRawPointer(out + c).storeBytes(of: bytes, as: SIMD8<Int8>.self)
                    c &+= 8
                }
                if c < channels {
                    let count = channels &- c
                    let acc = taps.sums(channel: c, count: count, offset: offset)
                    let low = requantizer.values(acc.lowHalf, group: c &>> 2)
                    let high = count > 4 ? requantizer.values(acc.highHalf, group: (c &>> 2) &+ 1) : low
                    let bytes = requantizer.int8(low, high)
                    for i in 0 ..< count { out[c &+ i] = bytes[i] }
                }
                out += channels
            }
        }
    }
}

/// The in-image taps of one output pixel: `rows × columns` input pixels and filter taps, from the
/// first ones at `input` / `weights`, stepping by the given strides (bytes).
struct DepthwiseTaps {
    let input: UnsafePointer<Int8>, weights: UnsafePointer<Int8>
    let rows: Int, columns: Int
    let inputRowStep: Int, inputColumnStep: Int, weightRowStep: Int, weightColumnStep: Int

    /// Lane `i`: `Σ_taps Int32(w[c + i] * (x[c + i] + offset))` for `i < count` (1...8), 0 after.
    @inline(__always)
    func sums(channel c: Int, count: Int, offset: SIMD8<Int16>) -> SIMD8<Int32> {
        var acc = SIMD8<Int32>()
        var inputRow = input + c, weightRow = weights + c
        for _ in 0 ..< rows {
            var x = inputRow, f = weightRow
            for _ in 0 ..< columns {
                let product = (loadInt16(x, count: count) &+ offset) &* loadInt16(f, count: count)
                acc &+= widenedToInt32(product)
                x += inputColumnStep
                f += weightColumnStep
            }
            inputRow += inputRowStep
            weightRow += weightRowStep
        }
        return acc
    }
}

/// `count` (1...8) int8 values at `p` sign-extended to int16 lanes, zeros after them; reads
/// nothing past `p + count`.
@inline(__always)
func loadInt16(_ p: UnsafePointer<Int8>, count: Int) -> SIMD8<Int16> {
    if count == 8 { return widenedToInt16(UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Int8>.self)) }
    var v = SIMD8<Int16>()
    for i in 0 ..< count { v[i] = Int16(p[i]) }
    return v
}
#endif
