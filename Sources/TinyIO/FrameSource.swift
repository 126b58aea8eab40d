/// A pull source of interleaved full-scale `Float` frames at a fixed rate: an audio file
/// (`AudioFileReader`) or raw PCM from a pipe (`PCMStreamReader`). `AudioStream` turns any of them
/// into mono blocks at the pipeline's rate.
///
/// Full scale means a 16-bit sample `s` reads as `Float(s) / 32768` (exactly), other integer widths
/// likewise by 2^(bits-1), float encodings as stored.
public protocol FrameSource: AnyObject {
    /// Frames per second.
    var sampleRate: Int { get }
    /// Samples per frame (interleaved).
    var channelCount: Int { get }
    /// A short name for messages: the path, or `<stdin>`.
    var sourceName: String { get }
    /// Reads up to `buffer.count / channelCount` whole frames, interleaved, into the front of
    /// `buffer`, and returns how many frames it read. It returns fewer only at the end of the input,
    /// and 0 once the input is exhausted (and on every later call).
    func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int
}
