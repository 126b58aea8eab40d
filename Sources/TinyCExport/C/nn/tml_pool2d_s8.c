/* tml_pool2d_s8.c: AVERAGE_POOL_2D / MAX_POOL_2D int8; the exact math is in tml_nn.h. */
#include "tml_nn.h"
#include "tml_nn_math.h"

TML_NN_API void tml_pool2d_s8(const tml_pool2d_params *p, const int8_t *input, int8_t *output)
{
    const tml_window *w = &p->window;
    int32_t b, oy, ox, c, fy, fx;
    for (b = 0; b < w->batches; ++b) {
        for (oy = 0; oy < w->output_height; ++oy) {
            const int32_t origin_y = oy * w->stride_height - w->pad_top;
            const int32_t y_start = origin_y < 0 ? -origin_y : 0;
            const int32_t y_end = w->filter_height < w->input_height - origin_y ? w->filter_height : w->input_height - origin_y;
            for (ox = 0; ox < w->output_width; ++ox) {
                const int32_t origin_x = ox * w->stride_width - w->pad_left;
                const int32_t x_start = origin_x < 0 ? -origin_x : 0;
                const int32_t x_end = w->filter_width < w->input_width - origin_x ? w->filter_width : w->input_width - origin_x;
                const int32_t count = (y_end > y_start ? y_end - y_start : 0) * (x_end > x_start ? x_end - x_start : 0);
                for (c = 0; c < p->channels; ++c) {
                    int32_t sum = 0;
                    int32_t largest = -128;
                    int32_t v;
                    for (fy = y_start; fy < y_end; ++fy) {
                        const int8_t *row = input + ((b * w->input_height + origin_y + fy) * w->input_width + origin_x) * p->channels + c;
                        for (fx = x_start; fx < x_end; ++fx) {
                            const int32_t tap = row[fx * p->channels];
                            sum += tap;
                            if (tap > largest) largest = tap;
                        }
                    }
                    if (p->is_max) v = largest;
                    else if (count > 0) v = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                    else v = 0;
                    *output++ = (int8_t)tml_clamp(v, p->activation_min, p->activation_max);
                }
            }
        }
    }
}
