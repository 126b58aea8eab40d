import TinyFormats

/// A JSON file holding a front-end spec: the spec itself, or a pipeline file holding one under
/// `"features"` — what `tinyml features SPEC` and `FeatureSpec.load` accept.
public struct SpecFile {
    /// The file's root object.
    public let root: JSONReader
    /// The spec's object: `root` when the root declares `specFormat` (or has no `"features"`
    /// object, so reading it reports what is wrong), else `root.features`.
    public let spec: JSONReader
    /// Whether `spec` is a pipeline file's `"features"` (so the root's other keys are the pipeline's).
    public var isPipeline: Bool { spec !== root }

    /// Reads `path`; `specFormat` is the `"format"` of the spec kind the caller reads.
    public init(path: String, specFormat: String) throws(JSONError) {
        root = try JSONReader(contentsOf: path)
        let declared = root.kind("format") == .string ? try root.string("format") : nil
        spec = declared != specFormat && root.kind("features") == .object ? try root.object("features") : root
    }
}
