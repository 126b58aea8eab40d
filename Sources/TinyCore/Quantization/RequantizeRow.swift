/// Requantizes a row of int32 accumulators to int8: per channel `c`,
/// `out[c] = clamp(multiplyByQuantizedMultiplier(acc[c], M[c], shift[c]) + outputOffset, lo, hi)`.
///
/// Written branch-free (selects, masking shifts, 64-bit product) so the compiler vectorizes it;
/// bit-identical to the scalar double-rounding function for every non-negative multiplier (the
/// saturating `Int32.min * Int32.min` case cannot occur). The 64-bit quotient by 2^31 truncates
/// toward zero: `(n + (n < 0 ? 2^31 - 1 : 0)) >> 31`.
@inlinable @inline(__always)
public func requantizeRow(_ acc: UnsafePointer<Int32>, count: Int, multipliers: UnsafePointer<Int32>,
                          leftShifts: UnsafePointer<Int32>, rightShifts: UnsafePointer<Int32>,
                          outputOffset: Int32, min lo: Int32, max hi: Int32, into out: UnsafeMutablePointer<Int8>) {
    for c in 0 ..< count {
        let x = acc[c] &<< leftShifts[c]
        let ab = Int64(x) &* Int64(multipliers[c])
        let nudged = ab &+ (ab >= 0 ? Int64(1 << 30) : Int64(1 - (1 << 30)))
        let high = Int32(truncatingIfNeeded: (nudged &+ (nudged < 0 ? Int64(Int32.max) : 0)) &>> 31)
        let rs = rightShifts[c]
        let mask = (Int32(1) &<< rs) &- 1
        let remainder = high & mask
        let threshold = (mask &>> 1) &+ (high < 0 ? 1 : 0)
        let v = (high &>> rs) &+ (remainder > threshold ? 1 : 0) &+ outputOffset
        out[c] = Int8(truncatingIfNeeded: max(lo, min(hi, v)))
    }
}

