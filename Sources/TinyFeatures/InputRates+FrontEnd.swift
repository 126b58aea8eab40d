import TinyDSP
import TinyIO

extension InputRates {
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
}
