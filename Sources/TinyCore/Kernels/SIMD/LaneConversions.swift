// Lane-wise integer conversions and clamps of the host SIMD kernels (host builds only). The
// standard library's generic `init(truncatingIfNeeded:)`, `clamped`, `replacing(with:where:)` on
// SIMD vectors are per-lane loops that the optimizer may leave as out-of-line calls in a large
// kernel (seen: 4x slower FULLY_CONNECTED, 10x slower CONV_2D); these spell the lanes out through
// the transparent scalar initializer, subscript and operators, so nothing in them can stay a call,
// and LLVM emits the vector instructions (PUNPCK/PSRA, PCMPGT and masks, PACKSS).
#if !hasFeature(Embedded)

/// `Int32(v[i])` in every lane (sign extension).
@inline(__always)
func widenedToInt32(_ v: SIMD8<Int16>) -> SIMD8<Int32> {
    SIMD8(Int32(v[0]), Int32(v[1]), Int32(v[2]), Int32(v[3]), Int32(v[4]), Int32(v[5]), Int32(v[6]), Int32(v[7]))
}

/// `Int16(v[i])` in every lane (sign extension).
@inline(__always)
func widenedToInt16(_ v: SIMD8<Int8>) -> SIMD8<Int16> {
    SIMD8(Int16(v[0]), Int16(v[1]), Int16(v[2]), Int16(v[3]), Int16(v[4]), Int16(v[5]), Int16(v[6]), Int16(v[7]))
}


/// Every lane of `v` clamped to `[lower, upper]` and narrowed to int8 (`lower <= upper`, both in
/// int8's range), lane by lane with scalar compares (LLVM forms PCMPGT / PACKSS sequences).
@inline(__always)
func clampedToInt8(_ v: SIMD8<Int32>, lower: Int32, upper: Int32) -> SIMD8<Int8> {
    @inline(__always) func lane(_ x: Int32) -> Int8 {
        Int8(truncatingIfNeeded: x < lower ? lower : (x > upper ? upper : x))
    }
    return SIMD8(lane(v[0]), lane(v[1]), lane(v[2]), lane(v[3]), lane(v[4]), lane(v[5]), lane(v[6]), lane(v[7]))
}
#endif
