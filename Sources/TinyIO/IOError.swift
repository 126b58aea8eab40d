/// Every way TinyIO can refuse input. Each case prints as one line that names the file (or
/// `<stdin>`), the place (line, column, sample) and what would have been accepted, so a command
/// can pass it straight to `<tool>: error: <description>`.
///
/// Line and column numbers are 1-based, as editors show them.
public enum IOError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at `path`.
    case fileNotFound(path: String)
    /// The file exists but cannot be opened or read (permissions, a directory, an I/O error).
    case unreadable(path: String, reason: String)
    /// The bytes are not a recognised or decodable format (corrupt header, not audio at all).
    case unrecognizedFormat(path: String, reason: String)
    /// The file or stream holds no data: zero bytes, zero audio frames, or no data rows.
    case empty(source: String)
    /// The audio ended before the length its header declares.
    case truncated(path: String, expectedFrames: Int, readFrames: Int)
    /// Raw PCM that ends inside a frame: `frames` whole frames, then `trailingBytes` of a
    /// `frameBytes`-byte frame (the producer stopped mid-sample).
    case endedMidFrame(source: String, frames: Int, trailingBytes: Int, frameBytes: Int)
    /// A text stream whose last line is cut off: no newline, and not a complete row (`problem`).
    case endedMidLine(source: String, line: Int, problem: String)
    /// A sample rate outside `accepted` (Hz).
    case invalidSampleRate(Int, accepted: ClosedRange<Int>)
    /// A source rate outside what a pipeline's front end can use (see `InputRates`; `consumer`
    /// as messages say it, e.g. "the kws pipeline").
    case rateOutsidePipeline(source: String, rate: Int, consumer: String, accepted: ClosedRange<Int>)
    /// A WAV whose fmt chunk declares a bits-per-sample value no decoder here reads.
    case unsupportedBitDepth(path: String, bits: Int, accepted: [Int])
    /// Every data line or sample of the input was bad (and skipped): nothing real to process.
    case noValidData(source: String, skipped: Int)
    /// A channel count outside `accepted`.
    case unsupportedChannelCount(Int, accepted: ClosedRange<Int>)
    /// A rate pair whose reduced ratio up/down exceeds `PolyphaseResampler.maxFactor` (the filter
    /// would need 20·max(up, down) + 1 taps).
    case unsupportedResampling(from: Int, to: Int, up: Int, down: Int, maxFactor: Int)
    /// The manifest declares one sample rate and the audio header another.
    case sampleRateMismatch(path: String, file: Int, declared: Int)
    /// A container/encoding pair the writer cannot produce (e.g. FLAC with float samples).
    case unsupportedEncoding(String)
    /// Writing or closing an output file failed.
    case writeFailed(path: String, reason: String)
    /// A CSV field that should be a number is not one.
    case notANumber(source: String, line: Int, column: Int, columnName: String?, text: String)
    /// A CSV field that parses to NaN or ±infinity.
    case nonFinite(source: String, line: Int, column: Int, columnName: String?, text: String)
    /// A raw PCM float sample that is NaN or ±infinity (frame and channel 1-based).
    case nonFiniteSample(source: String, frame: Int, channel: Int, value: Float)
    /// A CSV row whose field count differs from the header (or first row).
    case wrongColumnCount(source: String, line: Int, expected: Int, found: Int)
    /// A column asked for by name that the header does not have.
    case unknownColumn(source: String, name: String, available: [String])
    /// A column asked for by (0-based) index beyond the row width.
    case columnIndexOutOfRange(source: String, index: Int, columnCount: Int)
    /// Selecting columns by name needs a header line, and the input has none.
    case headerRequired(source: String)
    /// A quoted CSV field that is still open at the end of the input.
    case unterminatedQuote(source: String, line: Int)
    /// A manifest value that does not parse as its column's type (`sample_rate_hz`, `scale_g_per_lsb`).
    case invalidValue(source: String, line: Int, column: String, text: String, expected: String)
    /// A caller-supplied option that cannot work (zero block size, an empty delimiter, ...).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .unrecognizedFormat(let path, let reason):
            return "\(path): not a readable audio file: \(reason)"
        case .empty(let source):
            return "\(source): no data (empty file or stream)"
        case .truncated(let path, let expected, let read):
            return "\(path): truncated: header declares \(expected) frames, only \(read) could be read"
        case .endedMidFrame(let source, let frames, let trailing, let frameBytes):
            return "\(source): the stream ended mid-sample: \(frames) whole frame(s) of \(frameBytes) byte(s), then \(trailing) "
                + "trailing byte(s) (expected a multiple of \(frameBytes) bytes)"
        case .endedMidLine(let source, let line, let problem):
            return "\(source):\(line): the stream ended mid-line (no newline after an incomplete row: \(Self.clip(problem, to: 80)))"
        case .rateOutsidePipeline(let source, let rate, let consumer, let accepted):
            return "\(source): sample rate \(Self.grouped(rate)) Hz is outside what \(consumer) accepts "
                + "(\(InputRates(consumer: consumer, accepted: accepted).text)"
                + (accepted.count == 1 ? "; resample first, e.g. sox IN -r \(accepted.lowerBound) OUT)" : ")")
        case .unsupportedBitDepth(let path, let bits, let accepted):
            return "\(path): \(bits)-bit samples are not supported (accepted: \(accepted.map(String.init).joined(separator: ", ")) bits)"
        case .noValidData(let source, let skipped):
            return "\(source): no valid data: all \(skipped) data value(s) or line(s) were bad and skipped"
        case .invalidSampleRate(let rate, let accepted):
            return "sample rate \(rate) Hz is not accepted (accepted: \(accepted.lowerBound)...\(accepted.upperBound) Hz)"
        case .unsupportedChannelCount(let count, let accepted):
            return "\(count) channels is not supported (accepted: \(accepted.lowerBound)...\(accepted.upperBound))"
        case .unsupportedResampling(let from, let to, let up, let down, let maxFactor):
            return "cannot resample \(from) Hz to \(to) Hz: the ratio reduces to \(up)/\(down), beyond the limit of "
                + "\(maxFactor) on either factor (a \(20 * max(up, down) + 1)-tap filter); use rates with a larger common divisor"
        case .sampleRateMismatch(let path, let file, let declared):
            return "\(path): file is \(file) Hz but the manifest declares \(declared) Hz"
        case .unsupportedEncoding(let what):
            return "unsupported encoding: \(what)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .notANumber(let source, let line, let column, let name, let text):
            return "\(source):\(line): column \(column)\(Self.named(name)): '\(Self.clip(text))' is not a number"
        case .nonFinite(let source, let line, let column, let name, let text):
            return "\(source):\(line): column \(column)\(Self.named(name)): '\(Self.clip(text))' is not a finite number"
        case .nonFiniteSample(let source, let frame, let channel, let value):
            return "\(source): frame \(frame), channel \(channel): sample \(value) is not finite"
        case .wrongColumnCount(let source, let line, let expected, let found):
            return "\(source):\(line): expected \(expected) columns, found \(found)"
        case .unknownColumn(let source, let name, let available):
            return "\(source): no column '\(Self.clip(name))' (columns: \(Self.clip(available.joined(separator: ", "), to: 160)))"
        case .columnIndexOutOfRange(let source, let index, let count):
            return "\(source): column index \(index) is out of range (0-based; the rows have \(count) columns)"
        case .headerRequired(let source):
            return "\(source): columns are selected by name but the input has no header line"
        case .unterminatedQuote(let source, let line):
            return "\(source):\(line): quoted field is not closed before the end of the input"
        case .invalidValue(let source, let line, let column, let text, let expected):
            return "\(source):\(line): column '\(column)': '\(Self.clip(text))' is not \(expected)"
        case .invalidArgument(let message):
            return "invalid argument: \(message)"
        }
    }

    /// Whether the input stopped before what it declared (a header's length, a whole frame or
    /// line): the tools exit with `ExitStatus.inputEndedEarly` for these, after processing what came.
    public var endedEarly: Bool {
        switch self {
        case .truncated, .endedMidFrame, .endedMidLine: return true
        default: return false
        }
    }

    /// The 1-based input line the problem is on (CSV and manifest problems), else nil.
    public var line: Int? {
        switch self {
        case .notANumber(_, let line, _, _, _), .nonFinite(_, let line, _, _, _), .wrongColumnCount(_, let line, _, _),
             .unterminatedQuote(_, let line), .invalidValue(_, let line, _, _, _), .endedMidLine(_, let line, _):
            return line
        default:
            return nil
        }
    }

    /// `12000` as `12,000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let head = digits.count % 3 == 0 ? 3 : digits.count % 3
        var parts = [String(digits.prefix(head))]
        var rest = digits.dropFirst(head)
        while !rest.isEmpty { parts.append(String(rest.prefix(3))); rest = rest.dropFirst(3) }
        return (value < 0 ? "-" : "") + parts.joined(separator: ",")
    }

    private static func named(_ name: String?) -> String {
        name.map { " ('\(clip($0))')" } ?? ""
    }

    /// Keeps text quoted from the input short and on one line (newlines become spaces).
    private static func clip(_ text: String, to limit: Int = 40) -> String {
        let flat = text.map { $0.isNewline ? " " : $0 }
        return flat.count > limit ? String(flat.prefix(limit)) + "…" : String(flat)
    }
}
