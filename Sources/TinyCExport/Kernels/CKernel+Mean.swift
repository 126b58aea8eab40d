extension CKernel {
    /// MEAN int8 over constant axes (`MeanInt8`), input padded to rank 4. For each output element
    /// (row-major over the kept dimensions): sum = Σ x over the reduced dimensions;
    /// out = clamp(mbqm(sum - input_zero_point * n, M', shift') + output_zero_point, -128, 127),
    /// with M' and shift' folded with 1/n on the host as LiteRT 2.3 does.
    static let meanSource = """
    typedef struct {
        int32_t extents[4];
        int32_t reduced[4];
        int32_t reduced_count, input_zero_point, output_zero_point, multiplier, shift;
    } tml_mean_params;

    static void tml_mean_s8(const tml_mean_params *p, const int8_t *input, int8_t *output)
    {
        const int32_t *e = p->extents;
        const int32_t *r = p->reduced;
        const int32_t offset = p->input_zero_point * p->reduced_count;
        int32_t out_count = 1;
        int32_t d, o, i0, i1, i2, i3;
        for (d = 0; d < 4; ++d) if (!r[d]) out_count *= e[d];
        for (o = 0; o < out_count; ++o) {
            int32_t rest = o;
            int32_t c[4] = {0, 0, 0, 0};
            int32_t lo[4], hi[4];
            int32_t sum = 0;
            for (d = 3; d >= 0; --d) {
                if (!r[d]) { c[d] = rest % e[d]; rest /= e[d]; }
                lo[d] = r[d] ? 0 : c[d];
                hi[d] = r[d] ? e[d] : c[d] + 1;
            }
            for (i0 = lo[0]; i0 < hi[0]; ++i0) for (i1 = lo[1]; i1 < hi[1]; ++i1)
            for (i2 = lo[2]; i2 < hi[2]; ++i2) for (i3 = lo[3]; i3 < hi[3]; ++i3) {
                sum += input[((i0 * e[1] + i1) * e[2] + i2) * e[3] + i3];
            }
            output[o] = (int8_t)tml_clamp(tml_mbqm(sum - offset, p->multiplier, p->shift) + p->output_zero_point, -128, 127);
        }
    }
    """
}
