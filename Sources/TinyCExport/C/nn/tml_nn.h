/* tml_nn.h: the int8 kernels of TinyMLSuite's C export (C99, <stdint.h> only: no libm, no libc,
   no dynamic allocation). Each kernel computes the same integers (and floats) as its TinyCore Swift
   kernel, in whatever loop order is fastest, so it is bit-exact with the Swift core and with
   LiteRT's BUILTIN_REF reference kernels. Its params struct holds everything the Swift kernel
   precomputes when a graph is prepared, as constants written by `tinyml export --target c`.

   Naming: tml_<operator>_<input type>[_<output type>]; s8 is int8, f32 is float. Tensors are
   dense, row-major; images NHWC.

   Requantization notation used below (tml_nn_math.h has the exact definitions):
     mbqm(x, M, shift)         TFLite MultiplyByQuantizedMultiplier, double rounding
     mbqm_single(x, M, shift)  single rounding, (x * M + 2^(30 - shift)) >> (31 - shift)
     round_away(v)             to nearest, ties away from zero, of v clamped to [-1000, 1000]
     clamp(v, lo, hi)          max(lo, min(hi, v))

   Floats: IEEE single precision evaluated in float (FLT_EVAL_METHOD 0), no fused multiply-add
   (compile with -ffp-contract=off, which ISO C modes of GCC default to).

   Linkage: the kernels are external functions, one per .c file, so the files build as a library.
   An exported model library pastes the files its model uses into its own .c after defining
   TML_NN_STATIC: the kernels become static (several exported models link into one firmware) and
   the prototypes below are left out (each kernel is defined before its use). The files include
   each other only through `#include "..."` lines, which the exporter drops when it pastes them. */
#ifndef TML_NN_H
#define TML_NN_H

#include <stdint.h>

#ifdef TML_NN_STATIC
#define TML_NN_API static
#else
#define TML_NN_API
#endif

/* Geometry of a 2-D sliding window over NHWC (`Window2D`): input row of output row oy starts
   at oy * stride_height - pad_top; taps are dilation apart. */
typedef struct {
    int32_t batches, input_height, input_width, output_height, output_width;
    int32_t filter_height, filter_width, stride_height, stride_width;
    int32_t dilation_height, dilation_width, pad_top, pad_left;
} tml_window;

/* Constant weights of CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED with their int32 bias,
   the bias with the input offset folded in (folded_bias[oc] = bias[oc] + input_offset *
   sum of all of channel oc's weights, for windows entirely inside the input), per-channel
   Q31 multipliers and shifts (`ChannelRequantization`), the input offset (-input zero
   point), the output zero point and the fused-activation clamp range. */
typedef struct {
    const int8_t *weights;
    const int32_t *bias;
    const int32_t *folded_bias;
    const int32_t *multipliers;
    const int32_t *shifts;
    int32_t input_offset, output_offset, activation_min, activation_max;
} tml_weights;

typedef struct {
    tml_window window;
    int32_t input_channels, output_channels;
    tml_weights q;
} tml_conv2d_params;

typedef struct {
    tml_window window;
    int32_t input_channels, depth_multiplier;
    tml_weights q;
} tml_depthwise_conv2d_params;

typedef struct {
    int32_t batches, accum_depth, output_depth;
    tml_weights q;
} tml_fully_connected_params;

typedef struct {
    tml_window window;
    int32_t is_max, channels, activation_min, activation_max;
} tml_pool2d_params;

typedef struct {
    int32_t rows, depth;
    float output_scale;
    int32_t output_zero_point;
    const float *table;
} tml_softmax_params;

typedef struct {
    int32_t is_mul;
    int32_t extents[6], strides1[6], strides2[6];
    int32_t offset1, offset2, output_offset;
    int32_t multiplier1, shift1, multiplier2, shift2, output_multiplier, output_shift;
    int32_t activation_min, activation_max;
} tml_binary_params;

typedef struct {
    int32_t extents[4];
    int32_t reduced[4];
    int32_t reduced_count, input_zero_point, output_zero_point, multiplier, shift;
} tml_mean_params;

typedef struct {
    int32_t outer, input_count;
    const int32_t *chunks;
} tml_concatenation_params;

typedef struct {
    int32_t input_extents[4], output_extents[4], before[4];
    int32_t pad_value;
} tml_pad_params;

typedef struct {
    int32_t count;
    const int8_t *table;
} tml_lookup_table_params;

typedef struct {
    int32_t count;
    float scale;
    int32_t zero_point;
} tml_quantize_params;

typedef struct {
    int32_t count, input_zero_point, output_zero_point, multiplier, shift;
} tml_requantize_params;

typedef struct {
    int32_t count;
    double scale;
    int32_t zero_point;
} tml_dequantize_params;

#ifndef TML_NN_STATIC

/* CONV_2D int8 (`Conv2DInt8`), weights OHWI [oc][fy][fx][ic], per-channel double rounding:
     acc = bias[oc] + sum over in-image taps of w[oc][fy][fx][ic] * (x[b][iy][ix][ic] + input_offset)
     out = clamp(mbqm(acc, M[oc], shift[oc]) + output_offset, act_min, act_max).
   Computed as im2col + blocked dot products: each output pixel's receptive field becomes one
   column of depth = fH * fW * inC bytes in filter order (a 1x1 filter inside the input reads the
   pixel in place; otherwise the field is copied into `scratch`, padding taps as the input zero
   point -input_offset), then acc = folded_bias[oc] + sum_k w[oc][k] * column[k], four output
   channels at a time: the same integer (folded_bias adds input_offset * sum_k w, each padding tap
   adds w * (-input_offset), cancelling its share). `scratch` holds depth bytes (unused, may be
   NULL, for a pointwise convolution without padding). */
TML_NN_API void tml_conv2d_s8(const tml_conv2d_params *p, const int8_t *input, int8_t *output, int8_t *scratch);

/* DEPTHWISE_CONV_2D int8 (`DepthwiseConv2DInt8`), weights [fy][fx][oc], output channel
   oc = ic * depth_multiplier + k reads input channel ic:
     acc = bias[oc] + sum over in-image taps of w[fy][fx][oc] * (x[b][iy][ix][ic] + input_offset)
     out = clamp(mbqm(acc, M[oc], shift[oc]) + output_offset, act_min, act_max).
   With depth multiplier 1, four channels at a time as
   acc = folded_bias[oc] + sum over in-image taps of w * x - input_offset * sum over the other taps of w
   (the same integer); other multipliers one channel at a time from `bias`. */
TML_NN_API void tml_depthwise_conv2d_s8(const tml_depthwise_conv2d_params *p, const int8_t *input, int8_t *output);

/* FULLY_CONNECTED int8 (`FullyConnectedInt8`), weights [output_depth][accum_depth], single
   rounding as LiteRT computes it:
     acc = bias[o] + sum_k w[o][k] * (x[b][k] + input_offset)   (as folded_bias[o] + sum_k w[o][k] * x[b][k])
     out = clamp(mbqm_single(acc, M[o], shift[o]) + output_offset, act_min, act_max). */
TML_NN_API void tml_fully_connected_s8(const tml_fully_connected_params *p, const int8_t *input, int8_t *output);

/* AVERAGE_POOL_2D / MAX_POOL_2D int8 (`AveragePool2DInt8`, `MaxPool2DInt8`) over the in-image taps
   of each window (padding taps are skipped and not counted), per channel:
     average: n = tap count, v = sum > 0 ? (sum + n/2) / n : (sum - n/2) / n (C division truncates), 0 when n == 0
     max:     v = the largest tap, -128 when there is none
     out = clamp(v, act_min, act_max). */
TML_NN_API void tml_pool2d_s8(const tml_pool2d_params *p, const int8_t *input, int8_t *output);

/* SOFTMAX int8 (`SoftmaxInt8`) with the host-built float table table[255 - v] = expf(-in_scale * beta * v).
   Per row of `depth` values: m = max(x); e_j = table[255 - m + x_j]; sum = e_0 + e_1 + ... (float,
   in order); inv = 1 / (sum * output_scale); out_j = clamp(round_away(e_j * inv) + zero_point, -128, 127). */
TML_NN_API void tml_softmax_s8(const tml_softmax_params *p, const int8_t *input, int8_t *output);

/* RESHAPE / SQUEEZE / EXPAND_DIMS of a run-time tensor (`ReshapeCopy`), and the model's inputs and
   outputs: a byte copy of non-overlapping buffers. */
TML_NN_API void tml_copy(const void *source, void *destination, int32_t bytes);

/* ADD and MUL int8 (`AddInt8`, `MulInt8`) over NumPy broadcasting (`Broadcast`): the operands are
   walked with per-dimension element strides (0 on broadcast dimensions) over a rank-6 output,
   row-major. With x1' = x1 + offset1, x2' = x2 + offset2:
     ADD: a = mbqm(x1' << 20, M1, shift1), b = mbqm(x2' << 20, M2, shift2),
          out = clamp(mbqm(a + b, Mout, out_shift) + output_offset, act_min, act_max)
     MUL: out = clamp(output_offset + mbqm(x1' * x2', Mout, out_shift), act_min, act_max). */
TML_NN_API void tml_binary_s8(const tml_binary_params *p, const int8_t *input1, const int8_t *input2, int8_t *output);

/* MEAN int8 over constant axes (`MeanInt8`), input padded to rank 4. For each output element
   (row-major over the kept dimensions): sum = sum of x over the reduced dimensions;
   out = clamp(mbqm(sum - input_zero_point * reduced_count, M', shift') + output_zero_point, -128, 127),
   M' and shift' folded with 1/reduced_count on the host as LiteRT 2.3 does. */
TML_NN_API void tml_mean_s8(const tml_mean_params *p, const int8_t *input, int8_t *output);

/* CONCATENATION int8 (`ConcatenationInt8`); the inputs share the output's quantization, so it is a
   strided copy: for each of `outer` steps, input i contributes chunks[i] contiguous bytes. */
TML_NN_API void tml_concatenation_s8(const tml_concatenation_params *p, const int8_t *const *inputs, int8_t *output);

/* PAD / PADV2 int8 (`PadInt8`), rank <= 4 padded to 4: output positions inside
   [before, before + input extent) on every dimension copy the input, all others are pad_value. */
TML_NN_API void tml_pad_s8(const tml_pad_params *p, const int8_t *input, int8_t *output);

/* LOGISTIC / TANH int8 (`LookupTableInt8`): out = table[(uint8_t)x], the 256 entries built on the
   host with the float expf/tanhf the Swift core uses. */
TML_NN_API void tml_lookup_table_s8(const tml_lookup_table_params *p, const int8_t *input, int8_t *output);

/* QUANTIZE float32 -> int8 (`QuantizeFloat`): v = x / scale (float), NaN -> 0,
   out = clamp(round_away(v) + zero_point, -128, 127). */
TML_NN_API void tml_quantize_f32_s8(const tml_quantize_params *p, const float *input, int8_t *output);

/* QUANTIZE int8 -> int8 (`RequantizeInt8`):
   out = clamp(mbqm(x - input_zero_point, M, shift) + output_zero_point, -128, 127). */
TML_NN_API void tml_requantize_s8(const tml_requantize_params *p, const int8_t *input, int8_t *output);

/* DEQUANTIZE int8 -> float32 (`DequantizeInt8`): y = (float)(scale * (double)(x - zero_point)),
   the scale held as a double as in TFLite. */
TML_NN_API void tml_dequantize_s8_f32(const tml_dequantize_params *p, const int8_t *input, float *output);

#endif /* TML_NN_STATIC */

#endif /* TML_NN_H */
