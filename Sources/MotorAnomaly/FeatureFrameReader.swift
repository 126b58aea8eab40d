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
        /// Set when the input failed after some samples were read (a file shorter than its header
        /// declares, a decode error in a damaged file): the windows before it were processed and
        /// the failure is treated as the end of the stream, reported, not hidden.
        var inputError: String?
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
        reading: while true {
            let n: Int
            do {
                n = try stream.read(into: &block)
            } catch {
                switch error {
                case .truncated, .unrecognizedFormat, .unreadable:
                    guard end.samples > 0 else { throw AnomalyError(error.description) }
                    end.inputError = error.description
                    break reading
                default:
                    throw AnomalyError(error.description)
                }
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
