/// Int8 matrix product with per-column requantization, the core of CONV_2D (pointwise rows or
/// im2col patches) and FULLY_CONNECTED:
///
///     output[r * outputStride + c] = requantizer(Σ_k lhs[r * lhsStride + k] * rhs[c * depth + k], channel: c)
///
/// for `r` in `0 ..< rows`, `c` in `0 ..< columns` (`rhs` rows are the filters, OHWI / `[out, in]`,
/// so both operands run along `k` contiguously). Exact int32 sums, so any order gives the
/// reference result.
///
/// Blocking: 2 lhs rows × 2 rhs rows at a time (four accumulators sharing every load; the compiler merges the repeated loads and lane splits), then a
/// 1 × 2 / 2 × 1 edge and a final 1 × 1. The depth runs four bytes at a time through
/// `dotProduct4` (on Cortex-M: one word load per operand, SXTB16 + SMLAD), then a scalar tail.
@inline(__always)
func matrixMultiplyInt8<R: AccumulatorRequantizer>(
    lhs: UnsafePointer<Int8>, lhsStride: Int, rows: Int,
    rhs: UnsafePointer<Int8>, columns: Int, depth: Int,
    output: UnsafeMutablePointer<Int8>, outputStride: Int, requantizer: R
) {
    var r = 0
    while r + 2 <= rows {
        let a0 = lhs + r * lhsStride, a1 = a0 + lhsStride
        let o0 = output + r * outputStride, o1 = o0 + outputStride
        var c = 0
        while c + 2 <= columns {
            let b0 = rhs + c * depth
            let s = dotProduct2x2(a0, a1, b0, b0 + depth, depth: depth)
            o0[c] = requantizer(s.0, channel: c)
            o0[c + 1] = requantizer(s.1, channel: c + 1)
            o1[c] = requantizer(s.2, channel: c)
            o1[c + 1] = requantizer(s.3, channel: c + 1)
            c += 2
        }
        if c < columns {
            let s = dotProduct1x2(rhs + c * depth, a0, a1, depth: depth)
            o0[c] = requantizer(s.0, channel: c)
            o1[c] = requantizer(s.1, channel: c)
        }
        r += 2
    }
    if r < rows {
        let a0 = lhs + r * lhsStride, o0 = output + r * outputStride
        var c = 0
        while c + 2 <= columns {
            let b0 = rhs + c * depth
            let s = dotProduct1x2(a0, b0, b0 + depth, depth: depth)
            o0[c] = requantizer(s.0, channel: c)
            o0[c + 1] = requantizer(s.1, channel: c + 1)
            c += 2
        }
        if c < columns { o0[c] = requantizer(dotProductInt8(a0, rhs + c * depth, count: depth), channel: c) }
    }
}

/// `(a0·b0, a0·b1, a1·b0, a1·b1)` over `depth` int8 pairs.
@inline(__always)
func dotProduct2x2(_ a0: UnsafePointer<Int8>, _ a1: UnsafePointer<Int8>, _ b0: UnsafePointer<Int8>,
                   _ b1: UnsafePointer<Int8>, depth: Int) -> (Int32, Int32, Int32, Int32) {
    var s00: Int32 = 0, s01: Int32 = 0, s10: Int32 = 0, s11: Int32 = 0
    var k = 0
    while k &+ 4 <= depth {
        s00 = dotProduct4(a0 + k, b0 + k, s00)
        s01 = dotProduct4(a0 + k, b1 + k, s01)
        s10 = dotProduct4(a1 + k, b0 + k, s10)
        s11 = dotProduct4(a1 + k, b1 + k, s11)
        k &+= 4
    }
    while k < depth {
        let x0 = Int32(a0[k]), x1 = Int32(a1[k]), w0 = Int32(b0[k]), w1 = Int32(b1[k])
        s00 &+= x0 &* w0
        s01 &+= x0 &* w1
        s10 &+= x1 &* w0
        s11 &+= x1 &* w1
        k &+= 1
    }
    return (s00, s01, s10, s11)
}

/// `(a·b0, a·b1)` over `depth` int8 pairs.
@inline(__always)
func dotProduct1x2(_ a: UnsafePointer<Int8>, _ b0: UnsafePointer<Int8>, _ b1: UnsafePointer<Int8>,
                   depth: Int) -> (Int32, Int32) {
    var s0: Int32 = 0, s1: Int32 = 0
    var k = 0
    while k &+ 4 <= depth {
        s0 = dotProduct4(a + k, b0 + k, s0)
        s1 = dotProduct4(a + k, b1 + k, s1)
        k &+= 4
    }
    while k < depth {
        let x = Int32(a[k])
        s0 &+= x &* Int32(b0[k])
        s1 &+= x &* Int32(b1[k])
        k &+= 1
    }
    return (s0, s1)
}
