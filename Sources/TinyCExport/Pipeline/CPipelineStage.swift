import TinyDSP
import TinyPipeline

/// One pipeline kind's part of the generated `tml_pipeline.c`: the `tml_pl` engine it runs, the
/// fixed C files that engine needs, its `static const` configuration (a designated initializer),
/// the buffers the `tml_pipeline` struct lends it, and what it needs of the front end and model.
struct CPipelineStage {
    static let frontEndName = "tml_pipeline_fe"

    /// A buffer of `tml_pipeline`: `type name[count]`, lent to the engine field `field`.
    struct Buffer {
        let type: String
        let name: String
        let count: Int
        let field: String
    }

    /// The engine: `tml_pl_<engine>` type and functions.
    let engine: String
    let frontEnd: (configuration: FrontEndConfiguration, inputStride: Int)?
    /// The model input quantisation of `classify` (nil: the model is an autoencoder, or there is none).
    let quantizer: Int8Quantizer?
    /// Whether the engine can report every window (`tml_pipeline_report_windows`).
    let reportsWindows: Bool
    /// `static const` arrays the configuration points at.
    let constants: [String]
    /// The lines inside `static const tml_pl_<engine>_config config = { ... };`.
    let configuration: [String]
    let buffers: [Buffer]
    /// The stages' C files after the common ones, callees first.
    let files: [CSourceFile]

    static func make(_ c: PipelineConfiguration, model: CPipelineModel?) throws(CExportError) -> CPipelineStage {
        switch c {
        case .keywordSpotting(let k): return try keywordSpotting(k)
        case .anomaly(let a): return try anomaly(a, model: model)
        case .gesture(let g): return try gesture(g)
        case .wildlife(let w): return try wildlife(w)
        }
    }

    /// `.front_end = { reset, append, has_input, take_input },` of the generated front end.
    static var frontEndHooks: String {
        let n = frontEndName
        return ".front_end = { \(n)_reset, \(n)_append, \(n)_has_input, \(n)_take_input },"
    }

    /// `static const float zeros[n]` (the engines' padding).
    static func zeros(_ n: Int) -> String { "static const float zeros[\(n)] = { 0 };\n" }

    /// A float field initializer, exact.
    static func float(_ name: String, _ v: Float) throws(CExportError) -> String { ".\(name) = \(try CLiteral.float(v))," }
    static func double(_ name: String, _ v: Double) throws(CExportError) -> String { ".\(name) = \(try CLiteral.double(v))," }
    static func int(_ name: String, _ v: Int) throws(CExportError) -> String {
        guard v >= Int(Int32.min) + 1, v <= Int(Int32.max) else {
            throw .countTooLarge(field: name, value: v)
        }
        return ".\(name) = \(v),"
    }
    /// An int64_t field initializer.
    static func long(_ name: String, _ v: Int) -> String { ".\(name) = INT64_C(\(v))," }
}
