// The host form of `matrixMultiplyInt8` (host builds only): the same product,
//
//     output[r * outputStride + c] = requantizer(Σ_k lhs[r * lhsStride + k] * rhs[c * depth + k], channel: c)
//
// with int16 multiply-adds (`EvenOddInt16`, PMADDWD on x86-64) over tiles of 2 lhs rows × 4 rhs
// rows, and four channels requantized per step (`ChannelGroupRequantizer`). The rhs is either
// widened once at load time (`PackedFilterInt16`, CONV_2D, whose filters meet many pixels) or
// read in place and widened per use (FULLY_CONNECTED, whose weights meet one input row: twice the
// bytes would cost more than the shifts). Exact int32 sums, so bit-identical to the portable kernel.
#if !hasFeature(Embedded)

/// 16-value chunks of a product's depth (the last one zero-padded).
@inline(__always)
func evenOddChunks(depth: Int) -> Int { (depth &+ 15) &>> 4 }

/// Workspace bytes of `matrixMultiplyInt8SIMD`: two lhs rows widened to `EvenOddInt16` chunks.
func matrixMultiplyWorkspaceBytes(depth: Int) -> Int { 2 * evenOddChunks(depth: depth) * MemoryLayout<EvenOddInt16>.stride }

/// Writes `row[0 ..< depth]` as `evenOddChunks(depth:)` chunks to `chunks`, the tail zero-padded
/// (so the tail lanes add nothing whatever the rhs holds there).
@inline(__always)
func widenRow(_ row: UnsafePointer<Int8>, depth: Int, into chunks: UnsafeMutablePointer<EvenOddInt16>) {
    let full = depth &>> 4
    for j in 0 ..< full { chunks[j] = EvenOddInt16(loading: UnsafeRawPointer(row + (j &<< 4))) }
    if full &<< 4 < depth { chunks[full] = EvenOddInt16(loading: row + (full &<< 4), count: depth &- (full &<< 4)) }
}

/// The rhs of `matrixMultiplyInt8SIMD`, four columns at a time.
protocol ColumnQuads {
    associatedtype Quad: ColumnQuadChunks
    /// Columns `first ..< first + 4` (`first` a multiple of 4; columns past the last are arbitrary).
    func quad(_ first: Int) -> Quad
}

/// Chunk `j` (depths `16j ..< 16j + 16`) of four rhs columns.
protocol ColumnQuadChunks {
    /// A chunk lying wholly inside the depth.
    func chunks(_ j: Int) -> (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16)
    /// The last chunk of a depth that is not a multiple of 16 (lanes past the depth are arbitrary:
    /// they meet the lhs's zero padding).
    func lastChunks(_ j: Int) -> (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16)
}

/// `PackedFilterInt16.chunks` as the rhs.
struct PackedColumnQuads: ColumnQuads {
    let chunks: UnsafePointer<EvenOddInt16>
    let chunksPerColumn: Int

    struct Quad: ColumnQuadChunks {
        let base: UnsafePointer<EvenOddInt16>
        @inline(__always)
        func chunks(_ j: Int) -> (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16) {
            let p = base + (j &<< 2)
            return (p[0], p[1], p[2], p[3])
        }
        @inline(__always)
        func lastChunks(_ j: Int) -> (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16) { chunks(j) }
    }

    @inline(__always)
    func quad(_ first: Int) -> Quad { Quad(base: chunks + first &* chunksPerColumn) }
}

/// An int8 `columns × depth` rhs read in place, each chunk widened when used. Columns past the
/// last reuse the last one; a chunk that would end past the rhs (the last column's tail) is
/// copied, zero-padded, so nothing past the rhs is read.
struct InPlaceColumnQuads: ColumnQuads {
    let rhs: UnsafePointer<Int8>
    let columns: Int, depth: Int

    struct Quad: ColumnQuadChunks {
        let w0: UnsafePointer<Int8>, w1: UnsafePointer<Int8>, w2: UnsafePointer<Int8>, w3: UnsafePointer<Int8>
        let depth: Int
        /// One past the rhs.
        let end: UnsafePointer<Int8>

        @inline(__always)
        func chunks(_ j: Int) -> (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16) {
            let k = j &<< 4
            return (EvenOddInt16(loading: UnsafeRawPointer(w0 + k)), EvenOddInt16(loading: UnsafeRawPointer(w1 + k)),
                    EvenOddInt16(loading: UnsafeRawPointer(w2 + k)), EvenOddInt16(loading: UnsafeRawPointer(w3 + k)))
        }

        /// Loaded in place when the 16 bytes lie inside the rhs (lanes past the depth then hold the
        /// next row's bytes), else copied zero-padded.
        @inline(__always)
        func lastChunks(_ j: Int) -> (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16) {
            let k = j &<< 4
            func chunk(_ w: UnsafePointer<Int8>) -> EvenOddInt16 {
                if w + k + 16 <= end { return EvenOddInt16(loading: UnsafeRawPointer(w + k)) }
                return EvenOddInt16(loading: w + k, count: min(16, depth &- k))
            }
            return (chunk(w0), chunk(w1), chunk(w2), chunk(w3))
        }
    }

    @inline(__always)
    func quad(_ first: Int) -> Quad {
        let last = columns &- 1
        return Quad(w0: rhs + first &* depth, w1: rhs + min(first &+ 1, last) &* depth,
                    w2: rhs + min(first &+ 2, last) &* depth, w3: rhs + min(first &+ 3, last) &* depth,
                    depth: depth, end: rhs + columns &* depth)
    }
}

/// The `matrixMultiplyInt8` contract (see there): two lhs rows at a time widened into
/// `workspace` (`matrixMultiplyWorkspaceBytes(depth:)` bytes, 16-byte aligned), then four columns
/// at a time: `2 × 4` (or, for a last odd row, `1 × 4`) accumulators of four partial sums each,
/// reduced by `laneSums` to one lane per column and requantized as a group. Never inlined: kept
/// a function of its own (specialized per requantizer and rhs) so that the optimizer inlines
/// everything inside it, which it stops doing in very large callers.
@inline(never)
func matrixMultiplyInt8SIMD<R: ChannelGroupRequantizer, Q: ColumnQuads>(
    lhs: UnsafePointer<Int8>, lhsStride: Int, rows: Int, rhs: Q, columns: Int, depth: Int,
    output: UnsafeMutablePointer<Int8>, outputStride: Int, requantizer: R, workspace: UnsafeMutableRawPointer
) {
    let chunks = evenOddChunks(depth: depth)
    let a0 = workspace.bindMemory(to: EvenOddInt16.self, capacity: 2 &* chunks), a1 = a0 + chunks
    var r = 0
    while r < rows {
        let o = output + r &* outputStride
        widenRow(lhs + r &* lhsStride, depth: depth, into: a0)
        let pair = r &+ 1 < rows
        if pair { widenRow(lhs + (r &+ 1) &* lhsStride, depth: depth, into: a1) }
        var c = 0
        while c < columns {
            let b = rhs.quad(c)
            let group = c &>> 2
            let count = min(4, columns &- c)
            if pair {
                let s = dotProducts(a0, a1, b, depth: depth)
                let bytes = requantizer.int8(requantizer.values(s.0, group: group), requantizer.values(s.1, group: group))
                store(bytes.lowHalf, count: count, to: o + c)
                store(bytes.highHalf, count: count, to: o + outputStride + c)
            } else {
                let v = requantizer.values(dotProducts(a0, b, depth: depth), group: group)
                store(requantizer.int8(v, v).lowHalf, count: count, to: o + c)
            }
            c &+= 4
        }
        r &+= pair ? 2 : 1
    }
}

/// Per lhs row (`a0`, `a1`), the dot products with the four columns of `b` (lane `i`: column
/// `i` of the quad).
@inline(__always)
func dotProducts<Q: ColumnQuadChunks>(_ a0: UnsafePointer<EvenOddInt16>, _ a1: UnsafePointer<EvenOddInt16>,
                                      _ b: Q, depth: Int) -> (SIMD4<Int32>, SIMD4<Int32>) {
    var s00 = SIMD4<Int32>(), s01 = s00, s02 = s00, s03 = s00, s10 = s00, s11 = s00, s12 = s00, s13 = s00
    @inline(__always) func add(_ j: Int, _ w: (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16)) {
        let x0 = a0[j], x1 = a1[j]
        s00 &+= x0.dot(w.0)
        s10 &+= x1.dot(w.0)
        s01 &+= x0.dot(w.1)
        s11 &+= x1.dot(w.1)
        s02 &+= x0.dot(w.2)
        s12 &+= x1.dot(w.2)
        s03 &+= x0.dot(w.3)
        s13 &+= x1.dot(w.3)
    }
    let full = depth &>> 4
    for j in 0 ..< full { add(j, b.chunks(j)) }
    if full &<< 4 < depth { add(full, b.lastChunks(full)) }
    return (laneSums(s00, s01, s02, s03), laneSums(s10, s11, s12, s13))
}

/// The dot products of one lhs row with the four columns of `b`.
@inline(__always)
func dotProducts<Q: ColumnQuadChunks>(_ a: UnsafePointer<EvenOddInt16>, _ b: Q, depth: Int) -> SIMD4<Int32> {
    var s0 = SIMD4<Int32>(), s1 = s0, s2 = s0, s3 = s0
    @inline(__always) func add(_ j: Int, _ w: (EvenOddInt16, EvenOddInt16, EvenOddInt16, EvenOddInt16)) {
        let x = a[j]
        s0 &+= x.dot(w.0)
        s1 &+= x.dot(w.1)
        s2 &+= x.dot(w.2)
        s3 &+= x.dot(w.3)
    }
    let full = depth &>> 4
    for j in 0 ..< full { add(j, b.chunks(j)) }
    if full &<< 4 < depth { add(full, b.lastChunks(full)) }
    return laneSums(s0, s1, s2, s3)
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
