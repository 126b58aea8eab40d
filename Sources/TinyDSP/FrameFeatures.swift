/// What one frame's spectrum is reduced to before log compression and the DCT.
///
/// - `spectrum`: all `fftSize/2 + 1` bins (a linear spectrogram).
/// - `mel(c)`: `c.bandCount` mel band energies (`MelFilterbank`).
/// - `statistics(list)`: the listed `FrameStatistic`s, concatenated in order (no log or DCT
///   stage after them; `logBandEnergies` carries its own log).
public enum FrameFeatures: Sendable, Equatable {
    case spectrum
    case mel(MelFilterbankConfiguration)
    case statistics([FrameStatistic])
}
