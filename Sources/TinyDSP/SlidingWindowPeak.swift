/// The maximum sample (signed, not absolute) of the most recent window of a stream, for
/// `InputNormalization.peak`, in O(1) per sample and O(window/block) per query without storing
/// samples: the stream is cut into blocks of `blockLength` samples (the hop), each block keeps
/// its maximum in a ring, and the block being filled keeps a running maximum.
///
/// `peak(sinceBlock:)` is exact for a window that starts on a block boundary and ends at the
/// latest observed sample — which is how `StreamingFrontEnd` queries it.
public struct SlidingWindowPeak: Sendable {
    public let blockLength: Int
    private var blockMaxima: [Float]
    private var completedBlocks = 0
    private var current: Float = -.infinity
    private var currentCount = 0

    /// `capacityBlocks` is the most complete blocks a query may reach back over.
    public init(blockLength: Int, capacityBlocks: Int) {
        precondition(blockLength > 0 && capacityBlocks > 0)
        self.blockLength = blockLength
        blockMaxima = [Float](repeating: -.infinity, count: capacityBlocks)
    }

    public mutating func observe(_ samples: UnsafeBufferPointer<Float>) {
        guard let p = samples.baseAddress else { return }
        var i = 0
        let n = samples.count
        while i < n {
            let take = min(blockLength - currentCount, n - i)
            current = Swift.max(current, Self.maximum(p + i, count: take))
            currentCount += take
            i += take
            if currentCount == blockLength {
                blockMaxima[completedBlocks % blockMaxima.count] = current
                completedBlocks += 1
                current = -.infinity
                currentCount = 0
            }
        }
    }

    /// `max(x[0 ..< count])` (−∞ for none), with eight independent running maxima so the loop
    /// pipelines (and vectorises) instead of waiting on one comparison chain.
    @inline(__always)
    static func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var m0 = -Float.infinity, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0
        var j = 0
        while j + 8 <= count {
            m0 = x[j] > m0 ? x[j] : m0
            m1 = x[j + 1] > m1 ? x[j + 1] : m1
            m2 = x[j + 2] > m2 ? x[j + 2] : m2
            m3 = x[j + 3] > m3 ? x[j + 3] : m3
            m4 = x[j + 4] > m4 ? x[j + 4] : m4
            m5 = x[j + 5] > m5 ? x[j + 5] : m5
            m6 = x[j + 6] > m6 ? x[j + 6] : m6
            m7 = x[j + 7] > m7 ? x[j + 7] : m7
            j += 8
        }
        while j < count {
            m0 = x[j] > m0 ? x[j] : m0
            j += 1
        }
        return Swift.max(Swift.max(Swift.max(m0, m1), Swift.max(m2, m3)), Swift.max(Swift.max(m4, m5), Swift.max(m6, m7)))
    }

    /// Maximum over blocks `first …` up to the latest sample; `-infinity` when nothing was seen.
    public func peak(sinceBlock first: Int) -> Float {
        precondition(completedBlocks - first <= blockMaxima.count, "window reaches past the peak tracker's capacity")
        var m = currentCount > 0 ? current : -Float.infinity
        var b = max(first, 0)
        while b < completedBlocks {
            let v = blockMaxima[b % blockMaxima.count]
            if v > m { m = v }
            b += 1
        }
        return m
    }

    public mutating func reset() {
        completedBlocks = 0
        current = -.infinity
        currentCount = 0
    }
}
