/// What an audio file's header says: rate, channels, length and encoding.
public struct AudioFileInfo: Equatable, Sendable {
    /// The path as given.
    public var path: String
    /// Frames per second.
    public var sampleRate: Int
    /// Samples per frame.
    public var channelCount: Int
    /// Frames the header declares (the count `AudioFileReader` verifies at the end of the file);
    /// 0 where the length is unknown: a stream on a pipe, an encoding libsndfile cannot seek in
    /// (GSM 6.10), an Ogg file without a final granule position.
    public var frames: Int
    /// Frames actually in the file (less than `frames` when it is truncated); nil where the length
    /// is unknown (on a pipe only reading to the end tells).
    public var presentFrames: Int?
    /// Container as libsndfile names it, e.g. "WAV (Microsoft)", "FLAC (Free Lossless Audio Codec)".
    public var container: String
    /// Sample encoding as libsndfile names it, e.g. "Signed 16 bit PCM", "Vorbis".
    public var encoding: String
    /// The raw libsndfile format code (`SF_FORMAT_*` major | minor).
    public var formatCode: Int32

    /// The header claims more frames than the file holds.
    public var isTruncated: Bool { presentFrames.map { $0 < frames } ?? false }

    /// `frames / sampleRate`.
    public var durationSeconds: Double { Double(frames) / Double(sampleRate) }
}
