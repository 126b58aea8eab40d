/// Which reference interpreter the kernels reproduce bit for bit where the two references differ.
///
/// LiteRT's reference kernels (`BUILTIN_REF`) and TFLM's agree on every operator the core
/// implements but one: FULLY_CONNECTED's requantization. LiteRT rounds once
/// (`multiplyByQuantizedMultiplierSingleRounding`: `(x·M + 2^(30-s)) >> (31-s)`); TFLM rounds
/// twice, as both do for CONV_2D (`multiplyByQuantizedMultiplier`: gemmlowp's
/// SaturatingRoundingDoublingHighMul, then RoundingDivideByPOT). An output can then differ by one
/// quantization step (the zoo's six-layer `autoencoder`: 22 of 448 bytes; `Tools/golden/tflm_zoo.py`).
/// `.liteRT` is the default everywhere (the golden vectors, the firmware and the C export);
/// `.tflm` makes a model's outputs equal those of a device running TFLM's reference kernels.
public enum ReferenceSemantics: Sendable, Equatable {
    case liteRT
    case tflm
}
