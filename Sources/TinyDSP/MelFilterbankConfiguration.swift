/// Where a mel filterbank draws its triangles.
///
/// - `hertz`: triangles are linear in hertz between mel-spaced edge frequencies
///   (`librosa.filters.mel`, Slaney's Auditory Toolbox, HTK with `librosa … htk=True`).
/// - `mel`: triangles are linear in mel between mel-spaced edges, and the DC bin always gets
///   weight 0 (`tf.signal.linear_to_mel_weight_matrix`, CMSIS-DSP `mfcc.melFilterMatrix`, MLPerf KWS).
public enum MelTriangleDomain: Sendable, Equatable {
    case hertz
    case mel
}

/// How each band's weights are scaled after the triangles are drawn.
///
/// - `none`: peak weight ≤ 1 (`norm=None`, TF, CMSIS-DSP).
/// - `slaney`: band `i` × `2 / (f[i+2] − f[i])` with `f` the band edges in hertz — constant energy
///   per band (`librosa norm='slaney'`, its default).
/// - `l1`, `l2`, `max`: band divided by its 1-, 2- or ∞-norm (`librosa norm=1, 2, np.inf`;
///   an all-zero band stays zero).
public enum MelNormalization: Sendable, Equatable {
    case none
    case slaney
    case l1
    case l2
    case max
}

/// A mel filterbank's parameters. Edges: `bandCount + 2` points equally spaced in mel from
/// `mel(minHertz)` to `mel(maxHertz)`; band `i` rises from edge `i`, peaks at `i+1`, falls to `i+2`.
public struct MelFilterbankConfiguration: Sendable, Equatable {
    public var bandCount: Int
    public var minHertz: Double
    public var maxHertz: Double
    public var scale: MelScale
    public var triangles: MelTriangleDomain
    public var normalization: MelNormalization

    public init(bandCount: Int, minHertz: Double, maxHertz: Double, scale: MelScale,
                triangles: MelTriangleDomain, normalization: MelNormalization) {
        self.bandCount = bandCount
        self.minHertz = minHertz
        self.maxHertz = maxHertz
        self.scale = scale
        self.triangles = triangles
        self.normalization = normalization
    }

    /// `tf.signal.linear_to_mel_weight_matrix` (HTK mel, mel-domain triangles, DC weight 0, no
    /// normalisation) — the MLPerf KWS filterbank with 40 bands over 20–4000 Hz.
    public static func tensorflow(bandCount: Int, minHertz: Double, maxHertz: Double) -> Self {
        Self(bandCount: bandCount, minHertz: minHertz, maxHertz: maxHertz, scale: .htk, triangles: .mel,
             normalization: .none)
    }

    /// `librosa.filters.mel` defaults (Slaney mel, hertz-domain triangles, Slaney area normalisation).
    public static func librosa(bandCount: Int, minHertz: Double, maxHertz: Double) -> Self {
        Self(bandCount: bandCount, minHertz: minHertz, maxHertz: maxHertz, scale: .slaney, triangles: .hertz,
             normalization: .slaney)
    }
}
