import TinyDSP

/// A generated C99 feature front end: `<name>.h`, `<name>.c`, `CMakeLists.txt`, `README.md`.
public struct CFrontEnd: Sendable {
    /// The C symbol prefix (`<name>_append`, `<NAME>_INPUT_FLOATS`).
    public let name: String
    public let files: [(name: String, contents: String)]
    /// Floats in one model input (`framesPerInput × rowWidth`).
    public let inputFloats: Int
    /// Bytes of the constant tables (window, FFT, mel, DCT, bands) and of the static buffers.
    public let constantBytes: Int
    public let stateBytes: Int
    /// Whether `<name>_quantize` (the model input's int8 quantisation) is part of the API.
    public let quantizes: Bool

    /// Writes every file into `directory` (created if needed).
    public func write(to directory: String) throws(CExportError) {
        try writeFiles(files, to: directory, what: "the C front end")
    }
}

/// Exports a feature front end — TinyDSP's `StreamingFrontEnd<PortableRealFFT>` for one
/// `FrontEndConfiguration` and input stride, with the model input's `Int8Quantizer` — as C99 that
/// gives the same inputs bit for bit (no malloc, no libm; tables computed here by the Swift code).
/// Every configuration `StreamingFrontEnd` accepts is exported; what it refuses is refused with its
/// reason, as are constants C cannot spell without libm (infinite ones, e.g. an infinite top dB) and
/// sizes beyond 32-bit counts.
public enum CFrontEndExporter {
    /// The symbol prefix a front end gets by default: its feature spec's name as a C identifier.
    public static func defaultName(specName: String) -> String { CLiteral.identifier(from: specName) }

    public static func export(configuration: FrontEndConfiguration, quantization: Int8Quantizer?, inputStride: Int = 1,
                              name: String) throws(CExportError) -> CFrontEnd {
        guard CLiteral.isIdentifier(name) else {
            throw .notAnIdentifier(name)
        }
        let stream: StreamingFrontEnd<PortableRealFFT>
        do {
            stream = try StreamingFrontEnd(configuration: configuration, fft: try PortableRealFFT(size: configuration.fftSize),
                                           inputStride: inputStride)
        } catch {
            throw .invalidFrontEnd(name: name, error)
        }
        let c = configuration
        let sizes = [c.windowSamples, c.hop, inputStride, c.framesPerWindow * max(c.bandWidth, c.coefficientCount) * 4,
                     (c.windowSamples / c.hop + c.framesPerWindow) * max(c.bandWidth, c.coefficientCount) * 4]
        guard sizes.allSatisfy({ $0 <= Int(Int32.max) }) else {
            throw .frontEndTooLarge(name: name, windowSamples: c.windowSamples, hop: c.hop, inputStride: inputStride)
        }
        let emitter = try CFrontEndEmitter(configuration: configuration, processor: stream.processor, inputStride: inputStride,
                                           quantization: quantization)
        let text = try CFrontEndText(name: name, configuration: configuration, quantization: quantization,
                                     inputStride: inputStride, emitter: emitter)
        return CFrontEnd(name: name, files: [(name: "\(name).h", contents: text.header), (name: "\(name).c", contents: text.implementation),
                                             (name: "CMakeLists.txt", contents: text.espIDFComponent),
                                             (name: "README.md", contents: text.readme)],
                         inputFloats: stream.inputCount, constantBytes: emitter.constantBytes, stateBytes: emitter.stateBytes,
                         quantizes: quantization != nil)
    }
}
