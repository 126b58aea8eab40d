/// The DCT stage: keep the first `coefficientCount` DCT-II coefficients of each log frame.
public struct CepstralConfiguration: Sendable, Equatable {
    public var coefficientCount: Int
    public var normalization: DCTNormalization
    /// librosa-style sinusoidal lifter `L` (0 = off).
    public var lifter: Double

    public init(coefficientCount: Int, normalization: DCTNormalization, lifter: Double = 0) {
        self.coefficientCount = coefficientCount
        self.normalization = normalization
        self.lifter = lifter
    }
}
