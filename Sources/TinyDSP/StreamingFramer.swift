/// Cuts a stream of samples into overlapping frames through a ring buffer, so the frames are the
/// same whether the signal arrives whole or in chunks of any size.
///
/// Frame `t` holds samples `[t·hop, t·hop + frameLength)` of the stream (no padding at either end,
/// as `tf.signal.frame(pad_end=False)` and `librosa.util.frame`; a stream shorter than one frame
/// yields none). `hop > frameLength` is allowed: the samples between frames are skipped.
///
/// Pull protocol, allocation-free after `init`:
/// ```
/// var offset = 0
/// while offset < chunk.count {
///     offset += framer.append(UnsafeBufferPointer(rebasing: chunk[offset...]))
///     if framer.hasFrame { framer.takeFrame(into: frame) /* process */ }
/// }
/// ```
/// `append` consumes samples only up to the end of the next complete frame and then stops (returns
/// fewer than offered) until `takeFrame` is called, so memory stays at one frame.
///
/// A final class owning its ring (allocated in `init`), so a frame can be lent as pointers into it
/// and the per-hop calls allocate nothing and run no copy-on-write or exclusivity checks.
public final class StreamingFramer {
    public let frameLength: Int
    public let hop: Int
    private let ring: UnsafeMutablePointer<Float>
    private var writeIndex = 0
    private var filled = 0
    private var skip = 0
    private var consumedCount = 0
    private var takenCount = 0

    public init(frameLength: Int, hop: Int) throws(DSPError) {
        guard frameLength > 0 else { throw DSPError("frame length must be positive (got \(frameLength))") }
        guard hop > 0 else { throw DSPError("hop must be positive (got \(hop))") }
        self.frameLength = frameLength
        self.hop = hop
        ring = .allocate(capacity: frameLength)
        ring.initialize(repeating: 0, count: frameLength)
    }

    deinit { ring.deallocate() }

    /// Samples consumed since `init`/`reset`.
    public var samplesConsumed: Int { consumedCount }

    /// Frames taken since `init`/`reset` (the index of the next frame).
    public var framesTaken: Int { takenCount }

    /// True when a complete frame waits to be taken.
    public var hasFrame: Bool { filled == frameLength }

    /// Consumes samples from `samples` up to the completion of the next frame; returns how many.
    public func append(_ samples: UnsafeBufferPointer<Float>) -> Int {
        guard !hasFrame, let base = samples.baseAddress else { return 0 }
        var consumed = min(skip, samples.count)
        skip -= consumed
        let n = min(frameLength - filled, samples.count - consumed)
        guard n > 0 else {
            consumedCount += consumed
            return consumed
        }
        let first = min(n, frameLength - writeIndex)
        (ring + writeIndex).update(from: base + consumed, count: first)
        if n > first { ring.update(from: base + consumed + first, count: n - first) }
        writeIndex = (writeIndex + n) % frameLength
        filled += n
        consumed += n
        consumedCount += consumed
        return consumed
    }

    /// Copies the waiting frame, oldest sample first, to `frame[0 ..< frameLength]` and advances by
    /// `hop`. Requires `hasFrame`.
    public func takeFrame(into frame: UnsafeMutablePointer<Float>) {
        withFrame { first, second in
            frame.update(from: first.baseAddress!, count: first.count)
            if let s = second.baseAddress { (frame + first.count).update(from: s, count: second.count) }
        }
        dropFrame()
    }

    /// Lends the waiting frame without copying it: as the ring stores it, `first` then `second`
    /// (oldest sample first; `second` is empty unless the frame wraps the ring's end). Requires
    /// `hasFrame`; follow with `dropFrame()`. The pointers are valid only inside `body`.
    @inline(__always)
    public func withFrame<R>(_ body: (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>) -> R) -> R {
        precondition(hasFrame, "withFrame called without a complete frame")
        return body(UnsafeBufferPointer(start: ring + writeIndex, count: frameLength - writeIndex),
                    UnsafeBufferPointer(start: ring, count: writeIndex))
    }

    /// Advances past the waiting frame by `hop`. Requires `hasFrame`.
    public func dropFrame() {
        precondition(hasFrame, "dropFrame called without a complete frame")
        let drop = min(hop, frameLength)
        filled -= drop
        skip = hop - drop
        takenCount += 1
    }

    /// Forgets all buffered samples and counters.
    public func reset() {
        writeIndex = 0
        filled = 0
        skip = 0
        consumedCount = 0
        takenCount = 0
    }
}
