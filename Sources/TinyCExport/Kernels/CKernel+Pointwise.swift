extension CKernel {
    /// LOGISTIC / TANH int8 (`LookupTableInt8`): out = table[(uint8_t)x], the 256-entry table built
    /// on the host with the same float `expf`/`tanhf` the Swift core uses (no libm on the device).
    static let lookupTableSource = """
    typedef struct {
        int32_t count;
        const int8_t *table;
    } tml_lookup_table_params;

    static void tml_lookup_table_s8(const tml_lookup_table_params *p, const int8_t *input, int8_t *output)
    {
        int32_t i;
        for (i = 0; i < p->count; ++i) output[i] = p->table[(uint8_t)input[i]];
    }
    """

    /// QUANTIZE float32 -> int8 (`QuantizeFloat`): v = x / scale (float), NaN -> 0,
    /// q = clamp(round_away(clamp(v, -1000, 1000)) + zero_point, -128, 127).
    static let quantizeSource = """
    typedef struct {
        int32_t count;
        float scale;
        int32_t zero_point;
    } tml_quantize_params;

    static void tml_quantize_f32_s8(const tml_quantize_params *p, const float *input, int8_t *output)
    {
        int32_t i;
        for (i = 0; i < p->count; ++i) {
            float v = input[i] / p->scale;
            if (v != v) v = 0.0f;
            output[i] = (int8_t)tml_clamp(tml_round_clamped(v) + p->zero_point, -128, 127);
        }
    }
    """

    /// QUANTIZE int8 -> int8 (`RequantizeInt8`): out = clamp(mbqm(x - in_zp, M) + out_zp, -128, 127).
    static let requantizeSource = """
    typedef struct {
        int32_t count, input_zero_point, output_zero_point, multiplier, shift;
    } tml_requantize_params;

    static void tml_requantize_s8(const tml_requantize_params *p, const int8_t *input, int8_t *output)
    {
        int32_t i;
        for (i = 0; i < p->count; ++i) {
            const int32_t v = tml_mbqm((int32_t)input[i] - p->input_zero_point, p->multiplier, p->shift) + p->output_zero_point;
            output[i] = (int8_t)tml_clamp(v, -128, 127);
        }
    }
    """

    /// DEQUANTIZE int8 -> float32 (`DequantizeInt8`): y = (float)(scale * (double)(x - zero_point)),
    /// the scale held as a double as in TFLite.
    static let dequantizeSource = """
    typedef struct {
        int32_t count;
        double scale;
        int32_t zero_point;
    } tml_dequantize_params;

    static void tml_dequantize_s8_f32(const tml_dequantize_params *p, const int8_t *input, float *output)
    {
        int32_t i;
        for (i = 0; i < p->count; ++i) output[i] = (float)(p->scale * (double)((int32_t)input[i] - p->zero_point));
    }
    """
}
