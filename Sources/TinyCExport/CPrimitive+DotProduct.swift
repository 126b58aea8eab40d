extension CPrimitive {
    /// `tml_dot_4x1`: four int8 rows against one int8 column, 32-bit accumulation, unrolled by four
    /// so each step loads one column byte and four row bytes for four multiply-adds (the register
    /// block a Cortex-M4 or Xtensa LX7 keeps without spilling: 4 accumulators, 4 row pointers).
    static let dotProduct4x1Source = """
    /* acc[r] += sum over k < depth of w[r * stride + k] * x[k], for rows r = 0..3. */
    static void tml_dot_4x1(const int8_t *w, int32_t stride, const int8_t *x, int32_t depth, int32_t *acc)
    {
        const int8_t *w0 = w;
        const int8_t *w1 = w0 + stride;
        const int8_t *w2 = w1 + stride;
        const int8_t *w3 = w2 + stride;
        int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
        int32_t k = depth;
        while (k >= 4) {
            int32_t v = x[0];
            a0 += w0[0] * v; a1 += w1[0] * v; a2 += w2[0] * v; a3 += w3[0] * v;
            v = x[1];
            a0 += w0[1] * v; a1 += w1[1] * v; a2 += w2[1] * v; a3 += w3[1] * v;
            v = x[2];
            a0 += w0[2] * v; a1 += w1[2] * v; a2 += w2[2] * v; a3 += w3[2] * v;
            v = x[3];
            a0 += w0[3] * v; a1 += w1[3] * v; a2 += w2[3] * v; a3 += w3[3] * v;
            x += 4; w0 += 4; w1 += 4; w2 += 4; w3 += 4;
            k -= 4;
        }
        while (k > 0) {
            const int32_t v = *x++;
            a0 += *w0++ * v; a1 += *w1++ * v; a2 += *w2++ * v; a3 += *w3++ * v;
            --k;
        }
        acc[0] = a0; acc[1] = a1; acc[2] = a2; acc[3] = a3;
    }
    """

    /// `tml_dot`: one int8 row against one int8 column (the rows left over after blocks of four).
    static let dotProductSource = """
    /* sum over k < depth of w[k] * x[k], 32-bit accumulation, unrolled by four. */
    static int32_t tml_dot(const int8_t *w, const int8_t *x, int32_t depth)
    {
        int32_t a = 0, b = 0;
        int32_t k = depth;
        while (k >= 4) {
            a += w[0] * x[0] + w[1] * x[1];
            b += w[2] * x[2] + w[3] * x[3];
            w += 4; x += 4; k -= 4;
        }
        while (k > 0) { a += *w++ * *x++; --k; }
        return a + b;
    }
    """
}
