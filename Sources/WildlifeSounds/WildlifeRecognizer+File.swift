import TinyIO

extension WildlifeRecognizer {
    /// Streams an audio file (any rate and channel count libsndfile reads; downmixed and resampled
    /// to the feature spec's rate by TinyIO, `blockSamples` at a time; `-` is standard input)
    /// through `push`/`finish`, handing each event to `onEvent` as soon as it is complete and
    /// reporting `progress(samplesDone, samplesExpected)` after each block. Returns the summary.
    /// Errors (`.input`): unreadable, corrupt, truncated, cut-off or empty input, NaN/infinite
    /// samples, a rate outside the pipeline's `inputRates` (checked before anything is read).
    public func recognize(path: String, blockSamples: Int = 4096,
                          progress: ((Int, Int?) -> Void)? = nil,
                          onEvent: (RecognizedEvent) -> Void) throws(WildlifeError) -> RecognitionSummary {
        let rate = pipeline.features.sampleRate
        do {
            let source = path == "-" ? try AudioFileReader.standardInput() : try AudioFileReader(path: path)
            let stream = try AudioStream(source: source, outputRate: rate, accepting: pipeline.inputRates)
            let expected = stream.expectedSampleCount
            var block = [Float](repeating: 0, count: blockSamples)
            while true {
                let n = try stream.read(into: &block)
                if n == 0 { break }
                let events = try block.withUnsafeBufferPointer { b throws(WildlifeError) in
                    try push(UnsafeBufferPointer(rebasing: b[0 ..< n]))
                }
                events.forEach(onEvent)
                progress?(stream.samplesDelivered, expected)
            }
            if stream.samplesDelivered == 0 { throw WildlifeError.input(.empty(source: path)) }
        } catch let e as IOError {
            throw .input(e)
        } catch let e as WildlifeError {
            throw e
        } catch {
            throw WildlifeError("\(path): \(error)")
        }
        finish().forEach(onEvent)
        return summary
    }
}
