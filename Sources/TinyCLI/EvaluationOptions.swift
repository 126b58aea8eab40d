import ArgumentParser
import Foundation

/// The options every `tinyml eval <pipeline>` subcommand shares (`@OptionGroup`), and the output
/// they ask for: `--manifest` (the dataset), `--json` (one JSON object on stdout instead of human
/// lines) and `--report FILE` (the figures: an SVG picture when FILE ends in `.svg`, else an HTML
/// page with the summary lines and every figure).
public struct EvaluationOptions: ParsableArguments {
    @Option(help: "Dataset manifest (MANIFEST.csv or its directory).") public var manifest: String
    @Flag(help: "Print one JSON object.") public var json = false
    @Option(help: "Write the report (figures and summary) to this .html (or .svg) file.") public var report: String?

    public init() {}

    /// The formats `--report` writes.
    public static let reportFormats: [ReportFormat] = [.html, .svg]

    /// Run before any work: `--report` must end in .html/.htm or .svg and must not name the manifest
    /// or one of `inputs` (pipeline, model). Throws the `ToolError` cases of `ReportFormat` and `OutputPaths`.
    public func checkOutputs(inputs: [String?]) throws {
        guard let report else { return }
        _ = try ReportFormat.of(report, option: "--report", accepted: Self.reportFormats)
        try OutputPaths.refuseInputs([("--report", report)], inputs: [manifest] + inputs)
    }

    /// With `--report`: writes `svg()` for a .svg path, else `html()` (see `checkOutputs`). An
    /// unwritable path is a `ToolError` naming it.
    public func writeReport(svg: () -> String, html: () -> String) throws {
        guard let report else { return }
        let text = try ReportFormat.of(report, option: "--report", accepted: Self.reportFormats) == .svg ? svg() : html()
        do {
            try text.write(toFile: report, atomically: true, encoding: .utf8)
        } catch {
            throw ToolError("cannot write report '\(report)': \(error.localizedDescription)")
        }
    }

    /// A classifier's result: with `--json`, one object of `fields` followed by the matrix's
    /// metrics (`ConfusionMatrix.jsonFields`); otherwise `header`, then `matrix.lines()`. Then the report:
    /// the heat map titled `title`, or an HTML page with `header`, the lines and the heat map.
    public func emit(_ matrix: ConfusionMatrix, header: String, fields: [(String, JSONValue)], title: String) throws {
        if json {
            print(JSONValue.object(fields + matrix.jsonFields).text)
        } else {
            print(header)
            matrix.lines().forEach { print($0) }
        }
        try writeReport(svg: { matrix.svg(title: title) }, html: { matrix.htmlReport(title: title, summary: [header]) })
    }
}
