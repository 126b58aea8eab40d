// A CONV_2D filter widened to int16 at load time for the host SIMD product (host builds only).
#if !hasFeature(Embedded)

/// The rows of an int8 `columns × depth` rhs (OHWI filter rows) widened to `EvenOddInt16` chunks
/// and interleaved by column quad: chunk `j` of column `4q + i` is `chunks[(q * chunksPerColumn + j) * 4 + i]`,
/// so `matrixMultiplyInt8SIMD` streams one quad's four columns in order. Depths are padded with
/// zeros to a multiple of 16 and columns to a multiple of 4 (padding adds 0 to every sum; padded
/// columns are never stored). Built once when the graph is loaded: `byteCount` bytes, twice
/// the int8 filter's (rounded up), kept for the model's lifetime on hosts.
struct PackedFilterInt16: Sendable {
    let chunks: [EvenOddInt16]
    let chunksPerColumn: Int

    init(weights: UnsafeRawBufferPointer, columns: Int, depth: Int) {
        let perColumn = evenOddChunks(depth: depth)
        let quads = (columns + 3) / 4
        var chunks = [EvenOddInt16](repeating: EvenOddInt16(even: .zero, odd: .zero), count: quads * perColumn * 4)
        let rows = weights.baseAddress!.assumingMemoryBound(to: Int8.self)
        for c in 0 ..< columns {
            for j in 0 ..< perColumn {
                let k = 16 * j
                chunks[((c / 4) * perColumn + j) * 4 + c % 4] =
                    EvenOddInt16(loading: rows + c * depth + k, count: min(16, depth - k))
            }
        }
        self.chunks = chunks
        chunksPerColumn = perColumn
    }

    var byteCount: Int { chunks.count * MemoryLayout<EvenOddInt16>.stride }
}
#endif
