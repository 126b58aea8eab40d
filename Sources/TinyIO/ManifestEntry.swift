import Foundation

/// One row of a `Manifest`: its data file, every column by name, and the typed optional columns.
public struct ManifestEntry: Sendable {
    /// Where the manifest's columns sit (shared by all rows of one manifest).
    struct Layout: Sendable {
        var index: [String: Int]
        var file: Int
        var label: Int?
        var split: Int?
        var sampleRate: Int?
        var scale: Int?
    }

    /// The row's values in column order.
    public let values: [String]
    /// 1-based line of the row in the manifest.
    public let line: Int
    /// The data file, resolved against the manifest's directory.
    public let url: URL
    /// `sample_rate_hz`, when the column exists and the cell is not empty.
    public let sampleRateHz: Int?
    /// `scale_g_per_lsb`, when the column exists and the cell is not empty.
    public let scaleGPerLSB: Double?
    private let layout: Layout

    init(values: [String], line: Int, layout: Layout, base: URL, source: String) throws(IOError) {
        self.values = values
        self.line = line
        self.layout = layout
        let file = values[layout.file]
        guard !file.isEmpty else {
            throw .invalidValue(source: source, line: line, column: "file", text: file, expected: "a path")
        }
        url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
        sampleRateHz = try Self.typed(values, layout.sampleRate, "sample_rate_hz", line: line, source: source,
                                      expected: "a sample rate in \(AudioLimits.sampleRates) Hz") { text in
            Int(text).flatMap { AudioLimits.sampleRates.contains($0) ? $0 : nil }
        }
        scaleGPerLSB = try Self.typed(values, layout.scale, "scale_g_per_lsb", line: line, source: source,
                                      expected: "a finite positive number") { text in
            Double(text).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        }
    }

    /// The `file` cell as written.
    public var file: String { values[layout.file] }
    /// The `label` cell (nil without that column).
    public var label: String? { layout.label.map { values[$0] } }
    /// The `split` cell (nil without that column).
    public var split: String? { layout.split.map { values[$0] } }
    /// The cell of `column` (nil without that column; "" for an empty cell).
    public subscript(column: String) -> String? { layout.index[column].map { values[$0] } }
    /// The file's path.
    public var path: String { url.path }

    /// `.physical(unitsPerLSB: scale_g_per_lsb)` when the row gives a scale, else `.fullScale`.
    public var scaling: SampleScaling {
        scaleGPerLSB.map { .physical(unitsPerLSB: $0) } ?? .fullScale
    }

    /// The row's audio file as mono at `outputRate` (nil: the file's rate), scaled by `scaling`
    /// (nil: the row's `scaling`). A `sample_rate_hz` that differs from the file header throws
    /// `.sampleRateMismatch`.
    public func audioStream(outputRate: Int? = nil, scaling: SampleScaling? = nil,
                            blockFrames: Int = 4096, accepting rates: InputRates? = nil) throws(IOError) -> AudioStream {
        let reader = try AudioFileReader(path: path)
        if let declared = sampleRateHz, declared != reader.sampleRate {
            throw .sampleRateMismatch(path: path, file: reader.sampleRate, declared: declared)
        }
        return try AudioStream(source: reader, outputRate: outputRate, scaling: scaling ?? self.scaling,
                               blockFrames: blockFrames, accepting: rates)
    }

    /// The row's CSV sensor file.
    public func csvReader(options: CSVOptions = CSVOptions()) throws(IOError) -> CSVSensorReader {
        try CSVSensorReader(path: path, options: options)
    }

    /// The trimmed cell of an optional typed column, parsed; nil if the column is absent or the cell empty.
    private static func typed<T>(_ values: [String], _ column: Int?, _ name: String, line: Int, source: String,
                                 expected: String, parse: (String) -> T?) throws(IOError) -> T? {
        guard let column else { return nil }
        let text = values[column].trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let value = parse(text) else {
            throw .invalidValue(source: source, line: line, column: name, text: text, expected: expected)
        }
        return value
    }
}
