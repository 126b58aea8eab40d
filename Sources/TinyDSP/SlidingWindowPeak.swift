/// The maximum sample (signed, not absolute) of the most recent window of a stream, for
/// `InputNormalization.peak`, in O(1) per sample and O(window/block) per query without storing
/// samples: the stream is cut into blocks of `blockLength` samples (the hop), each block keeps
/// its maximum in a ring, and the block being filled keeps a running maximum.
///
/// `peak(sinceBlock:)` is exact for a window that starts on a block boundary and ends at the
/// latest observed sample — which is how `StreamingFrontEnd` queries it.
///
/// A final class owning its ring of block maxima (allocated in `init`): the per-sample path
/// allocates nothing and runs no copy-on-write or exclusivity checks.
public final class SlidingWindowPeak {
    public let blockLength: Int
    private let capacity: Int
    private let blockMaxima: UnsafeMutablePointer<Float>
    private var completedBlocks = 0
    private var current: Float = -.infinity
    private var currentCount = 0

    /// `capacityBlocks` is the most complete blocks a query may reach back over.
    public init(blockLength: Int, capacityBlocks: Int) {
        precondition(blockLength > 0 && capacityBlocks > 0)
        self.blockLength = blockLength
        capacity = capacityBlocks
        blockMaxima = .allocate(capacity: capacityBlocks)
        blockMaxima.initialize(repeating: -.infinity, count: capacityBlocks)
    }

    deinit { blockMaxima.deallocate() }

    public func observe(_ samples: UnsafeBufferPointer<Float>) {
        guard let p = samples.baseAddress else { return }
        var i = 0
        let n = samples.count
        while i < n {
            let take = min(blockLength - currentCount, n - i)
            current = Swift.max(current, Self.maximum(p + i, count: take))
            currentCount += take
            i += take
            if currentCount == blockLength {
                blockMaxima[completedBlocks % capacity] = current
                completedBlocks += 1
                current = -.infinity
                currentCount = 0
            }
        }
    }

    /// `max(x[0 ..< count])` (−∞ for none; NaNs are skipped): eight running maxima
    /// `m = x > m ? x : m` in two 4-lane SIMD values (one vector max each per step), so the loop
    /// pipelines instead of waiting on one comparison chain. The maximum is exact whatever the
    /// order; only the sign of a zero maximum may differ, which no caller can see (`peak` 0 means
    /// "leave unscaled").
    @inline(__always)
    static func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var low = SIMD4<Float>(repeating: -.infinity), high = low
        var j = 0
        while j + 8 <= count {
            let a = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD4<Float>.self)
            let b = UnsafeRawPointer(x + j + 4).loadUnaligned(as: SIMD4<Float>.self)
            low.replace(with: a, where: a .> low)
            high.replace(with: b, where: b .> high)
            j += 8
        }
        high.replace(with: low, where: low .> high)
        var m = Swift.max(Swift.max(high[0], high[1]), Swift.max(high[2], high[3]))
        while j < count {
            m = x[j] > m ? x[j] : m
            j += 1
        }
        return m
    }

    /// Maximum over blocks `first …` up to the latest sample; `-infinity` when nothing was seen.
    public func peak(sinceBlock first: Int) -> Float {
        precondition(completedBlocks - first <= capacity, "window reaches past the peak tracker's capacity")
        var m = currentCount > 0 ? current : -Float.infinity
        var b = max(first, 0)
        while b < completedBlocks {
            let v = blockMaxima[b % capacity]
            if v > m { m = v }
            b += 1
        }
        return m
    }

    public func reset() {
        completedBlocks = 0
        current = -.infinity
        currentCount = 0
    }
}
