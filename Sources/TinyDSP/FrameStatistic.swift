/// One per-frame statistic of a vibration/condition-monitoring front end. Each contributes one
/// value to the frame's feature vector, except `logBandEnergies`, which contributes `bandCount`.
///
/// Time-domain statistics use the frame's samples (after the input gain, without the window);
/// moments are central, population (`ddof = 0`), computed in `Float` (`SignalMoments`):
/// - `mean` `μ = Σx/N`; `rms` `√(Σx²/N)`; `standardDeviation` `√m₂` with `mₚ = Σ(x−μ)ᵖ/N`;
/// - `peak` `max|x|`; `peakToPeak` `max x − min x`; `crestFactor` `peak / rms` (0 when rms = 0);
/// - `kurtosis` Pearson, not excess: `m₄/m₂²` (`scipy.stats.kurtosis(fisher=False)`; 3 for a
///   Gaussian; 0 when `m₂ = 0`); `skewness` `m₃/m₂^{3/2}` (`scipy.stats.skew`; 0 when `m₂ = 0`).
///
/// Spectral statistics use the windowed spectrum `S[k]` (magnitude or power, as configured) at
/// bin frequencies `f[k] = k·fs/N`, `k = 0 … N/2`:
/// - `spectralCentroid` `c = Σ f·S / Σ S` (`librosa.feature.spectral_centroid`; 0 for a zero frame);
/// - `spectralSpread` `√(Σ S·(f − c)² / Σ S)` (`spectral_bandwidth(p=2)`);
/// - `spectralFlatness` `exp(mean ln S′) / mean S′`, `S′ = max(S, 1e-10)` (`spectral_flatness`,
///   which squares a magnitude input: configure `power` to match it);
/// - `spectralRolloff(fraction)` the lowest `f[k]` with `Σ_{j≤k} S[j] ≥ fraction·Σ S`
///   (`spectral_rolloff(roll_percent=fraction)`);
/// - `spectralFlux` `Σ max(0, S_t[k] − S_{t−1}[k])` (half-wave rectified; the first frame of a
///   stream gives 0);
/// - `logBandEnergies` `ln(floor(Σ_{k∈band} S[k]))` over `bandCount` equal-width bands from
///   `minHertz` to `maxHertz`; band `b` takes bins with `lo_b ≤ f[k] < hi_b` (the last band also
///   takes `f[k] = maxHertz`).
public enum FrameStatistic: Sendable, Equatable {
    case mean
    case rms
    case standardDeviation
    case peak
    case peakToPeak
    case crestFactor
    case kurtosis
    case skewness
    case spectralCentroid
    case spectralSpread
    case spectralFlatness
    case spectralRolloff(fraction: Double)
    case spectralFlux
    case logBandEnergies(bandCount: Int, minHertz: Double, maxHertz: Double, floor: LogFloor)

    /// Values this statistic adds to the frame vector.
    public var width: Int {
        if case .logBandEnergies(let n, _, _, _) = self { return n }
        return 1
    }

    /// Whether the statistic needs the spectrum (else only the samples).
    public var isSpectral: Bool {
        switch self {
        case .mean, .rms, .standardDeviation, .peak, .peakToPeak, .crestFactor, .kurtosis, .skewness: return false
        default: return true
        }
    }
}
