import Foundation

/// How `CSVSensorReader` reads a delimited text stream of sensor samples.
public struct CSVOptions: Equatable, Sendable {
    /// Whether the first non-blank, non-comment line names the columns.
    public enum Header: Equatable, Sendable {
        /// A header iff some field of the first line is not a number (`ax_g,ay_g,az_g` is one;
        /// `-0.14,-0.82,0.57` is not).
        case auto
        case present
        case absent
    }

    /// Which columns become the channels of each frame, in this order.
    public enum Columns: Equatable, Sendable {
        case all
        /// By header name (exact match after trimming blanks); needs a header.
        case names([String])
        /// By 0-based position.
        case indices([Int])

        /// Parses a command-line list: `"ax_g,az_g"` selects by name, `"0,2"` (all digits) by index,
        /// `""` or `"all"` selects all columns.
        public init(parsing list: String) {
            let items = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if items.isEmpty || items == ["all"] {
                self = .all
            } else if items.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
                self = .indices(items.map { Int($0)! })
            } else {
                self = .names(items)
            }
        }
    }

    public var delimiter: CSVFieldSplitter.Delimiter
    public var header: Header
    public var columns: Columns
    public var badLines: BadInputPolicy
    /// Lines starting with this byte are skipped silently (nil: none are comments).
    public var commentPrefix: UInt8?

    public init(delimiter: CSVFieldSplitter.Delimiter = .comma, header: Header = .auto, columns: Columns = .all,
                badLines: BadInputPolicy = .fail, commentPrefix: UInt8? = UInt8(ascii: "#")) {
        self.delimiter = delimiter
        self.header = header
        self.columns = columns
        self.badLines = badLines
        self.commentPrefix = commentPrefix
    }
}
