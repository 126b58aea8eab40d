/// C types that several kernels' params embed; emitted once, before the kernels, when any kernel
/// that uses them is emitted (C99 forbids repeating a typedef).
enum CSharedType: Int, CaseIterable, Comparable {
    case window, weights

    static func < (a: CSharedType, b: CSharedType) -> Bool { a.rawValue < b.rawValue }

    var source: String {
        switch self {
        case .window:
            return """
            /* Geometry of a 2-D sliding window over NHWC (`Window2D`): input row of output row oy starts
               at oy * stride_height - pad_top; taps are dilation apart. */
            typedef struct {
                int32_t batches, input_height, input_width, output_height, output_width;
                int32_t filter_height, filter_width, stride_height, stride_width;
                int32_t dilation_height, dilation_width, pad_top, pad_left;
            } tml_window;
            """
        case .weights:
            return """
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
            """
        }
    }
}

extension CKernel {
    /// Shared types the kernel's params embed.
    var sharedTypes: [CSharedType] {
        switch self {
        case .conv2D, .depthwiseConv2D: return [.window, .weights]
        case .fullyConnected: return [.weights]
        case .pool2D: return [.window]
        default: return []
        }
    }
}
