/// A per-band noise floor that follows quiet frames quickly and loud frames slowly — an
/// asymmetric one-pole tracker (the "minimum statistics" idea without the search window).
///
/// For each band `b`, with `d = x[b] − N[b]` in log units:
/// `N[b] += (d > 0 ? rise : fall) · d`, then `N[b] = max(N[b], minimum)`, where a coefficient
/// `c = 1 − exp(−hop / τ)` makes `τ` the time constant (the host computes the coefficients;
/// `EventDetectorParameters`). The first frame sets `N = max(x, minimum)`. Allocation-free after
/// `init`.
public struct AdaptiveNoiseFloor {
    public let bands: Int
    public let minimum: Float
    private let fall: Float
    private(set) var levels: [Float]
    private var primed = false

    /// `fall`: the coefficient towards quieter frames; `minimum` in the frames' log units.
    public init(bands: Int, fall: Float, minimum: Float) {
        self.bands = bands
        self.minimum = minimum
        self.fall = fall
        levels = [Float](repeating: minimum, count: bands)
    }

    /// The floor of band `b`.
    public subscript(b: Int) -> Float { levels[b] }

    /// Moves the floor towards `frame` (`bands` values), rising with coefficient `rise`.
    public mutating func update(_ frame: UnsafeBufferPointer<Float>, rise: Float) {
        if !primed {
            for b in 0 ..< bands { levels[b] = max(frame[b], minimum) }
            primed = true
            return
        }
        for b in 0 ..< bands {
            let d = frame[b] - levels[b]
            levels[b] = max(levels[b] + (d > 0 ? rise : fall) * d, minimum)
        }
    }

    /// Forgets the floor (the next frame primes it).
    public mutating func reset() {
        primed = false
        for b in 0 ..< bands { levels[b] = minimum }
    }
}
