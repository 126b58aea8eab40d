// Requantization of four consecutive output channels at once, one per SIMD lane: the host SIMD
// kernels' counterpart of `AccumulatorRequantizer` (host builds only). Bit-exact with the scalar
// requantizers (HostSIMDKernelTests compares them on every shift).
#if !hasFeature(Embedded)

/// `ChannelRequantization.parameters` of channels `4g ..< 4g + 4` as lanes (built at load time,
/// kept by the convolution kernels on hosts): bias, Q31 multiplier, left and right shift, and the
/// rounding mask `2^right - 1`. Lanes past the last channel hold zeros (multiplier 0: the lane
/// yields the output offset, which no kernel stores).
public struct ChannelGroupParameters: Sendable {
    public var bias: SIMD4<Int32>
    public var multiplier: SIMD4<Int32>
    public var leftShift: SIMD4<Int32>
    public var rightShift: SIMD4<Int32>
    public var roundingMask: SIMD4<Int32>

    /// Regroups packed `[bias, multiplier, left, right]` channel parameters, four channels a group.
    static func groups(of parameters: [Int32]) -> [ChannelGroupParameters] {
        let channels = parameters.count / 4
        return stride(from: 0, to: channels, by: 4).map { first in
            var g = ChannelGroupParameters(bias: .zero, multiplier: .zero, leftShift: .zero, rightShift: .zero,
                                           roundingMask: .zero)
            for lane in 0 ..< min(4, channels - first) {
                let p = 4 * (first + lane)
                g.bias[lane] = parameters[p]
                g.multiplier[lane] = parameters[p + 1]
                g.leftShift[lane] = parameters[p + 2]
                g.rightShift[lane] = parameters[p + 3]
                g.roundingMask[lane] = (Int32(1) &<< parameters[p + 3]) &- 1
            }
            return g
        }
    }

    /// Bytes `groups` occupies.
    static func byteCount(_ groups: [ChannelGroupParameters]) -> Int { groups.count * MemoryLayout<Self>.stride }
}

/// Lane `i` of `values(acc, group: g)`: the requantized output of channel `4g + i` for
/// accumulator `acc[i]`, output offset added, not yet clamped; `int8(...)` clamps and narrows.
protocol ChannelGroupRequantizer {
    var minimum: Int32 { get }
    var maximum: Int32 { get }
    func values(_ accumulators: SIMD4<Int32>, group: Int) -> SIMD4<Int32>
}

extension ChannelGroupRequantizer {
    /// Two lane groups of requantized values (`values`) clamped to the activation range and
    /// narrowed to int8.
    @inline(__always)
    func int8(_ low: SIMD4<Int32>, _ high: SIMD4<Int32>) -> SIMD8<Int8> {
        clampedToInt8(SIMD8(lowHalf: low, highHalf: high), lower: minimum, upper: maximum)
    }
}

/// `ChannelRequantizer` (double rounding: CONV_2D, DEPTHWISE_CONV_2D) per lane, branch-free:
/// `x = (acc + bias) << left`; `high = floor((x·M + 2^30) / 2^31)` (= gemmlowp's
/// SaturatingRoundingDoublingHighMul for M >= 0, see `ChannelRequantizer`) from unsigned 32×32→64
/// products (PMULUDQ): with `u` the bits of `x` as UInt32, `x·M = u·M - 2^32·M·[x < 0]`, so
/// `high = lo32(floor((u·M + 2^30) / 2^31)) - 2M·[x < 0]` (mod 2^32, exact). Then
/// `RoundingDivideByPOT(high, right)`: `(high >> right) + [(high & mask) > (mask >> 1) + [high < 0]]`,
/// plus the output offset; the comparison as the sign of a difference (transparent integer
/// operators only, so nothing here can stay an out-of-line call).
struct DoubleRoundingGroupRequantizer: ChannelGroupRequantizer {
    let groups: UnsafePointer<ChannelGroupParameters>
    /// Whether any channel shifts left (skips the per-lane left shift when none does).
    let shiftsLeft: Bool
    let outputOffset: SIMD4<Int32>
    let minimum: Int32, maximum: Int32

    init(groups: UnsafePointer<ChannelGroupParameters>, count: Int, outputOffset: Int32, minimum: Int32, maximum: Int32) {
        self.groups = groups
        var left = false
        for g in 0 ..< count where groups[g].leftShift != .zero { left = true }
        shiftsLeft = left
        self.outputOffset = SIMD4(repeating: outputOffset)
        self.minimum = minimum
        self.maximum = maximum
    }

    @inline(__always)
    func values(_ accumulators: SIMD4<Int32>, group g: Int) -> SIMD4<Int32> {
        let p = groups + g
        var x = accumulators &+ p.pointee.bias
        if shiftsLeft { x = x &<< p.pointee.leftShift }
        let multiplier = p.pointee.multiplier
        let bits = unsafeBitCast(x, to: SIMD2<UInt64>.self)
        let m = unsafeBitCast(multiplier, to: SIMD2<UInt64>.self)
        let low32 = SIMD2<UInt64>(repeating: 0xFFFF_FFFF), half = SIMD2<UInt64>(repeating: 1 << 30)
        let even = (((bits & low32) &* (m & low32)) &+ half) &>> 31
        let odd = (((bits &>> 32) &* (m &>> 32)) &+ half) &>> 31
        let unsignedHigh = unsafeBitCast((even & low32) | (odd &<< 32), to: SIMD4<Int32>.self)
        let high = unsignedHigh &- ((x &>> 31) & (multiplier &<< 1))
        let mask = p.pointee.roundingMask
        let threshold = (mask &>> 1) &- (high &>> 31)
        // -1 exactly where `high & mask > threshold` (both in [-1, 2^31): the difference cannot wrap).
        let roundUp = (threshold &- (high & mask)) &>> 31
        return (high &>> p.pointee.rightShift) &- roundUp &+ outputOffset
    }
}

/// `SingleRoundingRequantizer` (FULLY_CONNECTED) lane by lane: its 64-bit rounding shift has no
/// cheap SSE2 form, and fully connected layers requantize few values.
struct SingleRoundingGroupRequantizer: ChannelGroupRequantizer {
    let parameters: UnsafePointer<Int32>
    /// Channels in `parameters`; lanes past the last one yield 0 (and read nothing).
    let channels: Int
    let outputOffset: Int32
    let minimum: Int32, maximum: Int32

    init(parameters: UnsafePointer<Int32>, channels: Int, outputOffset: Int32, minimum: Int32, maximum: Int32) {
        self.parameters = parameters
        self.channels = channels
        self.outputOffset = outputOffset
        self.minimum = minimum
        self.maximum = maximum
    }

    @inline(__always)
    func values(_ accumulators: SIMD4<Int32>, group g: Int) -> SIMD4<Int32> {
        var out = SIMD4<Int32>()
        for lane in 0 ..< min(4, channels &- 4 &* g) {
            let p = parameters + ((4 &* g &+ lane) &<< 2)
            out[lane] = multiplyByQuantizedMultiplierSingleRounding(accumulators[lane] &+ p[0], p[1], p[2] &- p[3])
                &+ outputOffset
        }
        return out
    }
}
#endif
