import Testing
import TinyDSP

/// The ring-buffer framer yields the same frames whether the signal arrives whole or in odd chunks.
@Suite struct StreamingFramerTests {
    static func frames(_ signal: [Float], frameLength: Int, hop: Int, chunks: [Int]) throws -> [[Float]] {
        let framer = try StreamingFramer(frameLength: frameLength, hop: hop)
        var out: [[Float]] = []
        var frame = [Float](repeating: 0, count: frameLength)
        var position = 0
        var chunkIndex = 0
        while position < signal.count {
            let n = min(chunks[chunkIndex % chunks.count], signal.count - position)
            chunkIndex += 1
            let chunk = Array(signal[position ..< position + n])
            position += n
            var offset = 0
            chunk.withUnsafeBufferPointer { c in
                while offset < c.count {
                    offset += framer.append(UnsafeBufferPointer(rebasing: c[offset...]))
                    if framer.hasFrame {
                        frame.withUnsafeMutableBufferPointer { framer.takeFrame(into: $0.baseAddress!) }
                        out.append(frame)
                    }
                }
            }
        }
        return out
    }

    @Test(arguments: [(480, 320), (400, 160), (7, 3), (5, 5), (4, 9)])
    func chunkingDoesNotChangeFrames(frameLength: Int, hop: Int) throws {
        let signal = (0 ..< 5003).map { Float($0) }
        // Reference: slicing [t·hop, t·hop + frameLength) directly.
        var expected: [[Float]] = []
        var t = 0
        while t * hop + frameLength <= signal.count {
            expected.append(Array(signal[t * hop ..< t * hop + frameLength]))
            t += 1
        }
        for chunks in [[signal.count], [1], [3, 1, 7], [319, 1, 641], [1000]] {
            let got = try Self.frames(signal, frameLength: frameLength, hop: hop, chunks: chunks)
            #expect(got == expected, "frame \(frameLength) hop \(hop) chunks \(chunks)")
        }
    }

    @Test func shortSignalGivesNoFrame() throws {
        #expect(try Self.frames([1, 2, 3], frameLength: 4, hop: 1, chunks: [1]).isEmpty)
        #expect(throws: DSPError.self) { try StreamingFramer(frameLength: 0, hop: 1) }
        #expect(throws: DSPError.self) { try StreamingFramer(frameLength: 4, hop: 0) }
    }
}
