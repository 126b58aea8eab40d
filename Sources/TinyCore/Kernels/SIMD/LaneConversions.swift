// Lane-wise integer conversions of the host SIMD kernels (host builds only). The standard
// library's generic `init(truncatingIfNeeded:)` on SIMD vectors is a per-lane loop that the
// optimizer may leave as an out-of-line call in a large kernel (seen: 4x slower FULLY_CONNECTED);
// these spell the lanes out through the transparent scalar initializer and subscript, so they are
// always inlined and LLVM emits the single vector conversion (PUNPCK/PSRA, PACKSS-free shuffles).
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

/// The low 16 bits of every lane.
@inline(__always)
func truncatedToInt16(_ v: SIMD8<Int32>) -> SIMD8<Int16> {
    SIMD8(Int16(truncatingIfNeeded: v[0]), Int16(truncatingIfNeeded: v[1]), Int16(truncatingIfNeeded: v[2]),
          Int16(truncatingIfNeeded: v[3]), Int16(truncatingIfNeeded: v[4]), Int16(truncatingIfNeeded: v[5]),
          Int16(truncatingIfNeeded: v[6]), Int16(truncatingIfNeeded: v[7]))
}

/// The low 8 bits of every lane.
@inline(__always)
func truncatedToInt8(_ v: SIMD8<Int16>) -> SIMD8<Int8> {
    SIMD8(Int8(truncatingIfNeeded: v[0]), Int8(truncatingIfNeeded: v[1]), Int8(truncatingIfNeeded: v[2]),
          Int8(truncatingIfNeeded: v[3]), Int8(truncatingIfNeeded: v[4]), Int8(truncatingIfNeeded: v[5]),
          Int8(truncatingIfNeeded: v[6]), Int8(truncatingIfNeeded: v[7]))
}
#endif
