import Foundation
import Testing
import TinyTestSupport
@testable import TinyIO

/// CSV sensor streams: the gesture files, header and column rules, bad-line policies, stdin pipes.
@Suite struct CSVSensorReaderTests {
    @Test(.enabled(if: TestPaths.dataset("gesture") != nil, Comment(rawValue: TestPaths.missingDatasetMessage("gesture"))))
    func gestureFilesMatchTheirManifests() throws {
        let root = TestPaths.dataset("gesture")!
        for manifest in [try Manifest(contentsOf: root), try Manifest(contentsOf: root.appendingPathComponent("extra_spells"))] {
            for entry in manifest.entries.prefix(40) {
                let (columns, rows, values) = try CSVSensorReader.readAll(path: entry.path)
                #expect(rows == Int(entry["n_samples"] ?? ""), "\(entry.file)")
                #expect(columns?.first == "ax_g" && values.count == rows * (columns?.count ?? 0))
            }
        }
        let wing = root.appendingPathComponent("wing/wing_dengyl_000.csv").path
        let reader = try CSVSensorReader(path: wing)
        #expect(reader.header == ["ax_g", "ay_g", "az_g"] && reader.channelCount == 3)
        var row = [Float](repeating: 0, count: 3)
        #expect(try row.withUnsafeMutableBufferPointer { try reader.readRow(into: $0) })
        #expect(row == [-0.14, -0.82, 0.57] && reader.lineNumber == 2)
    }

    @Test func columnSelectionByNameAndIndex() throws {
        let text = "ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n1,2,3,4,5,6\n7,8,9,10,11,12\n"
        let byName = try Self.readAll(text, CSVOptions(columns: .names(["gz_dps", "ax_g"])))
        #expect(byName.values == [6, 1, 12, 7] && byName.columns == ["gz_dps", "ax_g"])
        #expect(try Self.readAll(text, CSVOptions(columns: .indices([1]))).values == [2, 8])
        #expect(try Self.readAll(text, CSVOptions(columns: CSVOptions.Columns(parsing: "5, 0"))).values == [6, 1, 12, 7])
        #expect(CSVOptions.Columns(parsing: "gx_dps") == .names(["gx_dps"]) && CSVOptions.Columns(parsing: "all") == .all)
        #expect(throws: IOError.unknownColumn(source: "<test>", name: "mag", available: ["ax_g", "ay_g", "az_g", "gx_dps", "gy_dps", "gz_dps"])) {
            try Self.readAll(text, CSVOptions(columns: .names(["mag"])))
        }
        #expect(throws: IOError.columnIndexOutOfRange(source: "<test>", index: 6, columnCount: 6)) {
            try Self.readAll(text, CSVOptions(columns: .indices([0, 6])))
        }
        #expect(throws: IOError.headerRequired(source: "<test>")) {
            try Self.readAll("1,2\n3,4\n", CSVOptions(columns: .names(["x"])))
        }
    }

    @Test func headerDetectionDelimitersAndLineEndings() throws {
        let noHeader = try Self.readAll("# comment\n\n1.5,-2e-3\r\n  3 , 4\n5,6", CSVOptions())
        #expect(noHeader.columns == nil && noHeader.values == [1.5, -0.002, 3, 4, 5, 6])
        let forced = try Self.readAll("1,2\n3,4\n", CSVOptions(header: .present))
        #expect(forced.columns == ["1", "2"] && forced.values == [3, 4])
        #expect(try Self.readAll("t;x\n0;1\n1;\"2\"\n", CSVOptions(delimiter: .semicolon)).values == [0, 1, 1, 2])
        #expect(try Self.readAll("1\t2\n3\t4\n", CSVOptions(delimiter: .tab)).values == [1, 2, 3, 4])
        #expect(try Self.readAll("  -0.001   0.002\n0.003\t 0.004  \n", CSVOptions(delimiter: .whitespace)).values == [-0.001, 0.002, 0.003, 0.004])
    }

    /// `.fail` names the line and column; `.skip` counts the line by reason and holds the previous
    /// row in its place, so every data line is one sample (the clock stays true).
    @Test func badLinesFailOrSkipAndCount() throws {
        let text = "ax_g,ay_g,az_g\n1,2,3\n4,abc,6\n-,-,-\n7,8\n9,nan,1e999\n10,11,12\n"
        #expect(throws: IOError.notANumber(source: "<test>", line: 3, column: 2, columnName: "ay_g", text: "abc")) {
            try Self.readAll(text, CSVOptions())
        }
        #expect(throws: IOError.wrongColumnCount(source: "<test>", line: 3, expected: 3, found: 2)) {
            try Self.readAll("x,y,z\n1,2,3\n7,8\n", CSVOptions(columns: .indices([0])))
        }
        #expect(throws: IOError.nonFinite(source: "<test>", line: 2, column: 3, columnName: "z", text: "1e999")) {
            try Self.readAll("x,y,z\n9,1,1e999\n", CSVOptions())
        }
        #expect(throws: IOError.nonFinite(source: "<test>", line: 1, column: 2, columnName: nil, text: "NaN")) {
            try Self.readAll("9,NaN,1\n", CSVOptions())
        }
        let reader = try CSVSensorReader(input: Self.pipe(text), options: CSVOptions(badLines: .skip))
        var skipped: [SkippedInput] = []
        reader.onSkipped = { skipped.append($0) }
        let values = try reader.readAll()
        #expect(values == [1, 2, 3] + [1, 2, 3] + [1, 2, 3] + [1, 2, 3] + [1, 2, 3] + [10, 11, 12] && reader.rowsRead == 6)
        #expect(skipped.map(\.frame) == [1, 2, 3, 4] && skipped.map(\.problem.line) == [3, 4, 5, 6])
        #expect(reader.badLines.notANumber == 2 && reader.badLines.wrongColumnCount == 1 && reader.badLines.nonFinite == 1)
        #expect(reader.badLines.total == 4)
        #expect(reader.badLines.lastProblem == .nonFinite(source: "<test>", line: 6, column: 2, columnName: "ay_g", text: "nan"))
    }

    @Test func emptyInputsAndUnterminatedQuotes() throws {
        #expect(throws: IOError.empty(source: "<test>")) { try Self.readAll("", CSVOptions()) }
        #expect(throws: IOError.empty(source: "<test>")) { try Self.readAll("\n  \n# only comments\n", CSVOptions()) }
        #expect(throws: IOError.empty(source: "<test>")) { try Self.readAll("ax_g,ay_g\n", CSVOptions()) }
        #expect(throws: IOError.noValidData(source: "<test>", skipped: 1)) { try Self.readAll("x\nabc\n", CSVOptions(badLines: .skip)) }
        // A last line the input cut off is a stream ended mid-line (under either policy), after the rows before it.
        let cut = try CSVSensorReader(input: Self.pipe("x,y\n1,2\n3,4\n5"), options: CSVOptions(badLines: .skip))
        var rows = [Float](repeating: 0, count: 8)
        #expect(try rows.withUnsafeMutableBufferPointer { try cut.readFrames(into: $0) } == 2)
        #expect(throws: IOError.endedMidLine(source: "<test>", line: 4, problem: IOError.wrongColumnCount(source: "<test>", line: 4, expected: 2, found: 1).description)) {
            try rows.withUnsafeMutableBufferPointer { try cut.readFrames(into: $0) }
        }
        #expect(try Self.readAll("x,y\n1,2\n3,4", CSVOptions()).values == [1, 2, 3, 4], "a complete last line needs no newline")
        #expect(throws: IOError.unterminatedQuote(source: "<test>", line: 3)) { try Self.readAll("x,y\n1,2\n\"3,4\n", CSVOptions()) }
        let dir = try FixtureFiles.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        #expect(throws: IOError.empty(source: empty.path)) { try CSVSensorReader(path: empty.path) }
        let missing = dir.appendingPathComponent("missing.csv").path
        #expect(throws: IOError.fileNotFound(path: missing)) { try CSVSensorReader(path: missing) }
    }

    /// Lines longer than the initial buffer grow it; lines beyond the cap are refused.
    @Test func longLinesAndTheLineCap() throws {
        let wide = (0 ..< 300).map(String.init).joined(separator: ",")
        let reader = ByteLineReader(input: Self.pipe("a\n\(wide)\r\nlast"), initialCapacity: 16, maxLineBytes: 4096)
        #expect(try reader.nextLine().map { Array($0) } == Array("a".utf8))
        #expect(try reader.nextLine().map { Array($0) } == Array(wide.utf8))
        #expect(try reader.nextLine().map { Array($0) } == Array("last".utf8))
        #expect(try reader.nextLine() == nil && reader.lineNumber == 3)
        let capped = ByteLineReader(input: Self.pipe(wide), initialCapacity: 16, maxLineBytes: 64)
        #expect(throws: IOError.self) { try capped.nextLine() }
    }

    /// `text` through a real pipe, as stdin would deliver it.
    static func pipe(_ text: String) -> ByteInput { PCMStreamReaderTests.pipe(Array(text.utf8)) }

    static func readAll(_ text: String, _ options: CSVOptions) throws(IOError) -> (columns: [String]?, values: [Float]) {
        let reader = try CSVSensorReader(input: pipe(text), options: options)
        return (reader.columnNames, try reader.readAll())
    }
}
