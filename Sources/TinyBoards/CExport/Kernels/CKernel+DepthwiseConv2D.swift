extension CKernel {
    /// DEPTHWISE_CONV_2D int8 (`DepthwiseConv2DInt8`): weights `[fH][fW][outC]`, output channel
    /// `oc = ic * m + k` reads input channel `ic`.
    /// acc = bias[oc] + Σ over in-image taps w[fy][fx][oc] * (x[b][iy][ix][ic] + input_offset);
    /// out = clamp(mbqm(acc, M[oc], shift[oc]) + output_offset, act_min, act_max).
    /// Windows entirely inside the input use acc = folded_bias[oc] + Σ w * x without bounds checks
    /// (the same integer sum).
    static let depthwiseConv2DSource = """
    typedef struct {
        tml_window window;
        int32_t input_channels, depth_multiplier;
        tml_weights q;
    } tml_depthwise_conv2d_params;

    static void tml_depthwise_conv2d_s8(const tml_depthwise_conv2d_params *p, const int8_t *input, int8_t *output)
    {
        const tml_window *w = &p->window;
        const tml_weights *q = &p->q;
        const int32_t in_c = p->input_channels;
        const int32_t out_c = p->input_channels * p->depth_multiplier;
        const int32_t span_y = (w->filter_height - 1) * w->dilation_height;
        const int32_t span_x = (w->filter_width - 1) * w->dilation_width;
        int32_t b, oy, ox, oc, fy, fx;
        for (b = 0; b < w->batches; ++b) {
            for (oy = 0; oy < w->output_height; ++oy) {
                const int32_t origin_y = oy * w->stride_height - w->pad_top;
                for (ox = 0; ox < w->output_width; ++ox) {
                    const int32_t origin_x = ox * w->stride_width - w->pad_left;
                    const int inside = origin_y >= 0 && origin_y + span_y < w->input_height && origin_x >= 0
                        && origin_x + span_x < w->input_width;
                    for (oc = 0; oc < out_c; ++oc) {
                        const int32_t ic = oc / p->depth_multiplier;
                        int32_t acc;
                        if (inside) {
                            acc = q->folded_bias[oc];
                            for (fy = 0; fy < w->filter_height; ++fy) {
                                const int8_t *x = input + ((b * w->input_height + origin_y + fy * w->dilation_height) * w->input_width + origin_x) * in_c + ic;
                                const int8_t *k = q->weights + fy * w->filter_width * out_c + oc;
                                for (fx = 0; fx < w->filter_width; ++fx) {
                                    acc += (int32_t)k[fx * out_c] * (int32_t)x[fx * w->dilation_width * in_c];
                                }
                            }
                        } else {
                            acc = q->bias[oc];
                            for (fy = 0; fy < w->filter_height; ++fy) {
                                const int32_t iy = origin_y + fy * w->dilation_height;
                                if (iy < 0 || iy >= w->input_height) continue;
                                for (fx = 0; fx < w->filter_width; ++fx) {
                                    const int32_t ix = origin_x + fx * w->dilation_width;
                                    if (ix < 0 || ix >= w->input_width) continue;
                                    acc += (int32_t)q->weights[(fy * w->filter_width + fx) * out_c + oc]
                                        * ((int32_t)input[((b * w->input_height + iy) * w->input_width + ix) * in_c + ic] + q->input_offset);
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
