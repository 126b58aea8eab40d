import TinyDSP

/// Set-up helpers the engines share (allocation happens here, never on the streaming path).
enum EngineSetup {
    /// A buffer of `count` floats set to 0 (deallocated by its owner's `deinit`).
    static func zeroed(_ count: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        p.initialize(repeating: 0, count: max(count, 1))
        return p
    }

    /// TinyDSP's streaming front end for `configuration`, its errors worded as the pipeline's.
    static func frontEnd<FFT: RealFourierTransform>(_ configuration: FrontEndConfiguration, fft: FFT,
                                                    inputStride: Int = 1) throws(PipelineError) -> StreamingFrontEnd<FFT> {
        do {
            return try StreamingFrontEnd(configuration: configuration, fft: fft, inputStride: inputStride)
        } catch {
            throw PipelineError("front end: \(error.description)")
        }
    }
}
