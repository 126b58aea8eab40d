/// The samples `FeatureExtractor` holds back while an input waits to be popped: a FIFO of floats,
/// appended at the back and read from the front as one contiguous run (`unread`).
///
/// Storage is one buffer owned by the queue. `append` first slides the unread samples to the
/// front when they do not fit behind, and grows the buffer (to at least twice its size) only when
/// they still do not fit, so a stream whose pushes and pops balance stops allocating once the
/// buffer has reached its working size. A final class with private counters: the per-chunk calls
/// run no copy-on-write or runtime exclusivity checks.
final class SampleQueue {
    private var storage: UnsafeMutablePointer<Float>
    private var capacity: Int
    private var start = 0
    private var end = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { start == end }

    /// The queued samples, oldest first; valid until the next `append`, `removeFirst` or `removeAll`.
    var unread: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: storage + start, count: end - start) }

    func append(_ samples: UnsafeBufferPointer<Float>) {
        guard let source = samples.baseAddress else { return }
        let n = samples.count
        if end + n > capacity, start > 0 {
            storage.update(from: storage + start, count: end - start)
            end -= start
            start = 0
        }
        if end + n > capacity {
            let grown = max(2 * capacity, end + n)
            let larger = UnsafeMutablePointer<Float>.allocate(capacity: grown)
            larger.moveInitialize(from: storage, count: end)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        (storage + end).initialize(from: source, count: n)
        end += n
    }

    /// Drops the `count` oldest samples (`count ≤ unread.count`).
    func removeFirst(_ count: Int) {
        precondition(count <= end - start, "removing \(count) of \(end - start) queued samples")
        start += count
        if start == end { removeAll() }
    }

    func removeAll() {
        start = 0
        end = 0
    }
}
