// pipeline, board-config, baseline: the JSON files the tools load, each through the loader the
// tools call. Loaders that take a path read the input from a file in the in-memory scratch directory.

import Foundation
import MotorAnomaly
import PipelineCatalog
import TinyBoards
import TinyFormats
import TinyPipeline

/// pipeline: a pipeline.json of any pipeline (dispatched on its "format"), then what the tools
/// derive from a loaded one: the engine configuration, and the device image of it (without a
/// model), read back as the firmware reads it.
func fuzzPipeline(_ input: [UInt8]) {
    guard let pipeline = try? AnyPipeline(path: FuzzFiles.file("pipeline.json", input)),
          let configuration = try? pipeline.configuration() else { return }
    let image = PipelineImage.encode(name: pipeline.name, labels: pipeline.labels, sampleRate: pipeline.sampleRate,
                                     format: pipeline.sampleFormat, configuration: configuration, model: [])
    _ = image.withUnsafeBytes { try? PipelineImage(bytes: $0) }
}

/// board-config: one JSON object (the one JSON reader, JSONReader) read as each board file kind:
/// a deployment config, without and with a pipeline's facts; a board profile; measurements; board
/// links. Each reads a fresh parse: a reader records the keys read.
func fuzzBoardConfig(_ input: [UInt8]) {
    let data = Data(input)
    func object() -> JSONReader? { try? JSONReader(data: data, file: "fuzz.json") }
    guard let first = object() else { return }
    _ = try? DeploymentConfig(json: first)
    if let o = object() { _ = try? DeploymentConfig(json: o, facts: { _ throws(ConfigError) in fuzzPipelineFacts }) }
    if let o = object() { _ = try? BoardProfile(json: o, id: "fuzz") }
    var measurements = Measurements()
    if let o = object() { _ = try? measurements.merge(o) }
    if let o = object() { _ = try? BoardLinks(json: o) }
}

private let fuzzPipelineFacts = PipelineFacts(file: "pipeline.json", kind: "kws", model: "/m.tflite", modelInImage: true,
                                              sampleRateHz: 16000, windowSamples: 16000, strideSamples: 3200, hopSamples: 3200,
                                              overridableKeys: ["threshold"])

/// baseline: an anomaly baseline file, and the Gaussian baseline a loaded one holds.
func fuzzBaseline(_ input: [UInt8]) {
    guard let file = try? BaselineFile.load(FuzzFiles.file("baseline.json", input)) else { return }
    _ = file.gaussianBaseline
}
