import TinyFeatures
import TinyIO

/// Streams a signal through a `FeatureExtractor` and hands out one feature frame per window, in
/// constant memory (one read block, one frame, the extractor's ring). Window w covers samples
/// [w·hop, w·hop + N) of the signal; the body gets the frame and the window's end sample.
final class FeatureFrameReader {
    /// How a signal ended.
    struct End {
        /// Samples read.
        var samples = 0
        /// End sample of the last complete window (0 if none).
        var lastWindowEnd = 0
        /// Set when the audio file was shorter than its header declares (treated as the end).
        var truncation: String?
        var trailingSamples: Int { samples - lastWindowEnd }
    }

    let extractor: FeatureExtractor
    private var block: [Float]
    private(set) var frame: [Float]

    init(spec: FeatureSpec) throws(AnomalyError) {
        do {
            extractor = try FeatureExtractor(spec: spec)
        } catch {
            throw AnomalyError(error.description)
        }
        block = [Float](repeating: 0, count: 4096)
        frame = [Float](repeating: 0, count: extractor.inputCount)
    }

    /// Reads `stream` to its end (starting a new signal), calling `body` for every window.
    func read(_ stream: AudioStream,
              _ body: (UnsafeBufferPointer<Float>, _ windowEnd: Int) throws(AnomalyError) -> Void) throws(AnomalyError) -> End {
        extractor.reset()
        let windowSamples = extractor.spec.clipSamples
        var end = End()
        while true {
            let n: Int
            do {
                n = try stream.read(into: &block)
            } catch .truncated(let path, let expected, let read) {
                end.truncation = "\(path) is truncated (header declares \(expected) frames, \(read) were read)"
                break
            } catch {
                throw AnomalyError(error.description)
            }
            if n == 0 { break }
            end.samples += n
            block.withUnsafeBufferPointer { extractor.push(UnsafeBufferPointer(rebasing: $0[0 ..< n])) }
            while true {
                let start = extractor.nextWindowStart
                let ready = frame.withUnsafeMutableBufferPointer { extractor.popInput(into: $0.baseAddress!) }
                if !ready { break }
                end.lastWindowEnd = start + windowSamples
                try frame.withUnsafeBufferPointer { (p) throws(AnomalyError) in try body(p, end.lastWindowEnd) }
            }
        }
        return end
    }
}
