/// `Σ a[i] * b[i]` over `count` int8 pairs, exact in Int32 (wrapping arithmetic, so the loop
/// vectorizes).
@inlinable @inline(__always)
public func dotProductInt8(_ a: UnsafePointer<Int8>, _ b: UnsafePointer<Int8>, count: Int) -> Int32 {
    var sum: Int32 = 0
    for i in 0 ..< count { sum &+= Int32(a[i]) &* Int32(b[i]) }
    return sum
}

/// Per-output-channel constant `bias[o] + inputOffset * Σ_k weights[o][k]`, so that
/// `Σ w * (x + inputOffset) + bias == dot(w, x) + folded` exactly (integer sums reorder freely).
/// `weights` are the filter's bytes where the graph keeps them (int8 bit patterns, `rows × depth`).
func foldInputOffset(weights: UnsafeRawBufferPointer, bias: [Int32], rows: Int, depth: Int, inputOffset: Int32) -> [Int32] {
    var folded = [Int32](repeating: 0, count: rows)
    for o in 0 ..< rows {
        var s: Int32 = 0
        for k in 0 ..< depth { s &+= Int32(Int8(bitPattern: weights[o * depth + k])) }
        folded[o] = bias[o] &+ inputOffset &* s
    }
    return folded
}
