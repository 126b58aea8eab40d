import Foundation

/// A dataset manifest: a CSV file (RFC 4180 quoting; commas, quotes and newlines allowed inside
/// quoted fields) with a header row and one row per data file, as `../shared/datasets/*/MANIFEST.csv`.
///
/// Required column: `file`, a path relative to the manifest's directory (absolute paths are kept).
/// Every column is available by name on each `ManifestEntry`; `label` and `split` have accessors, and
/// two optional columns are typed and checked when the manifest is loaded:
/// - `sample_rate_hz` — an integer rate in `AudioLimits.sampleRates` (the rate of a CSV sensor file,
///   which stores none; for audio, the rate the header must have: `audioStream` checks it);
/// - `scale_g_per_lsb` — a finite positive number: the file's int16 samples times it are in g
///   (`ManifestEntry.scaling` is then `.physical(unitsPerLSB:)`).
/// An empty cell in these columns means "not given". A row with another field count than the
/// header, an unclosed quote, or an unparsable typed value throws with its line number.
public struct Manifest: Sendable {
    /// The manifest file.
    public let url: URL
    /// Column names in file order.
    public let columns: [String]
    /// Rows in file order.
    public let entries: [ManifestEntry]

    /// The manifest's directory, against which `file` paths resolve.
    public var directory: URL { url.deletingLastPathComponent() }

    /// Loads `url` (a `MANIFEST.csv`, or a directory holding one).
    public init(contentsOf url: URL) throws(IOError) {
        var isDirectory: ObjCBool = false
        let file = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? url.appendingPathComponent("MANIFEST.csv") : url
        self.url = file
        let lines = ByteLineReader(input: try ByteInput(path: file.path))
        var splitter = CSVFieldSplitter(delimiter: .comma)
        let source = file.path
        guard let (header, _) = try Self.nextRecord(lines, &splitter, source: source) else { throw .empty(source: source) }
        columns = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let index = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard let fileColumn = index["file"] else { throw .unknownColumn(source: source, name: "file", available: columns) }
        let layout = ManifestEntry.Layout(index: index, file: fileColumn, label: index["label"], split: index["split"],
                                          sampleRate: index["sample_rate_hz"], scale: index["scale_g_per_lsb"])
        var entries: [ManifestEntry] = []
        let base = file.deletingLastPathComponent()
        while let (values, line) = try Self.nextRecord(lines, &splitter, source: source) {
            if values.count == 1 && values[0].isEmpty { continue }   // blank line
            guard values.count == columns.count else {
                throw .wrongColumnCount(source: source, line: line, expected: columns.count, found: values.count)
            }
            entries.append(try ManifestEntry(values: values, line: line, layout: layout, base: base, source: source))
        }
        self.entries = entries
    }

    /// Loads the manifest at `path` (a file, or a directory holding `MANIFEST.csv`).
    public init(path: String) throws(IOError) {
        try self.init(contentsOf: URL(fileURLWithPath: path))
    }

    /// The rows whose `split` and `label` equal the given values (nil: any).
    public func entries(split: String? = nil, label: String? = nil) -> [ManifestEntry] {
        entries.filter { entry in
            (split == nil || entry.split == split) && (label == nil || entry.label == label)
        }
    }

    /// The rows whose `column` equals `value` (none if there is no such column).
    public func entries(where column: String, equals value: String) -> [ManifestEntry] {
        entries.filter { $0[column] == value }
    }

    /// Distinct labels, sorted.
    public var labels: [String] { Array(Set(entries.compactMap(\.label))).sorted() }
    /// Distinct splits, sorted.
    public var splits: [String] { Array(Set(entries.compactMap(\.split))).sorted() }

    /// The next record's fields (quoted fields may span lines) and its first line's number.
    private static func nextRecord(_ lines: ByteLineReader, _ splitter: inout CSVFieldSplitter,
                                   source: String) throws(IOError) -> ([String], Int)? {
        guard let first = try lines.nextLine() else { return nil }
        let line = lines.lineNumber
        if splitter.split(first) {
            return ((0 ..< splitter.fields.count).map { splitter.string($0, in: first) }, line)
        }
        var record = Array(first)
        while true {
            guard let more = try lines.nextLine() else { throw .unterminatedQuote(source: source, line: line) }
            record.append(UInt8(ascii: "\n"))
            record += more
            let fields: [String]? = record.withUnsafeBufferPointer { bytes in
                splitter.split(bytes) ? (0 ..< splitter.fields.count).map { splitter.string($0, in: bytes) } : nil
            }
            if let fields { return (fields, line) }
        }
    }
}
