// CONV_2D on hosts: the portable kernel's patches through `matrixMultiplyInt8SIMD` (host builds only).
#if !hasFeature(Embedded)

extension Conv2DInt8 {
    /// Host workspace: two patches widened to int16 (`matrixMultiplyWorkspaceBytes`).
    public var workspaceBytes: Int {
        matrixMultiplyWorkspaceBytes(depth: window.filterHeight * window.filterWidth * inputChannels)
    }

    /// `evaluate`'s result (same patches, same exact sums) with the SIMD product: pointwise, the
    /// input pixels are the lhs rows; otherwise two output pixels at a time gather their patches
    /// into the arena scratch (`gatherPatchRows`), which the product widens into the workspace.
    public func evaluateSIMD(_ memory: TensorMemory) {
        let w = window
        let inC = inputChannels, outC = outputChannels
        let pixels = w.batches * w.outputHeight * w.outputWidth
        let inputData = memory.int8(input)
        let outputData = memory.int8(output)
        packedFilter.chunks.withUnsafeBufferPointer { filterChunks in
            let packed = PackedColumnQuads(chunks: filterChunks.baseAddress!, chunksPerColumn: packedFilter.chunksPerColumn)
            channelGroups.withUnsafeBufferPointer { groups in
                let requantizer = DoubleRoundingGroupRequantizer(groups: groups.baseAddress!, count: groups.count,
                                                                 outputOffset: outputOffset, minimum: activationMin,
                                                                 maximum: activationMax)
                if isPointwise {
                    matrixMultiplyInt8SIMD(lhs: inputData, lhsStride: inC, rows: pixels, rhs: packed, columns: outC,
                                           depth: inC, output: outputData, outputStride: outC, requantizer: requantizer,
                                           workspace: memory.workspace)
                    return
                }
                let patchSize = w.filterHeight * w.filterWidth * inC
                let patches = memory.scratch.assumingMemoryBound(to: Int8.self)
                var p = 0
                while p < pixels {
                    let rows = min(2, pixels - p)
                    for r in 0 ..< rows { gatherPatchRows(pixel: p + r, from: inputData, into: patches + r * patchSize) }
                    matrixMultiplyInt8SIMD(lhs: patches, lhsStride: patchSize, rows: rows, rhs: packed, columns: outC,
                                           depth: patchSize, output: outputData + p * outC, outputStride: outC,
                                           requantizer: requantizer, workspace: memory.workspace)
                    p += rows
                }
            }
        }
    }

    /// `gatherPatch`'s patch, a filter row at a time: with dilation 1 the in-image taps of a row
    /// are adjacent in the input (NHWC), so they are one copy of `taps * inC` bytes between runs of
    /// the input zero point (the out-of-image taps); other dilations take `gatherPatch`.
    @inline(__always)
    func gatherPatchRows(pixel: Int, from inputData: UnsafePointer<Int8>, into patch: UnsafeMutablePointer<Int8>) {
        let w = window
        if w.dilationWidth != 1 {
            gatherPatch(pixel: pixel, from: inputData, into: patch)
            return
        }
        let inC = inputChannels
        let ox = pixel % w.outputWidth, rest = pixel / w.outputWidth
        let oy = rest % w.outputHeight, b = rest / w.outputHeight
        let originY = oy * w.strideHeight - w.padTop, originX = ox * w.strideWidth - w.padLeft
        let padValue = Int8(truncatingIfNeeded: -inputOffset)
        let columns = w.tapRange(origin: originX, vertical: false)
        let rowBytes = w.filterWidth * inC
        let before = columns.lowerBound * inC, inside = columns.count * inC
        let after = rowBytes - before - inside
        var p = patch
        for fy in 0 ..< w.filterHeight {
            let iy = originY + fy * w.dilationHeight
            if iy < 0 || iy >= w.inputHeight {
                p.update(repeating: padValue, count: rowBytes)
            } else {
                p.update(repeating: padValue, count: before)
                let source = inputData + ((b * w.inputHeight + iy) * w.inputWidth + originX + columns.lowerBound) * inC
                (p + before).update(from: source, count: inside)
                (p + before + inside).update(repeating: padValue, count: after)
            }
            p += rowBytes
        }
    }
}
#endif
