import TinyDSP
import TinyPipeline

/// Why a C library, front end or pipeline could not be exported; `description` is one line for
/// `<tool>: error: <description>`.
public enum CExportError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A symbol prefix that is not a C identifier.
    case notAnIdentifier(String)
    /// A tensor element type (`ElementType.name`) the C library cannot hold.
    case unsupportedTensorType(String)
    /// A constant tensor's element type the C literals cannot spell.
    case unsupportedConstantType(String)
    /// A model input or output of another type than int8 or float32.
    case unsupportedPortType(tensor: String, type: String)
    /// A float or double constant that is NaN or infinite (C99 cannot spell it without <math.h>).
    case nonFiniteFloat(Float)
    case nonFiniteDouble(Double)
    /// A run-time tensor the arena plan left without a slot.
    case noArenaSlot(tensor: Int, name: String)
    /// An operator that would write a constant tensor.
    case writesConstant(tensor: Int, name: String)
    /// The front end's configuration, refused by the Swift front end.
    case invalidFrontEnd(name: String, DSPError)
    /// A front end whose sizes exceed the C front end's 32-bit counts.
    case frontEndTooLarge(name: String, windowSamples: Int, hop: Int, inputStride: Int)
    /// Mel features configured without a filterbank.
    case missingFilterbank
    /// A pipeline value beyond the C pipeline's 32-bit counts.
    case countTooLarge(field: String, value: Int)
    /// A pipeline model without exactly one input and one output.
    case modelPorts(inputs: Int, outputs: Int)
    /// A pipeline that runs a model without one, or one that runs none with one.
    case missingModel(kind: String, pipeline: String)
    case unexpectedModel(kind: String, pipeline: String)
    /// The pipeline's configuration, refused by the Swift engine.
    case invalidPipeline(name: String, PipelineError)
    /// Class labels that do not match the model's classes.
    case labelCount(pipeline: String, labels: Int, classes: Int)
    /// The autoencoder scorer without its model, or with a model whose output is not int8.
    case autoencoderWithoutModel
    case autoencoderOutputNotInt8
    /// A generated library without its .h or .c (a bug of the exporter).
    case incompleteLibrary(String)
    /// The files could not be written (`what` names them; `reason` is the system's message).
    case writeFailed(what: String, directory: String, reason: String)

    public var description: String {
        switch self {
        case .notAnIdentifier(let name):
            return "'\(name)' is not a C identifier (letters, digits and _, not starting with a digit)"
        case .unsupportedTensorType(let type): return "tensors of type \(type) are not supported by the C export"
        case .unsupportedConstantType(let type): return "constant tensors of type \(type) are not supported by the C export"
        case .unsupportedPortType(let tensor, let type):
            return "model input/output '\(tensor)' has type \(type); the C API takes int8 or float32"
        case .nonFiniteFloat(let v): return "non-finite float constant \(v) cannot be exported"
        case .nonFiniteDouble(let v): return "non-finite double constant \(v) cannot be exported"
        case .noArenaSlot(let id, let name): return "tensor \(id) '\(name)' has no arena slot"
        case .writesConstant(let id, let name): return "operator writes constant tensor \(id) '\(name)'"
        case .invalidFrontEnd(let name, let error): return "front end '\(name)': \(error.description)"
        case .frontEndTooLarge(let name, let window, let hop, let stride):
            return "front end '\(name)': sizes beyond the C front end's 32-bit counts (window \(window) samples, "
                + "hop \(hop), input stride \(stride))"
        case .missingFilterbank: return "mel features without a filterbank"
        case .countTooLarge(let field, let value): return "the pipeline's \(field) \(value) is beyond the C pipeline's 32-bit counts"
        case .modelPorts(let inputs, let outputs):
            return "the model has \(inputs) inputs and \(outputs) outputs; a pipeline needs one of each"
        case .missingModel(let kind, let pipeline): return "the \(kind) pipeline '\(pipeline)' runs a model and none was given"
        case .unexpectedModel(let kind, let pipeline): return "the \(kind) pipeline '\(pipeline)' runs no model, but one was given"
        case .invalidPipeline(let name, let error): return "pipeline '\(name)': \(error.description)"
        case .labelCount(let pipeline, let labels, let classes):
            return "pipeline '\(pipeline)': \(labels) labels for \(classes) classes"
        case .autoencoderWithoutModel: return "the autoencoder scorer needs its model"
        case .autoencoderOutputNotInt8: return "the autoencoder model must have an int8 output"
        case .incompleteLibrary(let library): return "internal: the generated library '\(library)' lacks its .h or .c"
        case .writeFailed(let what, let directory, let reason): return "cannot write \(what) to '\(directory)': \(reason)"
        }
    }
}
