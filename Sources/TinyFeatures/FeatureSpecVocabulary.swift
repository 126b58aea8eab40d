import TinyDSP

/// The JSON spellings of the spec's enumerations, one table each, used both to read and to write
/// (so the two cannot drift).
enum FeatureSpecVocabulary {
    static let windows: [(String, WindowFunction)] = [
        ("hann-periodic", .hann(.periodic)), ("hann-symmetric", .hann(.symmetric)),
        ("hamming-periodic", .hamming(.periodic)), ("hamming-symmetric", .hamming(.symmetric)),
        ("rectangular", .rectangular),
    ]
    static let spectra: [(String, SpectrumKind)] = [("magnitude", .magnitude), ("power", .power)]
    static let melScales: [(String, MelScale)] = [("htk", .htk), ("slaney", .slaney)]
    static let triangles: [(String, MelTriangleDomain)] = [("mel", .mel), ("hertz", .hertz)]
    static let melNormalizations: [(String, MelNormalization)] = [
        ("none", .none), ("slaney", .slaney), ("l1", .l1), ("l2", .l2), ("max", .max),
    ]
    static let logBases: [(String, LogBase)] = [
        ("ln", .natural), ("log10", .ten), ("db", .decibels), ("db-amplitude", .amplitudeDecibels),
    ]
    static let floors: [(String, @Sendable (Float) -> LogFloor)] = [("add", { .add($0) }), ("clamp", { .clamp($0) })]
    static let dctNormalizations: [(String, DCTNormalization)] = [
        ("none", .none), ("ortho", .orthonormal), ("tensorflow", .tensorflow),
    ]
    static let roundings: [(String, RoundingRule)] = [
        ("half-to-even", .halfToEven), ("half-away-from-zero", .halfAwayFromZero), ("half-up", .halfUp),
    ]
    /// Statistics without parameters.
    static let statistics: [(String, FrameStatistic)] = [
        ("mean", .mean), ("rms", .rms), ("std", .standardDeviation), ("peak", .peak),
        ("peak-to-peak", .peakToPeak), ("crest-factor", .crestFactor), ("kurtosis", .kurtosis),
        ("skewness", .skewness), ("spectral-centroid", .spectralCentroid), ("spectral-spread", .spectralSpread),
        ("spectral-flatness", .spectralFlatness), ("spectral-flux", .spectralFlux),
    ]

    static func name<T: Equatable>(_ value: T, in table: [(String, T)]) -> String {
        table.first { $0.1 == value }!.0
    }

    static func floorName(_ floor: LogFloor) -> (String, Float) {
        switch floor {
        case .add(let e): return ("add", e)
        case .clamp(let e): return ("clamp", e)
        }
    }
}
