/// A sensor recording or stream the motion front end cannot use, as a case; `description` is one
/// line naming the source.
public enum SensorInputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the I/O or DSP layer refuses in `source` (undetectable units, too few samples, a bad
    /// rate or row), as its one line.
    case source(String, problem: String)
    /// The recording's selected columns are not the spec's channels.
    case channels(source: String, found: Int, columns: [String]?, spec: String, needed: Int)
    /// A manifest row whose label is not one of `labels`.
    case unknownLabel(file: String, label: String, labels: [String])

    public var description: String {
        switch self {
        case .source(let source, let problem): return "\(source): \(problem)"
        case .channels(let source, let found, let columns, let spec, let needed):
            let names = columns.map { " (" + $0.joined(separator: ",") + ")" } ?? ""
            return "\(source): \(found) columns\(names), the spec '\(spec)' needs \(needed)"
        case .unknownLabel(let file, let label, let labels): return "\(file): label '\(label)' is not one of \(labels)"
        }
    }
}
