import TinyIO

extension KeywordSpotter {
    /// What a whole stream amounted to.
    public struct StreamSummary: Sendable, Equatable {
        public var samples: Int
        public var seconds: Double
        public var windows: Int
        public var detections: Int
    }

    /// Runs `stream` (mono at the pipeline's rate) to its end in blocks of `blockSamples`
    /// (allocated once), then `finish()`es, calling `onDetection` as keywords are found. Memory is
    /// constant in the stream's length. TinyIO's read errors (a non-finite sample, a decode error,
    /// truncation, a stream cut mid-sample) end the run as `.input`, after the detections before
    /// them were reported.
    public func run(_ stream: AudioStream, blockSamples: Int = 4096, onWindow: ((Int, UnsafeBufferPointer<Float>) -> Void)? = nil,
                    onDetection: (Detection) -> Void) throws(KWSError) -> StreamSummary {
        reset()
        var block = [Float](repeating: 0, count: max(1, blockSamples))
        var detections = 0
        while true {
            let n: Int
            do {
                n = try stream.read(into: &block)
            } catch {
                throw .input(error)
            }
            if n == 0 { break }
            try block.withUnsafeBufferPointer { (b) throws(KWSError) in
                try process(UnsafeBufferPointer(rebasing: b[0 ..< n]), onWindow: onWindow) { d in
                    detections += 1
                    onDetection(d)
                }
            }
        }
        guard samplesProcessed > 0 else { throw .input(.empty(source: stream.source.sourceName)) }
        finish(onWindow: onWindow) { d in
            detections += 1
            onDetection(d)
        }
        return StreamSummary(samples: samplesProcessed, seconds: Double(samplesProcessed) / Double(pipeline.features.sampleRate),
                             windows: windows, detections: detections)
    }
}
