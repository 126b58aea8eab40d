// The host form of `matrixMultiplyInt8` (host builds only): the same product,
//
//     output[r * outputStride + c] = requantizer(Σ_k lhs[r * lhsStride + k] * rhs[c * depth + k], channel: c)
//
// with int16 multiply-adds (`EvenOddInt16`, PMADDWD on x86-64) over tiles of 2 lhs rows × 4 rhs
// rows, and four channels requantized per step (`ChannelGroupRequantizer`). Exact int32 sums, so
// bit-identical to the portable kernel.
#if !hasFeature(Embedded)

/// 16-value chunks of a product's depth (the last one zero-padded).
@inline(__always)
func evenOddChunks(depth: Int) -> Int { (depth &+ 15) &>> 4 }

/// Workspace bytes of `matrixMultiplyInt8SIMD`: two lhs rows widened to `EvenOddInt16` chunks.
func matrixMultiplyWorkspaceBytes(depth: Int) -> Int { 2 * evenOddChunks(depth: depth) * MemoryLayout<EvenOddInt16>.stride }

/// Writes `row[0 ..< depth]` as `evenOddChunks(depth:)` chunks to `chunks`, the tail zero-padded
/// (so the tail lanes add nothing whatever the other operand holds there).
@inline(__always)
func widenRow(_ row: UnsafePointer<Int8>, depth: Int, into chunks: UnsafeMutablePointer<EvenOddInt16>) {
    let full = depth &>> 4
    for j in 0 ..< full { chunks[j] = EvenOddInt16(loading: UnsafeRawPointer(row + (j &<< 4))) }
    if full &<< 4 < depth { chunks[full] = EvenOddInt16(loading: row + (full &<< 4), count: depth &- (full &<< 4)) }
}

/// The `matrixMultiplyInt8` contract (see there), two lhs rows at a time widened into
/// `workspace` (`matrixMultiplyWorkspaceBytes(depth:)` bytes, 16-byte aligned), then four columns
/// at a time: `2 × 4` (or, for a last odd row, `1 × 4`) accumulators of four partial sums each,
/// reduced by `laneSums` to one lane per column, requantized as a group. The rhs is read in
/// place; a chunk that would end past the rhs (the last column's tail) is copied, zero-padded.
/// Columns past `columns` in the last group reuse the last column and are not stored.
@inline(__always)
func matrixMultiplyInt8SIMD<R: ChannelGroupRequantizer>(
    lhs: UnsafePointer<Int8>, lhsStride: Int, rows: Int,
    rhs: UnsafePointer<Int8>, columns: Int, depth: Int,
    output: UnsafeMutablePointer<Int8>, outputStride: Int, requantizer: R, workspace: UnsafeMutableRawPointer
) {
    let chunks = evenOddChunks(depth: depth)
    let a0 = workspace.bindMemory(to: EvenOddInt16.self, capacity: 2 &* chunks), a1 = a0 + chunks
    var r = 0
    while r < rows {
        widenRow(lhs + r &* lhsStride, depth: depth, into: a0)
        if r &+ 1 < rows {
            widenRow(lhs + (r &+ 1) &* lhsStride, depth: depth, into: a1)
            multiplyRows(a0, a1, pair: true, rhs: rhs, columns: columns, depth: depth,
                         output: output + r &* outputStride, outputStride: outputStride, requantizer: requantizer)
            r &+= 2
        } else {
            multiplyRows(a0, a0, pair: false, rhs: rhs, columns: columns, depth: depth,
                         output: output + r &* outputStride, outputStride: outputStride, requantizer: requantizer)
            r &+= 1
        }
    }
}

/// All columns for one widened row (`a0`) or two (`a0`, `a1`, when `pair`).
@inline(__always)
func multiplyRows<R: ChannelGroupRequantizer>(
    _ a0: UnsafePointer<EvenOddInt16>, _ a1: UnsafePointer<EvenOddInt16>, pair: Bool,
    rhs: UnsafePointer<Int8>, columns: Int, depth: Int,
    output: UnsafeMutablePointer<Int8>, outputStride: Int, requantizer: R
) {
    let end = rhs + columns &* depth
    let last = columns &- 1
    var c = 0
    while c < columns {
        let b = ColumnQuad(rhs: rhs, first: c, last: last, depth: depth, end: end)
        let group = c &>> 2
        let count = min(4, columns &- c)
        if pair {
            let s = b.dotProducts(a0, a1)
            let bytes = requantizer.int8(requantizer.values(s.0, group: group), requantizer.values(s.1, group: group))
            store(bytes.lowHalf, count: count, to: output + c)
            store(bytes.highHalf, count: count, to: output + outputStride + c)
        } else {
            let s = b.dotProducts(a0)
            let v = requantizer.values(s, group: group)
            store(requantizer.int8(v, v).lowHalf, count: count, to: output + c)
        }
        c &+= 4
    }
}

/// Four rhs rows (columns `first ..< first + 4`, clamped to `last`) read in 16-byte chunks.
struct ColumnQuad {
    let w0: UnsafePointer<Int8>, w1: UnsafePointer<Int8>, w2: UnsafePointer<Int8>, w3: UnsafePointer<Int8>
    let depth: Int
    /// One past the rhs: a chunk must not be read across it.
    let end: UnsafePointer<Int8>

    @inline(__always)
    init(rhs: UnsafePointer<Int8>, first: Int, last: Int, depth: Int, end: UnsafePointer<Int8>) {
        w0 = rhs + first &* depth
        w1 = rhs + min(first &+ 1, last) &* depth
        w2 = rhs + min(first &+ 2, last) &* depth
        w3 = rhs + min(first &+ 3, last) &* depth
        self.depth = depth
        self.end = end
    }

    /// Chunk `k ..< k + 16` of row `w`: loaded in place when it lies inside the rhs (lanes past
    /// `depth` then hold the next row's bytes, which meet zero lhs lanes), else copied zero-padded.
    @inline(__always)
    func chunk(_ w: UnsafePointer<Int8>, _ k: Int) -> EvenOddInt16 {
        if w + k + 16 <= end { return EvenOddInt16(loading: UnsafeRawPointer(w + k)) }
        return EvenOddInt16(loading: w + k, count: min(16, depth &- k))
    }

    /// Per lhs row, the four column dot products (lane `i`: column `first + i`).
    @inline(__always)
    func dotProducts(_ a0: UnsafePointer<EvenOddInt16>, _ a1: UnsafePointer<EvenOddInt16>)
        -> (SIMD4<Int32>, SIMD4<Int32>)
    {
        var s00 = SIMD4<Int32>(), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00
        let full = depth &>> 4
        var j = 0
        while j < full {
            let k = j &<< 4
            let x0 = a0[j], x1 = a1[j]
            let b0 = EvenOddInt16(loading: UnsafeRawPointer(w0 + k)), b1 = EvenOddInt16(loading: UnsafeRawPointer(w1 + k))
            s00 &+= x0.dot(b0)
            s10 &+= x1.dot(b0)
            s01 &+= x0.dot(b1)
            s11 &+= x1.dot(b1)
            let b2 = EvenOddInt16(loading: UnsafeRawPointer(w2 + k)), b3 = EvenOddInt16(loading: UnsafeRawPointer(w3 + k))
            s02 &+= x0.dot(b2)
            s12 &+= x1.dot(b2)
            s03 &+= x0.dot(b3)
            s13 &+= x1.dot(b3)
            j &+= 1
        }
        if full &<< 4 < depth {
            let k = full &<< 4
            let x0 = a0[full], x1 = a1[full]
            let b0 = chunk(w0, k), b1 = chunk(w1, k), b2 = chunk(w2, k), b3 = chunk(w3, k)
            s00 &+= x0.dot(b0)
            s10 &+= x1.dot(b0)
            s01 &+= x0.dot(b1)
            s11 &+= x1.dot(b1)
            s02 &+= x0.dot(b2)
            s12 &+= x1.dot(b2)
            s03 &+= x0.dot(b3)
            s13 &+= x1.dot(b3)
        }
        return (laneSums(s00, s01, s02, s03), laneSums(s10, s11, s12, s13))
    }

    /// The four column dot products of one lhs row.
    @inline(__always)
    func dotProducts(_ a: UnsafePointer<EvenOddInt16>) -> SIMD4<Int32> {
        var s0 = SIMD4<Int32>(), s1 = s0, s2 = s0, s3 = s0
        let full = depth &>> 4
        var j = 0
        while j < full {
            let k = j &<< 4
            let x = a[j]
            s0 &+= x.dot(EvenOddInt16(loading: UnsafeRawPointer(w0 + k)))
            s1 &+= x.dot(EvenOddInt16(loading: UnsafeRawPointer(w1 + k)))
            s2 &+= x.dot(EvenOddInt16(loading: UnsafeRawPointer(w2 + k)))
            s3 &+= x.dot(EvenOddInt16(loading: UnsafeRawPointer(w3 + k)))
            j &+= 1
        }
        if full &<< 4 < depth {
            let k = full &<< 4
            let x = a[full]
            s0 &+= x.dot(chunk(w0, k))
            s1 &+= x.dot(chunk(w1, k))
            s2 &+= x.dot(chunk(w2, k))
            s3 &+= x.dot(chunk(w3, k))
        }
        return laneSums(s0, s1, s2, s3)
    }
}

/// Stores the first `count` (1...4) bytes of `v` at `p` (all four in one store when `count == 4`).
@inline(__always)
func store(_ v: SIMD4<Int8>, count: Int, to p: UnsafeMutablePointer<Int8>) {
    if count == 4 {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Int8>.self)
    } else {
        for i in 0 ..< count { p[i] = v[i] }
    }
}
#endif
