import TinyCore
import TinyDSP

/// Any of the four pipelines behind one shape: samples pushed in (interleaved frames of
/// `configuration.channelCount` values at the input rate), `PipelineEvent`s out, `finish` at the
/// end of the stream. The firmware runs this over a `PipelineImage`; the host tools run the
/// engines it holds, so both execute the same decision code.
///
/// `makeFFT(size)` builds the front end's transform (the device's `PortableRealFFT`, or a host
/// FFT; the engine is generic over it); `interpreter` runs the model (nil only for the Gaussian
/// anomaly scorer). Set-up allocates; `push` and `finish` do not.
public final class PipelineEngine<FFT: RealFourierTransform> {
    public enum Stage {
        case keywordSpotting(KeywordEngine<FFT>)
        case anomaly(AnomalyEngine<FFT>)
        case gesture(GestureEngine)
        case wildlife(WildlifeEngine<FFT>)
    }

    public let configuration: PipelineConfiguration
    public let stage: Stage

    public init(configuration: PipelineConfiguration, interpreter: Interpreter?,
                makeFFT: (Int) throws(DSPError) -> FFT) throws(PipelineError) {
        self.configuration = configuration
        func fft(_ size: Int) throws(PipelineError) -> FFT {
            do { return try makeFFT(size) } catch { throw PipelineError("front end: \(error.description)") }
        }
        func model() throws(PipelineError) -> Interpreter {
            guard let interpreter else { throw PipelineError("the pipeline runs a model and none was given") }
            return interpreter
        }
        switch configuration {
        case .keywordSpotting(let c):
            stage = .keywordSpotting(try KeywordEngine(configuration: c, interpreter: try model(), fft: try fft(c.frontEnd.fftSize)))
        case .anomaly(let c):
            stage = .anomaly(try AnomalyEngine(configuration: c, interpreter: interpreter, fft: try fft(c.frontEnd.fftSize)))
        case .gesture(let c):
            stage = .gesture(try GestureEngine(configuration: c, interpreter: try model()))
        case .wildlife(let c):
            stage = .wildlife(try WildlifeEngine(configuration: c, interpreter: try model(), fft: try fft(c.frontEnd.fftSize)))
        }
    }

    /// Feeds samples (whole frames); reports the events they complete, in order.
    public func push(_ samples: UnsafeBufferPointer<Float>, onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        switch stage {
        case .keywordSpotting(let e): try e.push(samples, onEvent: onEvent)
        case .anomaly(let e): try e.push(samples, onEvent: onEvent)
        case .gesture(let e): try e.push(samples, onEvent: onEvent)
        case .wildlife(let e): try e.push(samples, onEvent: onEvent)
        }
    }

    /// Ends the stream; reports what the end completes.
    public func finish(onEvent: (PipelineEvent) -> Void) throws(PipelineError) {
        switch stage {
        case .keywordSpotting(let e): e.finish(onEvent: onEvent)
        case .anomaly(let e): e.finish(onEvent: onEvent)
        case .gesture(let e): try e.finish(onEvent: onEvent)
        case .wildlife(let e): e.finish(onEvent: onEvent)
        }
    }

    /// Model inferences run since set-up.
    public var inferences: Int {
        switch stage {
        case .keywordSpotting(let e): return e.classifier.inferences
        case .anomaly(let e): return e.detector.windows
        case .gesture(let e): return e.classifier.inferences
        case .wildlife(let e): return e.classifier.inferences
        }
    }

    /// Windows (KWS, anomaly), inferences (gestures) or frames (wildlife) processed: the count the
    /// end-of-stream summary prints.
    public var steps: Int {
        switch stage {
        case .keywordSpotting(let e): return e.windows
        case .anomaly(let e): return e.detector.windows
        case .gesture(let e): return e.classifier.inferences
        case .wildlife(let e): return e.frames
        }
    }
}
