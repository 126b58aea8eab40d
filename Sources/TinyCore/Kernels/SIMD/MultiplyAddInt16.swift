// The int16 multiply-add lanes of the host's SIMD kernels (host builds only; devices run the
// portable kernels). Written with Swift's SIMD types so that LLVM picks the instructions: on
// baseline x86-64 (SSE2) `multiplyAddAdjacent` is one PMADDWD, `EvenOddInt16(loading:)` one
// unaligned load and three shifts, `laneSums` six SHUFPS and three PADDD; other targets get the
// equivalent (NEON: SMULL/SADDLP-style sequences). All arithmetic is exact integer arithmetic,
// so any lane grouping gives the reference's sums.
#if !hasFeature(Embedded)

/// PMADDWD: `out[i] = a[2i] * b[2i] + a[2i+1] * b[2i+1]`, products and sum in Int32.
/// Exact unless all four inputs are -32768 (never for int8 data widened to int16).
@inline(__always)
func multiplyAddAdjacent(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
    let p = widenedToInt32(a) &* widenedToInt32(b)
    return p.evenHalf &+ p.oddHalf
}

/// Sixteen int8 values `v[0 ..< 16]` sign-extended to int16 and split by parity:
/// `even[i] = v[2i]`, `odd[i] = v[2i + 1]`. Read as eight little-endian 16-bit words `w[i]`
/// (`v[2i]` in the low byte), `even = (w << 8) >> 8` and `odd = w >> 8` (arithmetic shifts), so the
/// split costs no shuffle. Two split vectors multiply-add to four partial dot products:
/// `dot(a, b)[i] = a[4i]b[4i] + a[4i+1]b[4i+1] + a[4i+2]b[4i+2] + a[4i+3]b[4i+3]` — a permutation
/// of the terms of `Σ a[k] b[k]`, so the four lanes sum to it.
struct EvenOddInt16 {
    var even: SIMD8<Int16>
    var odd: SIMD8<Int16>

    @inline(__always)
    init(even: SIMD8<Int16>, odd: SIMD8<Int16>) {
        self.even = even
        self.odd = odd
    }

    /// The 16 bytes at `p` (any alignment).
    @inline(__always)
    init(loading p: UnsafeRawPointer) {
        let words = p.loadUnaligned(as: SIMD8<Int16>.self)
        self.init(even: (words &<< 8) &>> 8, odd: words &>> 8)
    }

    /// `count` (0...16) bytes at `p`, zeros after them; reads nothing past `p + count`.
    @inline(__always)
    init(loading p: UnsafePointer<Int8>, count: Int) {
        var bytes = SIMD16<Int8>()
        for i in 0 ..< count { bytes[i] = p[i] }
        let words = unsafeBitCast(bytes, to: SIMD8<Int16>.self)
        self.init(even: (words &<< 8) &>> 8, odd: words &>> 8)
    }

    /// Four lanes summing to `Σ_k self[k] * other[k]` over the 16 values (see the type's note).
    @inline(__always)
    func dot(_ other: EvenOddInt16) -> SIMD4<Int32> {
        multiplyAddAdjacent(even, other.even) &+ multiplyAddAdjacent(odd, other.odd)
    }
}

/// `[Σ a, Σ b, Σ c, Σ d]`: the lane sums of four vectors, transposed into one.
@inline(__always)
func laneSums(_ a: SIMD4<Int32>, _ b: SIMD4<Int32>, _ c: SIMD4<Int32>, _ d: SIMD4<Int32>) -> SIMD4<Int32> {
    let ab = SIMD8(lowHalf: a, highHalf: b), cd = SIMD8(lowHalf: c, highHalf: d)
    let pairs = SIMD8(lowHalf: ab.evenHalf &+ ab.oddHalf, highHalf: cd.evenHalf &+ cd.oddHalf)
    return pairs.evenHalf &+ pairs.oddHalf
}
#endif
