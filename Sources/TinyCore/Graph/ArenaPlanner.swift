/// A static memory plan: one arena offset per run-time tensor, computed from tensor lifetimes.
///
/// Lifetimes are inclusive operator-index intervals: a tensor lives from the operator that writes
/// it (0 for graph inputs) to the last operator that reads it (the end for graph outputs).
/// Placement is greedy by size (largest first, ties by earlier first use): each buffer goes at the
/// lowest aligned offset that does not overlap any already-placed buffer whose lifetime intersects.
public struct ArenaPlan: Sendable {
    /// Arena offset per tensor id; -1 for tensors not in the arena (constants, unused).
    public var offsets: [Int]
    /// Arena offset of each operator's scratch area (0 when it needs none).
    public var scratchOffsets: [Int] = []
    /// Total arena bytes.
    public var arenaBytes: Int
    /// The largest sum of simultaneously live buffer sizes: no plan can be smaller.
    public var lowerBound: Int

    /// `sizes[i] == 0` means tensor `i` needs no arena space.
    public init(sizes: [Int], firstUse: [Int], lastUse: [Int], alignment: Int = 16) {
        let n = sizes.count
        offsets = [Int](repeating: -1, count: n)
        var order: [Int] = []
        for i in 0 ..< n where sizes[i] > 0 { order.append(i) }
        order.sort { a, b in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : (firstUse[a] != firstUse[b] ? firstUse[a] < firstUse[b] : a < b)
        }
        var placed: [Int] = []
        var total = 0
        for t in order {
            // Collect conflicting intervals sorted by offset, then scan for the first gap.
            var conflicts: [(start: Int, end: Int)] = []
            for p in placed where firstUse[p] <= lastUse[t] && firstUse[t] <= lastUse[p] {
                conflicts.append((offsets[p], offsets[p] + sizes[p]))
            }
            conflicts.sort { $0.start < $1.start }
            var candidate = 0
            for c in conflicts {
                if candidate + sizes[t] <= c.start { break }
                candidate = max(candidate, (c.end + alignment - 1) / alignment * alignment)
            }
            offsets[t] = candidate
            placed.append(t)
            total = max(total, candidate + sizes[t])
        }
        arenaBytes = total
        var bound = 0
        var lastStep = 0
        for i in 0 ..< n where sizes[i] > 0 { lastStep = max(lastStep, lastUse[i]) }
        if !order.isEmpty {
            for step in 0 ... lastStep {
                var live = 0
                for i in order where firstUse[i] <= step && step <= lastUse[i] { live += sizes[i] }
                bound = max(bound, live)
            }
        }
        lowerBound = bound
    }
}
