/// Interleaved multi-channel frames to mono by the mean of the channels:
///
///     mono[f] = (Σ_{c=0}^{C-1} x[f·C + c]) / C        (summed in channel order, then divided)
///
/// which is `numpy.mean(x.reshape(-1, C), axis=1)` for small C. One channel is copied unchanged.
/// Imports nothing (portable).
public enum Downmix {
    /// Writes `interleaved.count / channels` mono samples to the front of `mono` (which must hold
    /// that many) and returns the count. `mono` may alias `interleaved`: frame f is read before
    /// sample f is written and f ≤ f·C.
    @discardableResult
    public static func mean(_ interleaved: UnsafeBufferPointer<Float>, channels: Int,
                            into mono: UnsafeMutableBufferPointer<Float>) -> Int {
        precondition(channels >= 1, "Downmix.mean: channels must be >= 1")
        let frames = interleaved.count / channels
        precondition(mono.count >= frames, "Downmix.mean: output holds \(mono.count) samples, needs \(frames)")
        guard frames > 0, let source = interleaved.baseAddress, let target = mono.baseAddress else { return 0 }
        switch channels {
        case 1:
            if target != UnsafeMutablePointer(mutating: source) { target.update(from: source, count: frames) }
        case 2:
            for f in 0 ..< frames { target[f] = (source[2 * f] + source[2 * f + 1]) / 2 }
        default:
            let divisor = Float(channels)
            for f in 0 ..< frames {
                var sum: Float = 0
                for c in 0 ..< channels { sum += source[f * channels + c] }
                target[f] = sum / divisor
            }
        }
        return frames
    }
}
