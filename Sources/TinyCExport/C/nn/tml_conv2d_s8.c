/* tml_conv2d_s8.c: CONV_2D int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

/* The receptive field of the window at (origin_y, origin_x) of one image, in filter order, padding
   taps as the input zero point. */
static void tml_conv2d_column(const tml_conv2d_params *p, const int8_t *image, int32_t origin_y, int32_t origin_x,
                              int8_t *column)
{
    const tml_window *w = &p->window;
    const int32_t in_c = p->input_channels;
    const int32_t row_bytes = w->filter_width * in_c;
    const int8_t pad = (int8_t)(-p->q.input_offset);
    const int rows_whole = w->dilation_width == 1 && origin_x >= 0 && origin_x + w->filter_width <= w->input_width;
    int32_t fy, fx, i;
    for (fy = 0; fy < w->filter_height; ++fy) {
        const int32_t iy = origin_y + fy * w->dilation_height;
        if (iy < 0 || iy >= w->input_height) {
            for (i = 0; i < row_bytes; ++i) *column++ = pad;
        } else if (rows_whole) {
            const int8_t *x = image + (iy * w->input_width + origin_x) * in_c;
            for (i = 0; i < row_bytes; ++i) *column++ = x[i];
        } else {
            for (fx = 0; fx < w->filter_width; ++fx) {
                const int32_t ix = origin_x + fx * w->dilation_width;
                if (ix < 0 || ix >= w->input_width) {
                    for (i = 0; i < in_c; ++i) *column++ = pad;
                } else {
                    const int8_t *x = image + (iy * w->input_width + ix) * in_c;
                    for (i = 0; i < in_c; ++i) *column++ = x[i];
                }
            }
        }
    }
}

TML_NN_API void tml_conv2d_s8(const tml_conv2d_params *p, const int8_t *input, int8_t *output, int8_t *scratch)
{
    const tml_window *w = &p->window;
    const tml_weights *q = &p->q;
    const int32_t in_c = p->input_channels;
    const int32_t out_c = p->output_channels;
    const int32_t whole = out_c - out_c % 4;
    const int32_t depth = w->filter_height * w->filter_width * in_c;
    const int32_t image_bytes = w->input_height * w->input_width * in_c;
    const int pointwise = w->filter_height == 1 && w->filter_width == 1;
    int32_t b, oy, ox, oc, j;
    for (b = 0; b < w->batches; ++b) {
        const int8_t *image = input + b * image_bytes;
        for (oy = 0; oy < w->output_height; ++oy) {
            const int32_t origin_y = oy * w->stride_height - w->pad_top;
            for (ox = 0; ox < w->output_width; ++ox) {
                const int32_t origin_x = ox * w->stride_width - w->pad_left;
                const int8_t *column = scratch;
                if (pointwise && origin_y >= 0 && origin_y < w->input_height && origin_x >= 0 && origin_x < w->input_width) {
                    column = image + (origin_y * w->input_width + origin_x) * in_c;
                } else {
                    tml_conv2d_column(p, image, origin_y, origin_x, scratch);
                }
                const int8_t *k = q->weights;
                for (oc = 0; oc < whole; oc += 4, k += 4 * depth) {
                    int32_t acc[4];
                    for (j = 0; j < 4; ++j) acc[j] = q->folded_bias[oc + j];
                    tml_dot_4x1(k, depth, column, depth, acc);
                    for (j = 0; j < 4; ++j) {
                        *output++ = (int8_t)tml_clamp(tml_mbqm(acc[j], q->multipliers[oc + j], q->shifts[oc + j])
                                                      + q->output_offset, q->activation_min, q->activation_max);
                    }
                }
                for (; oc < out_c; ++oc, k += depth) {
                    const int32_t acc = q->folded_bias[oc] + tml_dot(k, column, depth);
                    *output++ = (int8_t)tml_clamp(tml_mbqm(acc, q->multipliers[oc], q->shifts[oc]) + q->output_offset,
                                                  q->activation_min, q->activation_max);
                }
            }
        }
    }
}
