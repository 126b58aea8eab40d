import Foundation
import Testing
import TinyRuntime
import TinyTestSupport
@testable import TinyCore

/// The host SIMD kernels (Sources/TinyCore/Kernels/SIMD) against the portable kernels they
/// replace on hosts: the four-lane requantizers against the scalar ones on extreme and random
/// accumulators and every shift, the int16 matrix product (packed and in-place rhs) and the
/// depthwise int16-lane kernel on random shapes with odd channel counts and depth tails, and every
/// zoo model run both ways on random inputs. Two implementations compared; the golden proof is
/// ModelZooTests / ReferenceModelTests, which run the SIMD kernels against LiteRT BUILTIN_REF.
@Suite struct HostSIMDKernelTests {
    typealias Generator = PackedKernelTests.Generator

    /// Random per-channel `[bias, M, left, right]` parameters as `ChannelRequantization` packs them,
    /// shifts in `shifts`, multipliers in [2^30, 2^31) as `QuantizedMultiplier` makes them.
    static func parameters(channels: Int, shifts: ClosedRange<Int32>, using g: inout Generator) -> [Int32] {
        (0 ..< channels).flatMap { _ -> [Int32] in
            let shift = Int32.random(in: shifts, using: &g)
            return [Int32.random(in: -200_000 ... 200_000, using: &g), Int32.random(in: (1 << 30) ... .max, using: &g),
                    max(shift, 0), max(-shift, 0)]
        }
    }

    @Test func groupRequantizersMatchScalarOnes() {
        var g = Generator(state: 11)
        let specials: [Int32] = [.min, .min + 1, -1 << 30, -65536, -1, 0, 1, 65535, 1 << 30, .max - 1, .max]
        for shift in Int32(-31) ... 30 {
            for channels in [1, 3, 4, 6] {
                let p = Self.parameters(channels: channels, shifts: shift ... shift, using: &g)
                let groups = ChannelGroupParameters.groups(of: p)
                let offset = Int32.random(in: -128 ... 127, using: &g)
                let low = Int32.random(in: -128 ... 0, using: &g), high = Int32.random(in: low ... 127, using: &g)
                p.withUnsafeBufferPointer { params in groups.withUnsafeBufferPointer { gs in
                    let double = DoubleRoundingGroupRequantizer(groups: gs.baseAddress!, count: gs.count,
                                                                outputOffset: offset, minimum: low, maximum: high)
                    let single = SingleRoundingGroupRequantizer(parameters: params.baseAddress!, channels: channels,
                                                                outputOffset: offset, minimum: low, maximum: high)
                    let doubleScalar = ChannelRequantizer(parameters: params.baseAddress!, outputOffset: offset,
                                                          minimum: low, maximum: high)
                    let singleScalar = SingleRoundingRequantizer(parameters: params.baseAddress!, outputOffset: offset,
                                                                 minimum: low, maximum: high)
                    for i in 0 ..< 40 {
                        var acc = SIMD4<Int32>()
                        for lane in 0 ..< 4 {
                            acc[lane] = i < specials.count && lane == 0 ? specials[i]
                                : Int32.random(in: i % 2 == 0 ? -70_000 ... 70_000 : .min ... .max, using: &g)
                        }
                        for group in 0 ..< gs.count {
                            let d = double.int8(double.values(acc, group: group), .zero)
                            let s = single.int8(single.values(acc, group: group), .zero)
                            for lane in 0 ..< min(4, channels - 4 * group) {
                                let c = 4 * group + lane
                                #expect(d[lane] == doubleScalar(acc[lane], channel: c), "double shift \(shift) acc \(acc[lane])")
                                #expect(s[lane] == singleScalar(acc[lane], channel: c), "single shift \(shift) acc \(acc[lane])")
                            }
                        }
                    }
                }}
            }
        }
    }

    @Test func matrixProductMatchesPortable() {
        var g = Generator(state: 12)
        for rows in [1, 2, 3, 5] {
            for columns in [1, 2, 3, 4, 5, 7, 9, 13] {
                for depth in [1, 3, 15, 16, 17, 31, 40, 64, 70] {
                    let lhsStride = depth + 3, outputStride = columns + 2
                    let lhs = (0 ..< rows * lhsStride).map { _ in Int8.random(in: .min ... .max, using: &g) }
                    let rhs = (0 ..< columns * depth).map { _ in Int8.random(in: .min ... .max, using: &g) }
                    let p = Self.parameters(channels: columns, shifts: -12 ... 1, using: &g)
                    let groups = ChannelGroupParameters.groups(of: p)
                    let packed = rhs.withUnsafeBytes { PackedFilterInt16(weights: $0, columns: columns, depth: depth) }
                    let offset = Int32.random(in: -128 ... 127, using: &g)
                    let workspace = UnsafeMutableRawPointer.allocate(byteCount: matrixMultiplyWorkspaceBytes(depth: depth),
                                                                     alignment: 64)
                    defer { workspace.deallocate() }
                    var want = [Int8](repeating: 0, count: rows * outputStride), wantSingle = want
                    var gotPacked = want, gotInPlace = want, gotSingle = want
                    lhs.withUnsafeBufferPointer { l in rhs.withUnsafeBufferPointer { r in
                    p.withUnsafeBufferPointer { params in groups.withUnsafeBufferPointer { gs in
                    packed.chunks.withUnsafeBufferPointer { chunks in
                        let scalar = ChannelRequantizer(parameters: params.baseAddress!, outputOffset: offset,
                                                        minimum: -128, maximum: 127)
                        let scalarSingle = SingleRoundingRequantizer(parameters: params.baseAddress!, outputOffset: offset,
                                                                     minimum: -128, maximum: 127)
                        let vector = DoubleRoundingGroupRequantizer(groups: gs.baseAddress!, count: gs.count,
                                                                    outputOffset: offset, minimum: -128, maximum: 127)
                        let vectorSingle = SingleRoundingGroupRequantizer(parameters: params.baseAddress!, channels: columns,
                                                                          outputOffset: offset, minimum: -128, maximum: 127)
                        let packedRhs = PackedColumnQuads(chunks: chunks.baseAddress!, chunksPerColumn: packed.chunksPerColumn)
                        let inPlaceRhs = InPlaceColumnQuads(rhs: r.baseAddress!, columns: columns, depth: depth)
                        want.withUnsafeMutableBufferPointer { o in
                            matrixMultiplyInt8(lhs: l.baseAddress!, lhsStride: lhsStride, rows: rows, rhs: r.baseAddress!,
                                               columns: columns, depth: depth, output: o.baseAddress!,
                                               outputStride: outputStride, requantizer: scalar)
                        }
                        wantSingle.withUnsafeMutableBufferPointer { o in
                            matrixMultiplyInt8(lhs: l.baseAddress!, lhsStride: lhsStride, rows: rows, rhs: r.baseAddress!,
                                               columns: columns, depth: depth, output: o.baseAddress!,
                                               outputStride: outputStride, requantizer: scalarSingle)
                        }
                        gotPacked.withUnsafeMutableBufferPointer { o in
                            matrixMultiplyInt8SIMD(lhs: l.baseAddress!, lhsStride: lhsStride, rows: rows, rhs: packedRhs,
                                                   columns: columns, depth: depth, output: o.baseAddress!,
                                                   outputStride: outputStride, requantizer: vector, workspace: workspace)
                        }
                        gotInPlace.withUnsafeMutableBufferPointer { o in
                            matrixMultiplyInt8SIMD(lhs: l.baseAddress!, lhsStride: lhsStride, rows: rows, rhs: inPlaceRhs,
                                                   columns: columns, depth: depth, output: o.baseAddress!,
                                                   outputStride: outputStride, requantizer: vector, workspace: workspace)
                        }
                        gotSingle.withUnsafeMutableBufferPointer { o in
                            matrixMultiplyInt8SIMD(lhs: l.baseAddress!, lhsStride: lhsStride, rows: rows, rhs: inPlaceRhs,
                                                   columns: columns, depth: depth, output: o.baseAddress!,
                                                   outputStride: outputStride, requantizer: vectorSingle,
                                                   workspace: workspace)
                        }
                    }}}}}
                    // Padding columns of the output (past `columns`) stay untouched (0) in all.
                    #expect(gotPacked == want, "packed \(rows)x\(columns)x\(depth)")
                    #expect(gotInPlace == want, "in place \(rows)x\(columns)x\(depth)")
                    #expect(gotSingle == wantSingle, "single rounding \(rows)x\(columns)x\(depth)")
                }
            }
        }
    }

    @Test(arguments: [(1, 1, 1, 3), (2, 1, 0, 3), (1, 2, 2, 3), (2, 2, 1, 3), (1, 1, 0, 1), (3, 1, 2, 5)])
    func depthwiseMatchesPortable(stride: Int, dilation: Int, padding: Int, filter: Int) {
        var g = Generator(state: 13 + UInt64(stride * 100 + dilation * 10 + padding))
        for channels in [1, 3, 4, 5, 8, 12, 13, 17, 64] {
            let height = 7, width = 6, batches = 2
            let span = (filter - 1) * dilation + 1
            let window = Window2D(batches: batches, inputHeight: height, inputWidth: width,
                                  outputHeight: (height + 2 * padding - span) / stride + 1,
                                  outputWidth: (width + 2 * padding - span) / stride + 1,
                                  filterHeight: filter, filterWidth: filter, strideHeight: stride, strideWidth: stride,
                                  dilationHeight: dilation, dilationWidth: dilation, padTop: padding, padLeft: padding)
            let input = (0 ..< batches * height * width * channels).map { _ in Int8.random(in: .min ... .max, using: &g) }
            let weights = (0 ..< filter * filter * channels).map { _ in Int8.random(in: .min ... .max, using: &g) }
            let inputOffset = -Int32.random(in: -128 ... 127, using: &g)
            let p = Self.parameters(channels: channels, shifts: -10 ... 1, using: &g)
            let groups = ChannelGroupParameters.groups(of: p)
            let outputOffset = Int32.random(in: -128 ... 127, using: &g)
            let pixels = batches * window.outputHeight * window.outputWidth
            // Output padded by 8 bytes to catch stores past the tensor.
            var got = [Int8](repeating: 99, count: pixels * channels + 8)
            var want = [Int8](repeating: 99, count: pixels * channels + 8)
            input.withUnsafeBufferPointer { x in weights.withUnsafeBufferPointer { w in
            p.withUnsafeBufferPointer { params in groups.withUnsafeBufferPointer { gs in
                let scalar = ChannelRequantizer(parameters: params.baseAddress!, outputOffset: outputOffset,
                                                minimum: -128, maximum: 127)
                let vector = DoubleRoundingGroupRequantizer(groups: gs.baseAddress!, count: gs.count,
                                                            outputOffset: outputOffset, minimum: -128, maximum: 127)
                got.withUnsafeMutableBufferPointer { o in
                    depthwiseConvolveInt16Lanes(window: window, channels: channels, input: x.baseAddress!,
                                                weights: w.baseAddress!, inputOffset: inputOffset,
                                                output: o.baseAddress!, requantizer: vector)
                }
                let sums = PackedKernelTests.depthwiseSums(window: window, channels: channels, input: input,
                                                           weights: weights, inputOffset: inputOffset)
                for (i, sum) in sums.enumerated() { want[i] = scalar(sum, channel: i % channels) }
            }}}}
            #expect(got == want, "stride \(stride) dilation \(dilation) padding \(padding) filter \(filter) channels \(channels)")
        }
    }

    /// Every zoo model gives the same bytes through the SIMD and the portable kernels on random inputs.
    @Test(arguments: ModelZooTests.entries)
    func zooModelsMatchPortableKernels(_ entry: ModelZooTests.Entry) throws {
        let path = ModelZooTests.directory.appendingPathComponent("\(entry.name).tflite").path
        let model = try Model(contentsOf: path)
        let simd = Session(model: model), portable = Session(model: model)
        simd.interpreter.usesPortableKernels = false
        portable.interpreter.usesPortableKernels = true
        var g = Generator(state: 14)
        for _ in 0 ..< 5 {
            let bytes = (0 ..< entry.inputBytes).map { _ in UInt8.random(in: 0 ... 255, using: &g) }
            try simd.setInput(bytes: bytes)
            try portable.setInput(bytes: bytes)
            simd.invoke()
            portable.invoke()
            #expect(try simd.outputBytes() == portable.outputBytes(), "\(entry.name)")
        }
    }
}
