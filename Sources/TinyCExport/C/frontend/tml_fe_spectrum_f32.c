/* tml_fe_spectrum_f32.c: SpectrumKind.compute, the spectrum kept from interleaved complex bins
   z[2k] = Re X[k], z[2k + 1] = Im X[k]: power re^2 + im^2, or magnitude sqrt(re^2 + im^2),
   correctly rounded as Float.squareRoot(). */
#include "tml_fe.h"
#include "tml_fe_math.h"

TML_FE_API void tml_fe_power_spectrum_f32(const float *z, float *out, int32_t count)
{
    int32_t k;
    for (k = 0; k < count; ++k, z += 2) out[k] = z[0] * z[0] + z[1] * z[1];
}

TML_FE_API void tml_fe_magnitude_spectrum_f32(const float *z, float *out, int32_t count)
{
    int32_t k;
    for (k = 0; k < count; ++k, z += 2) out[k] = tml_fe_sqrtf(z[0] * z[0] + z[1] * z[1]);
}
