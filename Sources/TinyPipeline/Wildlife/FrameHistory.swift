/// The last `capacity` feature frames of a stream (a ring), addressed by absolute frame index, so
/// a classifier window can be copied out once its last frame has arrived. Allocation-free after `init`.
public struct FrameHistory {
    public let capacity: Int
    public let width: Int
    private var storage: [Float]
    /// Frames appended since `init`/`reset` (the next frame's index).
    public private(set) var count = 0

    public init(capacity: Int, width: Int) {
        self.capacity = capacity
        self.width = width
        storage = [Float](repeating: 0, count: capacity * width)
    }

    /// Index of the oldest frame still held.
    public var oldest: Int { max(0, count - capacity) }

    public mutating func append(_ frame: UnsafeBufferPointer<Float>) {
        precondition(frame.count == width, "FrameHistory: frame has \(frame.count) values, expected \(width)")
        let base = (count % capacity) * width
        for i in 0 ..< width { storage[base + i] = frame[i] }
        count += 1
    }

    /// Copies frames `start ..< start + frames` (all still held) row by row into `out`.
    public func copy(from start: Int, frames: Int, into out: UnsafeMutablePointer<Float>) {
        precondition(start >= oldest && start + frames <= count, "FrameHistory: frames \(start)..<\(start + frames) not held (\(oldest)..<\(count))")
        storage.withUnsafeBufferPointer { s in
            for f in 0 ..< frames {
                (out + f * width).update(from: s.baseAddress! + ((start + f) % capacity) * width, count: width)
            }
        }
    }

    public mutating func reset() { count = 0 }
}
