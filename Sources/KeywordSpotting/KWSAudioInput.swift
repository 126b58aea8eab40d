import TinyIO

/// Where `kws-demo` (or any host) reads audio from, opened as a mono `AudioStream` at the
/// pipeline's rate through TinyIO (any libsndfile format, rate and channel count; downmix, then
/// polyphase resampling).
public enum KWSAudioInput: Sendable, Equatable {
    /// An audio file.
    case file(String)
    /// Audio with a header arriving on standard input, any format libsndfile reads (WAV, AIFF and
    /// AU stream live; FLAC, Ogg and the rest are spooled first, see `AudioFileReader.init(fileDescriptor:name:)`).
    case standardInputFile
    /// Raw PCM on standard input (no header, so the caller states rate, channels and encoding).
    case standardInputPCM(rate: Int, channels: Int, encoding: PCMStreamReader.Encoding)

    /// Opens the input. Errors (`.input`, typed, one line): missing, unreadable, empty, corrupt or
    /// truncated input, a rate or channel count TinyIO refuses, and a source rate outside the
    /// pipeline's `inputRates` — below twice the highest frequency the front end reads (such audio
    /// has nothing in the bands the model listens to, so it is refused rather than silently
    /// resampled into wrong features) or above `InputRates.audioCeiling`.
    public func open(for pipeline: KWSPipeline) throws(KWSError) -> AudioStream {
        do {
            let source: any FrameSource
            switch self {
            case .file(let path): source = try AudioFileReader(path: path)
            case .standardInputFile: source = try AudioFileReader.standardInput()
            case .standardInputPCM(let rate, let channels, let encoding):
                source = try PCMStreamReader(input: .standardInput(), encoding: encoding, channels: channels, sampleRate: rate)
            }
            return try AudioStream(source: source, outputRate: pipeline.features.sampleRate, accepting: pipeline.inputRates)
        } catch {
            throw .input(error)
        }
    }
}

extension KWSPipeline {
    /// The source rates the pipeline accepts (see `InputRates`): 8,000–192,000 Hz for the MLPerf
    /// front end's 20–4000 Hz bands.
    public var inputRates: InputRates { InputRates(pipeline: "kws", frontEnd: features.frontEnd) }
}
