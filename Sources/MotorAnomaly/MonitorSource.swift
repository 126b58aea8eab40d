import TinyIO

/// Where the monitor's signal comes from: an audio file (any format libsndfile reads), or raw
/// `s16le`/`f32le` PCM or CSV lines (one value per line, or the column `column`) on a pipe —
/// always one sensor channel at the pipeline's rate, read block by block in constant memory.
///
/// Units (`scale`): for a file or `s16le`, `scale` is the physical value of one int16 LSB (CWRU:
/// `scale_g_per_lsb`), so a sample reads as `int16 × scale`; without it, full scale (±1). For
/// `f32le` and CSV, values are multiplied by `scale` (default 1). The baseline is learned in the
/// same units it is used in, so only a saved baseline needs the same `scale` again.
///
/// Refused with a one-line `AnomalyError`: a rate other than the pipeline's (`inputRates`: no
/// silent resampling; resample beforehand, e.g. `sox in.wav -r 12000 out.wav`), more than one
/// channel, a `scale` that is not finite and non-zero, and everything TinyIO refuses (missing,
/// empty, corrupt, truncated files). Under the monitor's policy NaN/garbage CSV lines and
/// non-finite `f32le` samples are skipped, counted (`skippedValues`) and reported to `onSkipped`
/// as they are read; each stands for one sample (the previous good value), so the clock stays true
/// (see `BadInputPolicy.skip`).
public final class MonitorSource {
    public enum Format: String, CaseIterable, Sendable { case s16le, f32le, csv }

    public let name: String
    public let sampleRate: Int
    public let stream: AudioStream
    private let source: any FrameSource

    init(source: any FrameSource, rates: InputRates, scaling: SampleScaling) throws(AnomalyError) {
        do { try rates.check(source) } catch { throw .input(error) }
        guard source.channelCount == 1 else {
            throw AnomalyError("\(source.sourceName) has \(source.channelCount) channels; the monitor takes one sensor channel "
                + "(for CSV pick one with --column; for audio files extract one, e.g. sox IN OUT remix 1)")
        }
        name = source.sourceName
        sampleRate = source.sampleRate
        self.source = source
        do {
            stream = try AudioStream(source: source, scaling: scaling)
        } catch {
            throw .input(error)
        }
    }

    /// An audio file.
    public static func file(_ path: String, rates: InputRates, scale: Double?) throws(AnomalyError) -> MonitorSource {
        try check(scale: scale)
        let reader: AudioFileReader
        do {
            reader = try AudioFileReader(path: path)
        } catch {
            throw .input(error)
        }
        return try MonitorSource(source: reader, rates: rates, scaling: scale.map { .physical(unitsPerLSB: $0) } ?? .fullScale)
    }

    /// A scale of 0, NaN or ±infinity would turn every sample into 0 or NaN and be learned as normal.
    static func check(scale: Double?) throws(AnomalyError) {
        guard let scale, !(scale.isFinite && scale != 0) else { return }
        throw .invalidScale(scale)
    }

    /// Raw PCM or CSV lines from `input` (standard input for the monitor).
    public static func stream(_ input: ByteInput, format: Format, rate: Int, rates: InputRates, scale: Double?,
                              column: String?) throws(AnomalyError) -> MonitorSource {
        try check(scale: scale)
        do {
            switch format {
            case .s16le:
                let pcm = try PCMStreamReader(input: input, encoding: .s16le, channels: 1, sampleRate: rate, nonFinite: .skip)
                return try MonitorSource(source: pcm, rates: rates, scaling: scale.map { .physical(unitsPerLSB: $0) } ?? .fullScale)
            case .f32le:
                let pcm = try PCMStreamReader(input: input, encoding: .f32le, channels: 1, sampleRate: rate, nonFinite: .skip)
                return try MonitorSource(source: pcm, rates: rates, scaling: valueScaling(scale))
            case .csv:
                let options = CSVOptions(columns: column.map { CSVOptions.Columns(parsing: $0) } ?? .all, badLines: .skip)
                let csv = try CSVSampleSource(reader: CSVSensorReader(input: input, options: options), sampleRate: rate)
                return try MonitorSource(source: csv, rates: rates, scaling: valueScaling(scale))
            }
        } catch let error as AnomalyError {
            throw error
        } catch let error as IOError {
            throw .input(error)
        } catch {
            throw AnomalyError("\(input.name): \(error)")
        }
    }

    /// Multiplies values (already in physical units, not int16 LSBs) by `scale`:
    /// `SampleScaling.physical(unitsPerLSB: u)` multiplies by 32768·u, so u = scale / 32768.
    private static func valueScaling(_ scale: Double?) -> SampleScaling {
        scale.map { .physical(unitsPerLSB: $0 / 32768) } ?? .fullScale
    }

    /// Input values skipped so far: NaN/garbage/short CSV lines, non-finite PCM samples.
    public var skippedValues: Int {
        switch source {
        case let pcm as PCMStreamReader: return pcm.badSamples.total
        case let csv as CSVSampleSource: return csv.reader.badLines.total
        default: return 0
        }
    }

    /// The most recent skipped value's problem, for the summary (nil if none).
    public var lastProblem: String? {
        switch source {
        case let pcm as PCMStreamReader: return pcm.badSamples.lastProblem?.description
        case let csv as CSVSampleSource: return csv.reader.badLines.lastProblem?.description
        default: return nil
        }
    }

    /// Called for each skipped value as it is read (the monitor's live `skipped` events).
    public var onSkipped: ((SkippedInput) -> Void)? {
        get { (source as? PCMStreamReader)?.onSkipped ?? (source as? CSVSampleSource)?.reader.onSkipped }
        set {
            (source as? PCMStreamReader)?.onSkipped = newValue
            (source as? CSVSampleSource)?.reader.onSkipped = newValue
        }
    }

    /// Bytes of an incomplete last PCM sample at the end of the input (dropped).
    public var droppedTrailingBytes: Int { (source as? PCMStreamReader)?.droppedTrailingBytes ?? 0 }
}
