import Foundation

/// Sensor samples from a delimited text stream (a CSV file or stdin), read line by line in
/// constant memory: each data line is one frame of `channelCount` `Float`s (the selected columns).
///
/// The first non-blank, non-comment line is read in `init` to settle the header (`CSVOptions.Header`)
/// and the row width: the header's field count, or the first data line's. Then every data line must
/// have that many fields and finite numbers in the selected columns. A line that breaks this is, by
/// `CSVOptions.badLines`, either thrown (`.notANumber`, `.nonFinite`, `.wrongColumnCount`,
/// `.unterminatedQuote`, each with its line and column) or, under `.skip`, counted in `badLines`,
/// reported to `onSkipped` and replaced by the previous good row (the sample clock stays true, see
/// `BadInputPolicy.skip`). Blank lines and comment lines are skipped silently and are no samples.
/// An input with no data line ends in `.empty`; one whose data lines were all bad in `.noValidData`.
/// A last line that the input cut off (no newline) and that is not a complete row is not garbage but
/// a stream stopped mid-line: `.endedMidLine`, under either policy.
///
/// Errors found after some rows of a `readFrames` block are thrown by the next read, so the rows
/// before a problem are always delivered first.
///
/// Accelerometer files look like `ax_g,ay_g,az_g` then `-0.14,-0.82,0.57` lines (gesture set, 3 axes)
/// or `ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps` (extra_spells, 6 axes).
public final class CSVSensorReader {
    public let options: CSVOptions
    /// The header's fields (nil when the input has none).
    public let header: [String]?
    /// Fields per data line.
    public let rowWidth: Int
    /// 0-based positions of the selected columns, in channel order.
    public let selection: [Int]
    /// Rows delivered so far.
    public private(set) var rowsRead = 0
    /// What `.skip` dropped so far.
    public private(set) var badLines = BadInputCounts()
    /// Called for each line `.skip` replaces, as it is read.
    public var onSkipped: ((SkippedInput) -> Void)?

    private let lines: ByteLineReader
    private var splitter: CSVFieldSplitter
    private var parser = FloatFieldParser()
    /// The first line when it is data: read by `init`, delivered by the first read.
    private var firstDataLine: (bytes: [UInt8], number: Int)?
    private var ended = false
    private var pendingError: IOError?
    /// The previous good row (the `.skip` substitute).
    private var held: [Float]

    /// Frames have this many values.
    public var channelCount: Int { selection.count }
    /// Names of the selected columns (nil without a header).
    public var columnNames: [String]? { header.map { h in selection.map { h[$0] } } }
    /// The input's name for messages.
    public var sourceName: String { lines.input.name }
    /// 1-based number of the last line read.
    public var lineNumber: Int { lines.lineNumber }

    /// Reads from `input` (a file or `ByteInput.standardInput()`) up to the first non-blank line.
    public init(input: ByteInput, options: CSVOptions = CSVOptions()) throws(IOError) {
        self.options = options
        let lines = ByteLineReader(input: input)
        var splitter = CSVFieldSplitter(delimiter: options.delimiter)
        var parser = FloatFieldParser()
        let source = input.name
        var first: UnsafeBufferPointer<UInt8>?
        repeat {
            guard let line = try lines.nextLine() else { throw .empty(source: source) }
            first = Self.isSkippable(line, commentPrefix: options.commentPrefix) ? nil : line
        } while first == nil
        let line = first!
        guard splitter.split(line) else { throw .unterminatedQuote(source: source, line: lines.lineNumber) }
        let fieldCount = splitter.fields.count
        let isHeader: Bool
        switch options.header {
        case .present: isHeader = true
        case .absent: isHeader = false
        case .auto:
            isHeader = splitter.fields.contains { field in
                parser.parse(UnsafeBufferPointer(rebasing: line[field.range])) == .notANumber
            }
        }
        if isHeader {
            header = (0 ..< fieldCount).map { splitter.string($0, in: line).trimmingCharacters(in: .whitespaces) }
        } else {
            header = nil
            firstDataLine = (Array(line), lines.lineNumber)
        }
        rowWidth = fieldCount
        self.lines = lines
        self.splitter = splitter
        self.parser = parser
        selection = try Self.resolve(options.columns, header: header, width: fieldCount, source: source)
        held = [Float](repeating: 0, count: selection.count)
    }

    /// Opens the file at `path`.
    public convenience init(path: String, options: CSVOptions = CSVOptions()) throws(IOError) {
        try self.init(input: ByteInput(path: path), options: options)
    }

    /// Reads the next data line (a substitute for a bad one under `.skip`) into `row` (which holds
    /// `channelCount` values); returns false at the end of the input.
    public func readRow(into row: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Bool {
        precondition(row.count >= channelCount, "CSVSensorReader.readRow: row holds \(row.count), needs \(channelCount)")
        if let pendingError {
            self.pendingError = nil
            throw pendingError
        }
        if let first = firstDataLine {
            firstDataLine = nil
            let accepted = try first.bytes.withUnsafeBufferPointer { line throws(IOError) in
                try parse(line, number: first.number, into: row)
            }
            if accepted { rowsRead += 1; return true }
        }
        while !ended {
            guard let line = try lines.nextLine() else { ended = true; break }
            if try parse(line, number: lines.lineNumber, into: row) { rowsRead += 1; return true }
        }
        if rowsRead == 0 { throw .empty(source: sourceName) }
        if badLines.total == rowsRead { throw .noValidData(source: sourceName, skipped: badLines.total) }
        return false
    }

    /// Reads up to `buffer.count / channelCount` rows, interleaved, into the front of `buffer`;
    /// returns the number of rows (fewer only at the end of the input).
    public func readFrames(into buffer: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Int {
        let channels = channelCount
        var rows = 0
        while (rows + 1) * channels <= buffer.count {
            let row = UnsafeMutableBufferPointer(rebasing: buffer[rows * channels ..< (rows + 1) * channels])
            do {
                guard try readRow(into: row) else { break }
            } catch {
                guard rows > 0 else { throw error }
                pendingError = error
                break
            }
            rows += 1
        }
        return rows
    }

    /// Every remaining row, interleaved (for short files such as one gesture instance).
    public func readAll() throws(IOError) -> [Float] {
        var values: [Float] = []
        var row = [Float](repeating: 0, count: channelCount)
        while try row.withUnsafeMutableBufferPointer({ r throws(IOError) in try readRow(into: r) }) {
            values += row
        }
        return values
    }

    /// The whole file at `path` as rows × channels, with its column names (nil without a header).
    public static func readAll(path: String, options: CSVOptions = CSVOptions()) throws(IOError)
        -> (columns: [String]?, rows: Int, values: [Float]) {
        let reader = try CSVSensorReader(path: path, options: options)
        let values = try reader.readAll()
        return (reader.columnNames, reader.rowsRead, values)
    }

    /// Parses one line into `row`; false for a blank or comment line. A bad line throws under `.fail`
    /// and is replaced by the held row under `.skip`; a cut-off last line throws `.endedMidLine`.
    private func parse(_ line: UnsafeBufferPointer<UInt8>, number: Int, into row: UnsafeMutableBufferPointer<Float>) throws(IOError) -> Bool {
        if Self.isSkippable(line, commentPrefix: options.commentPrefix) { return false }
        guard let problem = check(line, number: number, into: row) else {
            for c in 0 ..< channelCount { held[c] = row[c] }
            return true
        }
        if !lines.lastLineTerminated {
            ended = true
            throw .endedMidLine(source: sourceName, line: number, problem: problem.description)
        }
        if options.badLines == .fail { throw problem }
        badLines.record(problem)
        onSkipped?(SkippedInput(frame: rowsRead, problem: problem))
        for c in 0 ..< channelCount { row[c] = held[c] }
        return true
    }

    /// Splits and converts the selected fields; the error `.fail` would throw, or nil.
    private func check(_ line: UnsafeBufferPointer<UInt8>, number: Int, into row: UnsafeMutableBufferPointer<Float>) -> IOError? {
        guard splitter.split(line) else { return .unterminatedQuote(source: sourceName, line: number) }
        guard splitter.fields.count == rowWidth else {
            return .wrongColumnCount(source: sourceName, line: number, expected: rowWidth, found: splitter.fields.count)
        }
        for (channel, column) in selection.enumerated() {
            let field = UnsafeBufferPointer(rebasing: line[splitter.fields[column].range])
            switch parser.parse(field) {
            case .value(let value):
                row[channel] = value
            case .nonFinite:
                return .nonFinite(source: sourceName, line: number, column: column + 1, columnName: header?[column],
                                  text: splitter.string(column, in: line))
            case .notANumber:
                return .notANumber(source: sourceName, line: number, column: column + 1, columnName: header?[column],
                                   text: splitter.string(column, in: line))
            }
        }
        return nil
    }

    /// Blank (only spaces/tabs) or a comment line.
    private static func isSkippable(_ line: UnsafeBufferPointer<UInt8>, commentPrefix: UInt8?) -> Bool {
        guard let first = line.firstIndex(where: { !CSVFieldSplitter.isBlank($0) }) else { return true }
        return commentPrefix == line[first]
    }

    /// 0-based column positions for `columns`.
    private static func resolve(_ columns: CSVOptions.Columns, header: [String]?, width: Int,
                                source: String) throws(IOError) -> [Int] {
        switch columns {
        case .all:
            return Array(0 ..< width)
        case .indices(let indices):
            if let bad = indices.first(where: { !(0 ..< width).contains($0) }) {
                throw .columnIndexOutOfRange(source: source, index: bad, columnCount: width)
            }
            return indices
        case .names(let names):
            guard let header else { throw .headerRequired(source: source) }
            var positions: [Int] = []
            for name in names {
                guard let position = header.firstIndex(of: name.trimmingCharacters(in: .whitespaces)) else {
                    throw .unknownColumn(source: source, name: name, available: header)
                }
                positions.append(position)
            }
            return positions
        }
    }
}
