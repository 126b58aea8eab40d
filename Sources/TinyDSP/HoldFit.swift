/// Fits a recording of any length to a fixed number of frames, centred: the whole-recording
/// counterpart of a stream's sliding window (one gesture instance → one model input).
///
/// With n input frames of `channels` interleaved values and a target of W frames:
/// - n ≥ W: frames [s, s + W) with s = ⌊(n − W)/2⌋ (centre crop);
/// - n < W: the recording starts at frame o = ⌊(W − n)/2⌋; frames before it repeat the first
///   frame and frames after it repeat the last (the device held still before and after, as a
///   stream primed with its first sample is).
/// n = 0 is a caller error.
public enum HoldFit {
    /// Offset of the recording inside the W-frame result (negative: frames cropped from the front).
    public static func offset(frameCount n: Int, length w: Int) -> Int {
        n >= w ? -((n - w) / 2) : (w - n) / 2
    }

    /// Writes W × `channels` values into `output`.
    public static func fit(_ input: UnsafeBufferPointer<Float>, channels: Int, frameCount n: Int, length w: Int,
                           into output: UnsafeMutableBufferPointer<Float>) {
        precondition(n >= 1 && channels >= 1 && w >= 1, "HoldFit.fit: empty recording or window")
        precondition(input.count >= n * channels && output.count >= w * channels, "HoldFit.fit: buffers too small")
        let o = offset(frameCount: n, length: w)
        for t in 0 ..< w {
            let source = min(max(t - o, 0), n - 1)
            for c in 0 ..< channels { output[t * channels + c] = input[source * channels + c] }
        }
    }

    /// Array convenience.
    public static func fit(_ input: [Float], channels: Int, length w: Int) -> [Float] {
        var out = [Float](repeating: 0, count: w * channels)
        input.withUnsafeBufferPointer { i in
            out.withUnsafeMutableBufferPointer { o in fit(i, channels: channels, frameCount: input.count / channels, length: w, into: o) }
        }
        return out
    }
}
