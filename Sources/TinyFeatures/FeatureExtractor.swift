import TinyDSP

/// The host feature extractor for one `FeatureSpec`: FFTW-backed (or, with `fft: .portable`, the
/// device's `PortableRealFFT`, for features equal to a device's bit for bit), streaming (push samples, pop
/// model inputs; frames are computed once and reused across overlapping inputs) and whole-clip
/// (pad/crop to the spec's clip, one input) — both through the same `StreamingFrontEnd`, so they
/// give bit-identical numbers.
///
/// Samples are floats at `spec.sampleRate` (TinyIO's reader gives PCM / full scale in [−1, 1) and
/// resamples/downmixes). An input is `spec.inputShape` = `[framesPerInput, rowWidth]`, row-major.
/// Not thread-safe: one extractor per thread (each owns its FFTW plan and buffers).
public final class FeatureExtractor {
    public let spec: FeatureSpec
    public let frontEnd: StreamingFrontEnd<FeatureFFT>
    private let pending: SampleQueue
    private let zeros: [Float]

    /// `inputStride`: frames between the starts of consecutive streamed inputs (1 = every hop).
    public init(spec: FeatureSpec, inputStride: Int = 1, fft: FeatureFFT.Backend = .fftw) throws(FeatureSpecError) {
        self.spec = spec
        do {
            frontEnd = try StreamingFrontEnd(configuration: spec.frontEnd, fft: try FeatureFFT(fft, size: spec.frontEnd.fftSize),
                                             inputStride: inputStride)
        } catch {
            throw .invalid(kind: "feature spec", name: spec.name, problem: error.description)
        }
        zeros = [Float](repeating: 0, count: 4096)
        pending = SampleQueue(capacity: spec.frontEnd.hop)
    }

    /// Floats per input (`framesPerInput × rowWidth`).
    public var inputCount: Int { frontEnd.inputCount }

    /// Queues samples (any count). When nothing is queued they go straight into the front end
    /// (frames are computed now rather than at the next pop — the same numbers), and only what
    /// follows a ready input is copied into the queue.
    public func push(_ samples: UnsafeBufferPointer<Float>) {
        var offset = 0
        if pending.isEmpty, !frontEnd.hasInput { offset = frontEnd.append(samples) }
        if offset < samples.count { pending.append(UnsafeBufferPointer(rebasing: samples[offset...])) }
    }

    public func push(_ samples: [Float]) {
        samples.withUnsafeBufferPointer { push($0) }
    }

    /// Computes the next input from the queued samples into `out` (`inputCount` floats); false when
    /// the queued samples do not complete one. Allocation-free.
    public func popInput(into out: UnsafeMutablePointer<Float>) -> Bool {
        if !frontEnd.hasInput, !pending.isEmpty { pending.removeFirst(frontEnd.append(pending.unread)) }
        guard frontEnd.hasInput else { return false }
        frontEnd.takeInput(into: out)
        return true
    }

    /// `popInput(into:)` returning a new array, or nil.
    public func popInput() -> [Float]? {
        var out = [Float](repeating: 0, count: inputCount)
        let ok = out.withUnsafeMutableBufferPointer { popInput(into: $0.baseAddress!) }
        return ok ? out : nil
    }

    /// Sample offset (in the stream) of the next input's window.
    public var nextWindowStart: Int { frontEnd.windowStartSample }

    /// Starts a new stream (drops queued samples).
    public func reset() {
        frontEnd.reset()
        pending.removeAll()
    }

    /// The whole-clip extractor: the first `spec.clipSamples` samples of `clip` (zero-padded at the
    /// end if shorter) → one input. Resets the stream.
    public func clipInput(_ clip: [Float]) -> [Float] {
        reset()
        let length = spec.clipSamples
        var out = [Float](repeating: 0, count: inputCount)
        clip.withUnsafeBufferPointer { c in feed(UnsafeBufferPointer(rebasing: c[..<min(c.count, length)])) }
        var missing = length - min(clip.count, length)
        zeros.withUnsafeBufferPointer { z in
            while missing > 0 {
                let n = min(missing, z.count)
                feed(UnsafeBufferPointer(rebasing: z[..<n]))
                missing -= n
            }
        }
        let ok = out.withUnsafeMutableBufferPointer { popInput(into: $0.baseAddress!) }
        precondition(ok, "a full clip always completes one input")
        reset()
        return out
    }

    /// Every input of a long signal (windows every `inputStride` frames; a signal shorter than one
    /// window is zero-padded to one). Returns the inputs concatenated and their start samples.
    public func inputs(of signal: [Float]) -> (values: [Float], starts: [Int]) {
        reset()
        var values: [Float] = []
        var starts: [Int] = []
        let padded = signal.count < spec.clipSamples ? signal + [Float](repeating: 0, count: spec.clipSamples - signal.count) : signal
        push(padded)
        var buffer = [Float](repeating: 0, count: inputCount)
        while true {
            let start = nextWindowStart
            let ok = buffer.withUnsafeMutableBufferPointer { popInput(into: $0.baseAddress!) }
            if !ok { break }
            values.append(contentsOf: buffer)
            starts.append(start)
        }
        reset()
        return (values, starts)
    }

    /// Runs samples straight into the front end (no queue); the caller takes the input afterwards.
    private func feed(_ samples: UnsafeBufferPointer<Float>) {
        var offset = 0
        while offset < samples.count, !frontEnd.hasInput {
            offset += frontEnd.append(UnsafeBufferPointer(rebasing: samples[offset...]))
        }
    }
}
