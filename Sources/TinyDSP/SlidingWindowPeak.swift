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
        var i = 0
        let n = samples.count
        while i < n {
            let take = min(blockLength - currentCount, n - i)
            var m = current
            for j in i ..< i + take where samples[j] > m { m = samples[j] }
            current = m
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
