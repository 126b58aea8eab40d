/// How raw samples are scaled before framing.
///
/// - `none`: samples as read (`TinyIO` float samples are PCM / full scale, in [−1, 1)).
/// - `peak`: `x / max(x)` over the model input window (the clip) — MLPerf KWS `get_dataset.py`:
///   the **maximum**, not the absolute maximum; a window whose maximum is 0 is left unscaled. Every
///   stage up to the filterbank is linear, so the front end applies it exactly as a factor on the
///   spectrum (`1/|p|` for magnitude, `1/p²` for power) just before the logarithm, which lets a
///   stream reuse frames across overlapping windows. Not available for `statistics` features.
/// - `gain(g)`: `x · g` (e.g. a sensor's physical units per LSB), folded into the window.
public enum InputNormalization: Sendable, Equatable {
    case none
    case peak
    case gain(Float)
}
