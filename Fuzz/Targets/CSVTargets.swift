// csv, lines: sensor CSV on a pipe (`gesture-demo -`, `anomaly-monitor --csv -`) through
// CSVSensorReader (ByteLineReader → CSVFieldSplitter → FloatFieldParser), and ByteLineReader alone
// with small buffers, checked against a plain split of the input.

import TinyIO

/// csv: two option bytes pick delimiter, header, columns, bad-line policy and comment prefix.
func fuzzCSV(_ input: [UInt8]) {
    let options = FuzzOptions(input, count: 2)
    let delimiter = options.pick(0, [CSVFieldSplitter.Delimiter.comma, .semicolon, .tab, .whitespace, .byte(UInt8(ascii: "|"))])
    let header = options.pick(0, [CSVOptions.Header.auto, .auto, .present, .absent, .auto, .present, .absent])
    let columns = options.pick(1, [CSVOptions.Columns.all, .indices([0]), .indices([2, 0]), .names(["ax_g", "az_g"]),
                                   CSVOptions.Columns(parsing: "gz_dps")])
    let badLines: BadInputPolicy = options.bytes[1] & 0x80 == 0 ? .fail : .skip
    let comment: UInt8? = options.bytes[1] & 0x40 == 0 ? UInt8(ascii: "#") : nil
    let stdin = ByteInput(fileDescriptor: FuzzFiles.pipe(options.payload), name: "<stdin>", closeWhenDone: true)
    guard let reader = try? CSVSensorReader(input: stdin, options: CSVOptions(delimiter: delimiter, header: header, columns: columns,
                                                                              badLines: badLines, commentPrefix: comment)),
          let values = try? reader.readAll() else { return }
    fuzzCheck(values.count == reader.rowsRead * reader.channelCount, "\(values.count) values in \(reader.rowsRead) rows")
    fuzzCheck(values.allSatisfy(\.isFinite), "a non-finite value was delivered")
    if let names = reader.columnNames { fuzzCheck(names.count == reader.channelCount, "\(names.count) names") }
}

/// lines: option bytes set the initial buffer (16…271 bytes) and the longest line (16…4096 bytes).
/// Exactly the lines of `maxLineBytes` or more bytes before their LF are refused.
func fuzzLines(_ input: [UInt8]) {
    let options = FuzzOptions(input, count: 2)
    let maxLine = 16 * (1 + Int(options.bytes[1]))
    let stdin = ByteInput(fileDescriptor: FuzzFiles.pipe(options.payload), name: "<stdin>", closeWhenDone: true)
    let reader = ByteLineReader(input: stdin, initialCapacity: 16 + Int(options.bytes[0]), maxLineBytes: maxLine)
    let raw = rawLines(options.payload)
    var index = 0
    while true {
        let next: UnsafeBufferPointer<UInt8>?
        do {
            next = try reader.nextLine()
        } catch {
            fuzzCheck(index < raw.count && raw[index].count >= maxLine, "line \(index + 1) refused")
            return
        }
        guard let line = next else { break }
        fuzzCheck(index < raw.count && raw[index].count < maxLine, "line \(index + 1) of the limit's length accepted")
        fuzzCheck(Array(line) == contractLine(raw[index], first: index == 0), "line \(index + 1) differs")
        index += 1
        fuzzCheck(reader.lineNumber == index, "line number \(reader.lineNumber) at line \(index)")
    }
    fuzzCheck(index == raw.count, "\(index) lines, expected \(raw.count)")
}

/// The bytes before each LF (a last line needs none).
private func rawLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if bytes.last == UInt8(ascii: "\n") || bytes.isEmpty { lines.removeLast() }
    return lines
}

/// A line as the reader's contract delivers it: a CR before its end and a BOM starting the first line dropped.
private func contractLine(_ raw: ArraySlice<UInt8>, first: Bool) -> [UInt8] {
    var line = Array(raw)
    if line.last == UInt8(ascii: "\r") { line.removeLast() }
    if first, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
    return line
}
