// Two signed 16-bit lanes in one 32-bit word, and the Armv7E-M DSP instructions that work on
// them (SXTB16, SADD16, SMLAD, SMLABB, SMLATT). The int8 kernels' Cortex-M paths are written with
// these; on Arm builds with the `BuiltinModule` feature (Embedded/firmware.sh passes it) each is
// the single instruction, elsewhere the portable Swift below computes the same bits (checked in
// PackedInt16LanesTests; QEMU runs check the instructions, Embedded/check.sh).
// Lane 0 is bits 0-15, lane 1 bits 16-31. All sums wrap modulo 2^32 (as the instructions do; the
// int8 kernels never come near overflow).
#if hasFeature(BuiltinModule) && arch(arm)
import Builtin
#endif

/// A word holding two signed 16-bit lanes.
typealias PackedInt16x2 = UInt32

/// SXTB16: bytes 0 and 2 of `x`, sign-extended, into lanes 0 and 1.
@inline(__always)
func signExtendEvenBytes(_ x: UInt32) -> PackedInt16x2 {
    #if hasFeature(BuiltinModule) && arch(arm)
    return UInt32(Builtin.int_arm_sxtb16(x._value))
    #else
    let low = UInt32(UInt16(bitPattern: Int16(Int8(truncatingIfNeeded: x))))
    let high = UInt32(UInt16(bitPattern: Int16(Int8(truncatingIfNeeded: x >> 16))))
    return low | high << 16
    #endif
}

/// SXTB16 with ROR #8: bytes 1 and 3 of `x`, sign-extended, into lanes 0 and 1.
@inline(__always)
func signExtendOddBytes(_ x: UInt32) -> PackedInt16x2 {
    signExtendEvenBytes(x >> 8 | x << 24)
}

/// SADD16: lane-wise `a + b`, each lane wrapping modulo 2^16.
@inline(__always)
func addLanes(_ a: PackedInt16x2, _ b: PackedInt16x2) -> PackedInt16x2 {
    #if hasFeature(BuiltinModule) && arch(arm)
    return UInt32(Builtin.int_arm_sadd16(a._value, b._value))
    #else
    let low = UInt32(UInt16(truncatingIfNeeded: a) &+ UInt16(truncatingIfNeeded: b))
    let high = UInt32(UInt16(truncatingIfNeeded: a >> 16) &+ UInt16(truncatingIfNeeded: b >> 16))
    return low | high << 16
    #endif
}

/// SMLAD: `acc + a.lane0 * b.lane0 + a.lane1 * b.lane1`.
@inline(__always)
func dualMultiplyAccumulate(_ a: PackedInt16x2, _ b: PackedInt16x2, _ acc: Int32) -> Int32 {
    #if hasFeature(BuiltinModule) && arch(arm)
    return Int32(Builtin.int_arm_smlad(a._value, b._value, acc._value))
    #else
    return acc &+ lane0(a) &* lane0(b) &+ lane1(a) &* lane1(b)
    #endif
}

/// SMLABB: `acc + a.lane0 * b.lane0`.
@inline(__always)
func multiplyAccumulateLane0(_ a: PackedInt16x2, _ b: PackedInt16x2, _ acc: Int32) -> Int32 {
    #if hasFeature(BuiltinModule) && arch(arm)
    return Int32(Builtin.int_arm_smlabb(a._value, b._value, acc._value))
    #else
    return acc &+ lane0(a) &* lane0(b)
    #endif
}

/// SMLATT: `acc + a.lane1 * b.lane1`.
@inline(__always)
func multiplyAccumulateLane1(_ a: PackedInt16x2, _ b: PackedInt16x2, _ acc: Int32) -> Int32 {
    #if hasFeature(BuiltinModule) && arch(arm)
    return Int32(Builtin.int_arm_smlatt(a._value, b._value, acc._value))
    #else
    return acc &+ lane1(a) &* lane1(b)
    #endif
}

/// Both lanes set to `value` (which must fit in 16 bits).
@inline(__always)
func broadcastLanes(_ value: Int32) -> PackedInt16x2 {
    let lane = UInt32(UInt16(truncatingIfNeeded: value))
    return lane | lane << 16
}

@inline(__always)
func lane0(_ x: PackedInt16x2) -> Int32 { Int32(Int16(truncatingIfNeeded: x)) }

@inline(__always)
func lane1(_ x: PackedInt16x2) -> Int32 { Int32(Int16(truncatingIfNeeded: x >> 16)) }

/// `acc + Σ a[i] * b[i]` over 4 int8 pairs. On Arm: one word load per operand, two SXTB16 per
/// word and two SMLAD (even bytes pair up in one, odd bytes in the other); elsewhere four byte
/// loads and multiplies, which scalar and vector hosts schedule better than lane emulation.
@inline(__always)
func dotProduct4(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, _ acc: Int32) -> Int32 {
    #if arch(arm)
    let x = loadWord(a, 0), y = loadWord(b, 0)
    return dualMultiplyAccumulate(signExtendOddBytes(x), signExtendOddBytes(y),
                                  dualMultiplyAccumulate(signExtendEvenBytes(x), signExtendEvenBytes(y), acc))
    #else
    return acc &+ Int32(a[0]) &* Int32(b[0]) &+ Int32(a[1]) &* Int32(b[1])
        &+ Int32(a[2]) &* Int32(b[2]) &+ Int32(a[3]) &* Int32(b[3])
    #endif
}

/// Four bytes at `p + k` as one little-endian word (unaligned loads are fine on Cortex-M4/M7).
@inline(__always)
func loadWord(_ p: UnsafePointer<Int8>, _ k: Int) -> UInt32 {
    UnsafeRawPointer(p + k).loadUnaligned(as: UInt32.self)
}
