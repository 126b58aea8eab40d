"""The MLPerf Tiny KWS DS-CNN in Keras, and the transfer of its int8 reference weights into it.

Architecture (MLPerf Tiny `keras_model.py`, `ds_cnn` small): input [49, 10, 1] MFCCs →
Conv 10×4 stride 2, 64 filters, same padding → ReLU → 4 × (depthwise 3×3 same → ReLU → pointwise
1×1, 64 → ReLU) → average pool 25×5 → reshape → dense 12 (logits); the same operators as
the int8 reference (AVERAGE_POOL_2D and RESHAPE, not MEAN). Batch normalisation is folded into the
convolutions, as it is in the int8 model, so the transferred float model computes what the int8
model approximates: 2,656,768 MACs, 22,604 parameters.
"""
import numpy as np
import keras
from keras import layers

FILTERS, BLOCKS, CLASSES = 64, 4, 12
LAYERS = ["conv0"] + [name for b in range(BLOCKS) for name in (f"dw{b}", f"pw{b}")] + ["fc"]


def build(dropout=0.0, batch_size=None):
    """The DS-CNN with float weights (logits out; softmax is added when converting). Export with
    `batch_size=1`: a static shape lets the converter fold the reshape's shape computation."""
    inputs = keras.Input((49, 10, 1), batch_size=batch_size, name="mfcc")
    x = layers.Conv2D(FILTERS, (10, 4), strides=2, padding="same", name="conv0")(inputs)
    x = layers.ReLU()(x)
    for b in range(BLOCKS):
        x = layers.DepthwiseConv2D(3, padding="same", name=f"dw{b}")(x)
        x = layers.ReLU()(x)
        x = layers.Conv2D(FILTERS, 1, name=f"pw{b}")(x)
        x = layers.ReLU()(x)
    x = layers.AveragePooling2D((25, 5))(x)
    x = layers.Reshape((FILTERS,))(x)
    if dropout:
        x = layers.Dropout(dropout)(x)
    return keras.Model(inputs, layers.Dense(CLASSES, name="fc")(x), name="ds_cnn")


def dequantized_weights(tflite_path):
    """[(kernel, bias)] of the int8 DS-CNN in Keras layouts: `scale · q` per output channel.

    TFLite stores CONV_2D filters as [O, H, W, I] and DEPTHWISE_CONV_2D as [1, H, W, C] (Keras:
    [H, W, I, O] and [H, W, C, 1]), FULLY_CONNECTED as [O, I] (Keras: [I, O]); int32 biases carry
    scale input_scale · weight_scale.
    """
    from ai_edge_litert.interpreter import Interpreter

    it = Interpreter(model_path=str(tflite_path))
    it.allocate_tensors()
    details = {d["index"]: d for d in it.get_tensor_details()}

    def real(index):
        q = details[index]["quantization_parameters"]
        v = it.get_tensor(index).astype(np.float64)
        scales = q["scales"]
        if len(scales) > 1:
            shape = [1] * v.ndim
            shape[q["quantized_dimension"]] = -1
            scales = scales.reshape(shape)
        return (v * scales).astype(np.float32)

    out = []
    for op in it._get_ops_details():
        kind = op["op_name"]
        if kind not in ("CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED"):
            continue
        w, b = real(op["inputs"][1]), real(op["inputs"][2])
        out.append((w.T if kind == "FULLY_CONNECTED" else w.transpose(1, 2, 3, 0), b))
    if len(out) != len(LAYERS):
        raise ValueError(f"{tflite_path}: expected {len(LAYERS)} weighted layers, found {len(out)}")
    return out


def load_weights(model, tflite_path):
    """Copies the int8 reference model's dequantised weights into `model` (built by `build`)."""
    for name, (w, b) in zip(LAYERS, dequantized_weights(tflite_path)):
        model.get_layer(name).set_weights([w, b])
    return model
