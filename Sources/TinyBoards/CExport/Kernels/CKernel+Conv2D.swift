extension CKernel {
    /// CONV_2D int8 (`Conv2DInt8`): OHWI weights, per-channel double-rounding requantization.
    /// acc = Σ over in-image taps w[oc][fy][fx][ic] * (x[b][iy][ix][ic] + input_offset) + bias[oc];
    /// out = clamp(mbqm(acc, M[oc], shift[oc]) + output_offset, act_min, act_max).
    /// Windows entirely inside the input (with unit horizontal dilation) take the fast path
    /// acc = folded_bias[oc] + Σ w * x over each filter row's contiguous fW * inC bytes; the
    /// integer sum is the same (the Swift kernel folds the offset the same way).
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
        const int32_t row_length = w->filter_width * in_c;
        const int32_t span_y = (w->filter_height - 1) * w->dilation_height;
        const int32_t span_x = (w->filter_width - 1) * w->dilation_width;
        int32_t b, oy, ox, oc, fy, fx, i;
        for (b = 0; b < w->batches; ++b) {
            for (oy = 0; oy < w->output_height; ++oy) {
                const int32_t origin_y = oy * w->stride_height - w->pad_top;
                for (ox = 0; ox < w->output_width; ++ox) {
                    const int32_t origin_x = ox * w->stride_width - w->pad_left;
                    const int inside = origin_y >= 0 && origin_y + span_y < w->input_height && origin_x >= 0
                        && origin_x + span_x < w->input_width && w->dilation_width == 1;
                    for (oc = 0; oc < p->output_channels; ++oc) {
                        int32_t acc;
                        if (inside) {
                            acc = q->folded_bias[oc];
                            for (fy = 0; fy < w->filter_height; ++fy) {
                                const int8_t *x = input + ((b * w->input_height + origin_y + fy * w->dilation_height) * w->input_width + origin_x) * in_c;
                                const int8_t *k = q->weights + (oc * w->filter_height + fy) * row_length;
                                for (i = 0; i < row_length; ++i) acc += (int32_t)k[i] * (int32_t)x[i];
                            }
                        } else {
                            acc = q->bias[oc];
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
                                    for (i = 0; i < in_c; ++i) acc += (int32_t)k[i] * ((int32_t)x[i] + q->input_offset);
                                }
                            }
                        }
                        *output++ = (int8_t)tml_clamp(tml_mbqm(acc, q->multipliers[oc], q->shifts[oc]) + q->output_offset,
                                                      q->activation_min, q->activation_max);
                    }
                }
            }
        }
    }
    """
}
