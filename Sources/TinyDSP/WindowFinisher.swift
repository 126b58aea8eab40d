/// Finishes the linear frames of one input window (`FrameProcessor` step 2, for streams whose
/// finishing waits for the window: peak normalisation, top-dB clamp): frame `f`'s bands, kept
/// in slot `f mod ringFrames` of the stream's ring, become
/// `finished[f mod ringFrames] = DCT(clamp(log(bands × scale)))` (`coefficientCount` floats).
///
/// Work is shared across overlapping windows: a finished frame is kept with the scale it was
/// finished at, and a later window whose scale has the same bits reuses it instead of finishing
/// the frame again — the same inputs through the same arithmetic, so the same bits. With peak
/// normalisation the scale changes only when the window's maximum sample enters or leaves it, so
/// a stream with a stride of one frame finishes about one frame per window instead of all of
/// them. The top-dB clamp depends on the whole window, so with it every frame is finished anew.
/// Frames to finish are gathered and go through the logarithm in one pass. All buffers are
/// allocated in `init`; `finish` allocates nothing. Not thread-safe: one per stream.
final class WindowFinisher<FFT: RealFourierTransform> {
    private let processor: FrameProcessor<FFT>
    private let log: LogCompression?
    private let reuses: Bool
    private let framesPerWindow: Int
    private let ringFrames: Int
    private let bandWidth: Int
    private let coefficientCount: Int
    private let compressed: UnsafeMutablePointer<Float>      // framesPerWindow × bandWidth
    private let pendingFrames: UnsafeMutablePointer<Int>     // frames gathered in `compressed`
    /// Finished frames by ring slot (`ringFrames × coefficientCount`), each with its frame index
    /// (−1: none) and the bits of the scale it was finished at.
    let finished: UnsafeMutablePointer<Float>
    private let finishedFrame: UnsafeMutablePointer<Int>
    private let finishedScale: UnsafeMutablePointer<UInt32>
    /// Frames finished (not reused) since `init`/`reset`.
    private(set) var framesFinished = 0

    init(processor: FrameProcessor<FFT>, ringFrames: Int) {
        let c = processor.configuration
        self.processor = processor
        log = c.log
        reuses = c.log?.topDecibels == nil
        framesPerWindow = c.framesPerWindow
        self.ringFrames = ringFrames
        bandWidth = c.bandWidth
        coefficientCount = c.coefficientCount
        compressed = .allocate(capacity: framesPerWindow * bandWidth)
        pendingFrames = .allocate(capacity: framesPerWindow)
        finished = .allocate(capacity: ringFrames * coefficientCount)
        finished.initialize(repeating: 0, count: ringFrames * coefficientCount)
        finishedFrame = .allocate(capacity: ringFrames)
        finishedFrame.initialize(repeating: -1, count: ringFrames)
        finishedScale = .allocate(capacity: ringFrames)
        finishedScale.initialize(repeating: 0, count: ringFrames)
    }

    deinit {
        compressed.deallocate()
        pendingFrames.deallocate()
        finished.deallocate()
        finishedFrame.deallocate()
        finishedScale.deallocate()
    }

    /// Makes `finished` hold frames `first ..< first + framesPerWindow` finished at `scale`, from
    /// their bands in `ring` (`ringFrames × bandWidth`, frame `f` in slot `f mod ringFrames`).
    func finish(_ ring: UnsafePointer<Float>, first: Int, scale: Float) {
        let bw = bandWidth
        var pending = 0
        for f in first ..< first + framesPerWindow {
            let slot = f % ringFrames
            if reuses, finishedFrame[slot] == f, finishedScale[slot] == scale.bitPattern { continue }
            processor.scale(ring + slot * bw, by: scale, into: compressed + pending * bw)
            pendingFrames[pending] = f
            pending += 1
        }
        framesFinished += pending
        processor.compress(compressed, frames: pending)
        log?.clampDynamicRange(compressed, count: pending * bw)  // no-op unless top-dB; then pending is the window
        for q in 0 ..< pending {
            let f = pendingFrames[q]
            let slot = f % ringFrames
            processor.transform(compressed + q * bw, into: finished + slot * coefficientCount)
            finishedFrame[slot] = f
            finishedScale[slot] = scale.bitPattern
        }
    }

    /// Forgets every finished frame (a new stream).
    func reset() {
        finishedFrame.update(repeating: -1, count: ringFrames)
        framesFinished = 0
    }
}
