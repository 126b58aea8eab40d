/// NumPy-style broadcasting of two operands to an output shape (rank <= 6), precomputed as
/// per-dimension element strides (stride 0 on broadcast dimensions).
public struct Broadcast: Sendable {
    public static let maxRank = 6
    /// Output extents, left-padded with 1 to `maxRank`.
    public let extents: [Int]
    public let strides1: [Int], strides2: [Int]
    /// Both operands have exactly the output's element count and shape: elementwise fast path.
    public let isElementwise: Bool

    public init(context: OperatorContext, _ a: [Int], _ b: [Int], output: [Int]) throws(GraphError) {
        let rank = Broadcast.maxRank
        if a.count > rank || b.count > rank || output.count > rank { throw context.fail(.shapeMismatch) }
        func padded(_ s: [Int]) -> [Int] { [Int](repeating: 1, count: rank - s.count) + s }
        let pa = padded(a), pb = padded(b), po = padded(output)
        func strides(_ p: [Int]) -> [Int] {
            var st = [Int](repeating: 0, count: rank)
            var acc = 1
            for d in stride(from: rank - 1, through: 0, by: -1) {
                st[d] = p[d] == 1 ? 0 : acc
                acc *= p[d]
            }
            return st
        }
        for d in 0 ..< rank {
            let expected = max(pa[d], pb[d])
            if (pa[d] != expected && pa[d] != 1) || (pb[d] != expected && pb[d] != 1) || po[d] != expected {
                throw context.fail(.shapeMismatch)
            }
        }
        extents = po
        strides1 = strides(pa)
        strides2 = strides(pb)
        isElementwise = pa == po && pb == po
    }

    /// Calls `body(outputIndex, index1, index2)` for every output element in row-major order.
    @inline(__always)
    public func forEach(_ body: (Int, Int, Int) -> Void) {
        let e = extents, s1 = strides1, s2 = strides2
        var o = 0
        for i0 in 0 ..< e[0] { for i1 in 0 ..< e[1] { for i2 in 0 ..< e[2] {
            for i3 in 0 ..< e[3] { for i4 in 0 ..< e[4] { for i5 in 0 ..< e[5] {
                let a = i0 * s1[0] + i1 * s1[1] + i2 * s1[2] + i3 * s1[3] + i4 * s1[4] + i5 * s1[5]
                let b = i0 * s2[0] + i1 * s2[1] + i2 * s2[2] + i3 * s2[3] + i4 * s2[4] + i5 * s2[5]
                body(o, a, b)
                o += 1
            }}}
        }}}
    }
}
