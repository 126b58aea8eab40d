extension CKernel {
    /// SOFTMAX int8 (`SoftmaxInt8`) with the host-built float table
    /// `table[255 - v] = expf(-inScale * beta * v)`. Per row: m = max(x);
    /// e_j = table[255 - m + x_j]; sum = e_0 + e_1 + ... (float, in order);
    /// inv = 1 / (sum * out_scale); out_j = clamp(round_away(e_j * inv) + zp, -128, 127).
    /// Needs IEEE single precision evaluated in float (FLT_EVAL_METHOD 0) and no FMA contraction
    /// (`-ffp-contract=off`; ISO C modes of GCC default to it).
    static let softmaxSource = """
    typedef struct {
        int32_t rows, depth;
        float output_scale;
        int32_t output_zero_point;
        const float *table;
    } tml_softmax_params;

    static void tml_softmax_s8(const tml_softmax_params *p, const int8_t *input, int8_t *output)
    {
        int32_t r, c;
        for (r = 0; r < p->rows; ++r) {
            const int8_t *x = input + r * p->depth;
            int8_t *y = output + r * p->depth;
            int32_t max_value = -128;
            const float *t;
            float sum = 0.0f;
            float inverse;
            for (c = 0; c < p->depth; ++c) if (x[c] > max_value) max_value = x[c];
            t = p->table + (255 - max_value);
            for (c = 0; c < p->depth; ++c) sum += t[x[c]];
            inverse = 1.0f / (sum * p->output_scale);
            for (c = 0; c < p->depth; ++c) {
                const float scaled = t[x[c]] * inverse;
                y[c] = (int8_t)tml_clamp(tml_round_clamped(scaled) + p->output_zero_point, -128, 127);
            }
        }
    }
    """
}
