import TinyDSP

/// The source sample rates one pipeline accepts — the single rate check every audio tool applies
/// before it reads (kws-demo, wildlife-demo, anomaly-monitor's audio input, `tinyml audio convert`,
/// `tinyml eval`, `tinyml features`), so a 1 Hz header is refused in one line instead of being
/// resampled into 10^10 samples.
///
/// - Floor: twice the highest frequency the front end reads (the top of its mel filterbank; its own
///   rate when it has none). Audio below it has nothing in the bands the model listens to.
/// - Ceiling: `audioCeiling` (192 kHz, the highest common recording rate); anything above is a
///   corrupt header or a wrong option far more often than real audio, and costs a long filter.
/// - A pipeline that does not resample (the motor monitor) accepts exactly its own rate.
public struct InputRates: Sendable, Equatable {
    /// The highest source rate any pipeline accepts (Hz).
    public static let audioCeiling = 192_000
    /// What `tinyml audio convert` accepts when no pipeline is named (Hz): 1 kHz (below it is not
    /// audio) to `audioCeiling`, for the input and the output rate.
    public static let conversion = InputRates(consumer: "audio conversion", accepted: 1_000 ... audioCeiling)

    /// Who accepts these rates, as messages say it: "the kws pipeline", "audio conversion".
    public let consumer: String
    public let accepted: ClosedRange<Int>

    public init(consumer: String, accepted: ClosedRange<Int>) {
        self.consumer = consumer
        self.accepted = accepted
    }

    /// The rates of the pipeline named `pipeline` ("kws", "wildlife").
    public init(pipeline: String, accepted: ClosedRange<Int>) {
        self.init(consumer: "the \(pipeline) pipeline", accepted: accepted)
    }

    /// Floor from `frontEnd` (see the type), ceiling `audioCeiling`, or exactly `frontEnd.sampleRate`
    /// when `resamples` is false.
    public init(pipeline: String, frontEnd: FrontEndConfiguration, resamples: Bool = true) {
        guard resamples else {
            self.init(pipeline: pipeline, accepted: frontEnd.sampleRate ... frontEnd.sampleRate)
            return
        }
        var floor = frontEnd.sampleRate
        if case .mel(let mel) = frontEnd.features { floor = Int((2 * mel.maxHertz).rounded(.up)) }
        self.init(pipeline: pipeline, accepted: min(floor, Self.audioCeiling) ... Self.audioCeiling)
    }

    /// Throws `.rateOutsidePipeline` unless `rate` is accepted.
    public func check(_ rate: Int, source: String) throws(IOError) {
        guard accepted.contains(rate) else {
            throw .rateOutsidePipeline(source: source, rate: rate, consumer: consumer, accepted: accepted)
        }
    }

    /// `check(_:source:)` for a source's rate.
    public func check(_ source: any FrameSource) throws(IOError) {
        try check(source.sampleRate, source: source.sourceName)
    }

    /// For `--help` and READMEs: "8,000–192,000 Hz" (or "12,000 Hz only").
    public var text: String {
        accepted.count == 1 ? "\(IOError.grouped(accepted.lowerBound)) Hz only"
            : "\(IOError.grouped(accepted.lowerBound))–\(IOError.grouped(accepted.upperBound)) Hz"
    }
}
