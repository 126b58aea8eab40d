extension CKernel {
    /// FULLY_CONNECTED int8 (`FullyConnectedInt8`): weights `[outDepth][accumDepth]`, single-rounding
    /// requantization as LiteRT computes it.
    /// acc = Σ_k w[o][k] * (x[b][k] + input_offset) + bias[o], computed as
    /// folded_bias[o] + Σ_k w[o][k] * x[b][k] (the same integer sum, as the Swift kernel does);
    /// out = clamp(mbqm_single(acc, M[o], shift[o]) + output_offset, act_min, act_max).
    static let fullyConnectedSource = """
    typedef struct {
        int32_t batches, accum_depth, output_depth;
        tml_weights q;
    } tml_fully_connected_params;

    static void tml_fully_connected_s8(const tml_fully_connected_params *p, const int8_t *input, int8_t *output)
    {
        const tml_weights *q = &p->q;
        int32_t b, o, k;
        for (b = 0; b < p->batches; ++b) {
            const int8_t *x = input + b * p->accum_depth;
            for (o = 0; o < p->output_depth; ++o) {
                const int8_t *w = q->weights + o * p->accum_depth;
                int32_t acc = q->folded_bias[o];
                for (k = 0; k < p->accum_depth; ++k) acc += (int32_t)w[k] * (int32_t)x[k];
                *output++ = (int8_t)tml_clamp(tml_mbqm_single(acc, q->multipliers[o], q->shifts[o]) + q->output_offset,
                                              q->activation_min, q->activation_max);
            }
        }
    }
    """
}
