/* tml_fe_dct_f32.c: DiscreteCosineTransform.apply, a dense output_count x input_count float matrix
   (built in Double and rounded once by the exporter) times the frame, each row summed as the four
   lanes of the Swift SIMD loop: s_l = sum of row[i] * in[i] over i = l mod 4 while a whole group of
   four remains, the input_count mod 4 last terms added to s_0, out = (s_0 + s_1) + (s_2 + s_3). */
#include "tml_fe.h"

TML_FE_API void tml_fe_dct_f32(const tml_fe_dct *p, const float *in, float *out)
{
    const int32_t n = p->input_count, whole = n - n % 4;
    int32_t k, i;
    for (k = 0; k < p->output_count; ++k) {
        const float *row = p->matrix + k * n;
        float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
        for (i = 0; i < whole; i += 4) {
            s0 += row[i] * in[i];
            s1 += row[i + 1] * in[i + 1];
            s2 += row[i + 2] * in[i + 2];
            s3 += row[i + 3] * in[i + 3];
        }
        for (; i < n; ++i) s0 += row[i] * in[i];
        out[k] = (s0 + s1) + (s2 + s3);
    }
}
