/* tml_depthwise_conv2d_s8.c: DEPTHWISE_CONV_2D int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_depthwise_conv2d_s8(const tml_depthwise_conv2d_params *p, const int8_t *input, int8_t *output)
{
    const tml_window *w = &p->window;
    const tml_weights *q = &p->q;
    const int32_t in_c = p->input_channels;
    const int32_t m = p->depth_multiplier;
    const int32_t out_c = in_c * m;
    const int32_t whole = out_c - out_c % 4;
    const int32_t off = q->input_offset;
    const int32_t tap_step = w->dilation_width * in_c;
    int32_t b, oy, ox, oc, fy, fx, j;
    for (b = 0; b < w->batches; ++b) {
        for (oy = 0; oy < w->output_height; ++oy) {
            const int32_t origin_y = oy * w->stride_height - w->pad_top;
            int32_t fy0 = 0, fy1 = w->filter_height;
            while (fy0 < fy1 && origin_y + fy0 * w->dilation_height < 0) ++fy0;
            while (fy1 > fy0 && origin_y + (fy1 - 1) * w->dilation_height >= w->input_height) --fy1;
            for (ox = 0; ox < w->output_width; ++ox) {
                const int32_t origin_x = ox * w->stride_width - w->pad_left;
                int32_t fx0 = 0, fx1 = w->filter_width;
                while (fx0 < fx1 && origin_x + fx0 * w->dilation_width < 0) ++fx0;
                while (fx1 > fx0 && origin_x + (fx1 - 1) * w->dilation_width >= w->input_width) --fx1;
                oc = 0;
                if (m == 1) {
                    for (; oc < whole; oc += 4) {
                        int32_t a0 = q->folded_bias[oc], a1 = q->folded_bias[oc + 1];
                        int32_t a2 = q->folded_bias[oc + 2], a3 = q->folded_bias[oc + 3];
                        for (fy = 0; fy < w->filter_height; ++fy) {
                            const int8_t *k = q->weights + fy * w->filter_width * out_c + oc;
                            if (fy < fy0 || fy >= fy1) {
                                for (fx = 0; fx < w->filter_width; ++fx, k += out_c) {
                                    a0 -= k[0] * off; a1 -= k[1] * off; a2 -= k[2] * off; a3 -= k[3] * off;
                                }
                                continue;
                            }
                            for (fx = 0; fx < fx0; ++fx, k += out_c) {
                                a0 -= k[0] * off; a1 -= k[1] * off; a2 -= k[2] * off; a3 -= k[3] * off;
                            }
                            {
                                const int8_t *x = input + ((b * w->input_height + origin_y + fy * w->dilation_height)
                                    * w->input_width + origin_x + fx0 * w->dilation_width) * in_c + oc;
                                for (; fx < fx1; ++fx, k += out_c, x += tap_step) {
                                    a0 += k[0] * x[0]; a1 += k[1] * x[1]; a2 += k[2] * x[2]; a3 += k[3] * x[3];
                                }
                            }
                            for (; fx < w->filter_width; ++fx, k += out_c) {
                                a0 -= k[0] * off; a1 -= k[1] * off; a2 -= k[2] * off; a3 -= k[3] * off;
                            }
                        }
                        {
                            const int32_t acc[4] = {a0, a1, a2, a3};
                            for (j = 0; j < 4; ++j) {
                                *output++ = (int8_t)tml_clamp(tml_mbqm(acc[j], q->multipliers[oc + j], q->shifts[oc + j])
                                                              + q->output_offset, q->activation_min, q->activation_max);
                            }
                        }
                    }
                }
                for (; oc < out_c; ++oc) {
                    const int32_t ic = oc / m;
                    int32_t acc = q->bias[oc];
                    for (fy = fy0; fy < fy1; ++fy) {
                        const int8_t *k = q->weights + (fy * w->filter_width + fx0) * out_c + oc;
                        const int8_t *x = input + ((b * w->input_height + origin_y + fy * w->dilation_height)
                            * w->input_width + origin_x + fx0 * w->dilation_width) * in_c + ic;
                        for (fx = fx0; fx < fx1; ++fx, k += out_c, x += tap_step) acc += k[0] * (x[0] + off);
                    }
                    *output++ = (int8_t)tml_clamp(tml_mbqm(acc, q->multipliers[oc], q->shifts[oc]) + q->output_offset,
                                                  q->activation_min, q->activation_max);
                }
            }
        }
    }
}
