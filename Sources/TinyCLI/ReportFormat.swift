/// The file formats `--report`-style options write, told by the path's extension (case-insensitive).
/// One check for every such option: an extension the command does not produce (`--report x.pdf`)
/// is refused before anything runs, instead of writing HTML under a .pdf name.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, svg, json

    /// The format of `path` when it is one of `accepted` (`.htm` counts as `.html`); otherwise
    /// throws `.unsupportedReportFormat` naming what is accepted.
    public static func of(_ path: String, option: String, accepted: [ReportFormat]) throws(ToolError) -> ReportFormat {
        let ext = path.split(separator: "/").last.flatMap { name in name.contains(".") ? name.split(separator: ".").last : nil }
            .map { $0.lowercased() }
        if let format = ext.flatMap({ ReportFormat(rawValue: $0 == "htm" ? "html" : $0) }), accepted.contains(format) {
            return format
        }
        throw ToolError(.unsupportedReportFormat(option: option, path: path, accepted: accepted.map(\.rawValue)))
    }
}
