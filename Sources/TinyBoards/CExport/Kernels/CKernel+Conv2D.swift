extension CKernel {
    /// CONV_2D int8 (`Conv2DInt8`): OHWI weights, per-channel double-rounding requantization.
    /// acc = Σ over in-image taps w[oc][fy][fx][ic] * (x[b][iy][ix][ic] + input_offset) + bias[oc];
    /// out = clamp(mbqm(acc, M[oc], shift[oc]) + output_offset, act_min, act_max).
    /// (The Swift kernel gathers a zero-point-padded patch and folds the offset into the bias; the
    /// integer sums are identical.)
    static let conv2DSource = """
    typedef struct {
        tml_window window;
        int32_t input_channels, output_channels;
        tml_weights q;
    } tml_conv2d_params;

    static void tml_conv2d_s8(const tml_conv2d_params *p, const int8_t *input, int8_t *output)
    {
        const tml_window *w = &p->window;
        const tml_weights *q = &p->q;
        const int32_t in_c = p->input_channels;
        int32_t b, oy, ox, oc, fy, fx, ic;
        for (b = 0; b < w->batches; ++b) {
            for (oy = 0; oy < w->output_height; ++oy) {
                const int32_t origin_y = oy * w->stride_height - w->pad_top;
                for (ox = 0; ox < w->output_width; ++ox) {
                    const int32_t origin_x = ox * w->stride_width - w->pad_left;
                    for (oc = 0; oc < p->output_channels; ++oc) {
                        int32_t acc = 0;
                        for (fy = 0; fy < w->filter_height; ++fy) {
                            const int32_t iy = origin_y + fy * w->dilation_height;
                            if (iy < 0 || iy >= w->input_height) continue;
                            for (fx = 0; fx < w->filter_width; ++fx) {
                                const int32_t ix = origin_x + fx * w->dilation_width;
                                const int8_t *x;
                                const int8_t *k;
                                if (ix < 0 || ix >= w->input_width) continue;
                                x = input + ((b * w->input_height + iy) * w->input_width + ix) * in_c;
                                k = q->weights + ((oc * w->filter_height + fy) * w->filter_width + fx) * in_c;
                                for (ic = 0; ic < in_c; ++ic) acc += (int32_t)k[ic] * ((int32_t)x[ic] + q->input_offset);
                            }
                        }
                        acc += q->bias[oc];
                        *output++ = (int8_t)tml_clamp(tml_mbqm(acc, q->multipliers[oc], q->shifts[oc]) + q->output_offset,
                                                      q->activation_min, q->activation_max);
                    }
                }
            }
        }
    }
    """
}
