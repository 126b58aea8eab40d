import ArgumentParser
import Foundation
import TinyCLI
import TinyRuntime

/// `tinyml run MODEL.tflite --input IN --output OUT [--format raw|npy]`: one inference. IN and OUT
/// hold one tensor each, raw little-endian in the model's own input/output type (int8 for
/// full-integer models), or `.npy`. This is the interface external conformance checks use.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a .tflite model once on a raw or .npy input tensor.")

    enum Format: String, ExpressibleByArgument { case raw, npy }

    @Argument(help: "The .tflite model.") var model: String
    @Option(help: "Input tensor file.") var input: String
    @Option(help: "Output tensor file.") var output: String
    @Option(help: "raw (little-endian bytes in the tensor's type) or npy.") var format: Format = .raw

    func run() throws {
        withToolErrors("tinyml run") {
            try OutputPaths.refuseInputs([("--output", output)], inputs: [model, input])
            let m = try Model(contentsOf: model)
            guard m.inputs.count == 1, m.outputs.count == 1 else {
                throw ToolError("tinyml run handles models with one input and one output (this one has \(m.inputs.count) and \(m.outputs.count))")
            }
            guard let data = FileManager.default.contents(atPath: input) else {
                throw ToolError("cannot read input file '\(input)'")
            }
            let session = Session(model: m)
            let info = m.inputs[0]
            switch format {
            case .raw:
                if data.count != info.byteCount {
                    throw ToolError("input file has \(data.count) bytes; \(info.name) \(info.shape) \(info.type.name) needs \(info.byteCount)")
                }
                try session.setInput(bytes: [UInt8](data))
            case .npy:
                let npy = try NpyTensor.read(data)
                if npy.type != info.type {
                    throw ToolError("input .npy has dtype \(npy.type.name); the model expects \(info.type.name)")
                }
                if npy.bytes.count != info.byteCount {
                    throw ToolError("input .npy shape \(npy.shape) does not match \(info.shape)")
                }
                try session.setInput(bytes: npy.bytes)
            }
            session.invoke()
            let bytes = try session.outputBytes()
            let out = m.outputs[0]
            let encoded = format == .raw ? Data(bytes) : try NpyTensor.write(type: out.type, shape: out.shape, bytes: bytes)
            guard FileManager.default.createFile(atPath: output, contents: encoded) else {
                throw ToolError("cannot write output file '\(output)'")
            }
        }
    }
}
