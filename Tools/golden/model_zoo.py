"""Golden zoo for the int8 core: random Keras models -> full-int8 PTQ .tflite -> LiteRT BUILTIN_REF outputs.

Each model is built with fixed seeds, converted with a representative dataset (int8 input and output),
and run with `Interpreter(..., experimental_op_resolver_type=OpResolverType.BUILTIN_REF)` on several
int8 inputs: random full-range values (these saturate), values drawn from the calibration
distribution, and the extremes -128 / 127 (float32 models: ±1e6, 0 and calibration samples).
The op_* models are single-operator edge cases (broadcasting, MEAN axes, dilation, strides,
depth multipliers, shape-only operators resolved at load, requantizing QUANTIZE, PADV2, extreme
zero points). TF's converter lowers `tf.squeeze` to RESHAPE, so the op_squeeze_* models are rewritten
after conversion into a real SQUEEZE operator (`squeeze_to_operator`, with TF's own flatbuffer schema
classes) before LiteRT runs them. Written to Tests/TinyCoreTests/Fixtures/zoo/:
  <name>.tflite, <name>.in.bin (cases x input bytes, int8), <name>.out.bin (cases x output bytes),
  MANIFEST.csv (name,cases,input_bytes,output_bytes,ops);
and unsupported_ops.tflite (float EXP/NEG/FLOOR) for the unsupported-operator report.
Run: /work/main/.venv/bin/python Tools/golden/model_zoo.py [NAME ...]
(with names, every model is still built and converted, so Keras' tensor names and the seeds are those of
a full run, but only the named models' files and MANIFEST.csv are written).
"""
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter, OpResolverType
from tensorflow.lite.python import schema_py_generated as schema
from tensorflow.lite.tools import flatbuffer_utils

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "Pipelines" / "common"))
from tflite_int8 import convert_full_int8  # noqa: E402

L = tf.keras.layers
OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "TinyCoreTests" / "Fixtures" / "zoo"


def ds_cnn(rng):
    x = inp = L.Input((49, 10, 1), batch_size=1)
    x = L.Conv2D(16, (10, 4), strides=2, padding="same", activation="relu")(x)
    for act in ("relu", "relu6"):
        x = L.DepthwiseConv2D(3, padding="same")(x)
        x = L.Activation(act)(x) if act == "relu" else L.ReLU(6.0)(x)
        x = L.Conv2D(16, 1, activation="relu")(x)
    x = L.AveragePooling2D((25, 5))(x)
    x = L.Flatten()(x)
    x = L.Dense(12, activation="softmax")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 2, (1, 49, 10, 1))


def cnn_pool(rng):
    x = inp = L.Input((17, 15, 3), batch_size=1)
    x = L.Conv2D(8, 3, padding="valid", activation="relu")(x)
    x = L.MaxPooling2D(2)(x)
    x = L.Conv2D(12, 5, strides=(2, 1), padding="same", activation="relu6")(x)
    x = L.Conv2D(6, 3, dilation_rate=2, padding="same")(x)
    x = L.AveragePooling2D(3, strides=2, padding="same")(x)
    x = L.MaxPooling2D((1, 2), strides=(1, 2), padding="same")(x)
    x = L.Flatten()(x)
    x = L.Dense(10)(x)
    x = L.Softmax()(x)
    return tf.keras.Model(inp, x), lambda: rng.uniform(-1, 3, (1, 17, 15, 3))


def autoencoder(rng):
    x = inp = L.Input((64,), batch_size=1)
    for n in (48, 16, 8, 16, 48):
        x = L.Dense(n, activation="relu")(x)
    x = L.Dense(64)(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(-3, 4, (1, 64))


def residual(rng):
    x = inp = L.Input((12, 12, 4), batch_size=1)
    y = L.DepthwiseConv2D(3, depth_multiplier=2, padding="same", activation="relu")(x)
    y = L.Conv2D(4, 1)(y)
    x = L.Add()([x, y])
    x = L.ReLU()(x)
    z = L.DepthwiseConv2D(5, strides=2, depth_multiplier=3, padding="valid")(x)
    z = L.Conv2D(8, 1, activation="relu")(z)
    x = L.GlobalAveragePooling2D()(z)
    x = L.Dense(5, activation="softmax")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 12, 12, 4))


def conv1d_time(rng):
    x = inp = L.Input((40, 8), batch_size=1)
    x = L.Conv1D(12, 5, strides=2, padding="same", activation="relu")(x)
    x = L.Conv1D(12, 3, dilation_rate=2, padding="causal", activation="relu")(x)
    x = L.Conv1D(6, 1)(x)
    x = L.GlobalAveragePooling1D()(x)
    x = L.Dense(3, activation="sigmoid")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0.5, 1.5, (1, 40, 8))


def mul_concat_pad(rng):
    x = inp = L.Input((8, 8, 4), batch_size=1)
    a = L.Conv2D(4, 3, padding="same")(x)
    b = L.Conv2D(4, 1, activation="sigmoid")(x)
    m = L.Multiply()([a, b])
    c = L.Concatenate()([m, x])
    c = L.ZeroPadding2D(((1, 2), (2, 0)))(c)
    c = L.Conv2D(6, 3, strides=2, activation="relu")(c)
    c = L.Flatten()(c)
    c = L.Dense(4, activation="tanh")(c)
    return tf.keras.Model(inp, c), lambda: rng.normal(0, 1, (1, 8, 8, 4))


def mean_keepdims(rng):
    x = inp = L.Input((6, 5, 7), batch_size=1)
    x = L.Conv2D(9, 2, activation="tanh")(x)
    x = L.Lambda(lambda t: tf.reduce_mean(t, axis=[1, 2], keepdims=True))(x)
    x = L.Conv2D(3, 1)(x)
    x = L.Flatten()(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(1, 2, (1, 6, 5, 7))


# Edge cases through single-op models.
def big_kernel(rng):
    x = inp = L.Input((20, 20, 2), batch_size=1)
    x = L.Conv2D(3, 9, strides=3, padding="same")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 20, 20, 2))


def pointwise(rng):
    x = inp = L.Input((7, 9, 24), batch_size=1)
    x = L.Conv2D(40, 1, activation="relu6")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 3, (1, 7, 9, 24))


def zp_min(rng):
    """All-positive activations: input zero point -128."""
    x = inp = L.Input((32,), batch_size=1)
    x = L.Dense(16)(x)
    return tf.keras.Model(inp, x), lambda: rng.uniform(0, 10, (1, 32))


def zp_max(rng):
    """All-negative activations: input zero point 127."""
    x = inp = L.Input((5, 5, 3), batch_size=1)
    x = L.Conv2D(4, 3, padding="same")(x)
    x = L.Conv2D(2, 1)(x)
    return tf.keras.Model(inp, x), lambda: rng.uniform(-10, 0, (1, 5, 5, 3))


def tiny_multiplier(rng):
    """Per-channel scales spanning ~1e9: some multipliers need shifts <= -31 or flush to zero."""
    x = inp = L.Input((4, 4, 8), batch_size=1)
    conv = L.Conv2D(6, 3, padding="same")
    x = conv(x)
    model = tf.keras.Model(inp, x)
    w, b = conv.get_weights()
    for c, s in enumerate((1.0, 1e-3, 1e-6, 1e-8, 3e-10, 1e-12)):
        w[..., c] *= s
        b[c] *= s
    conv.set_weights([w, b])
    return model, lambda: rng.normal(0, 5, (1, 4, 4, 8))


def logistic_tanh(rng):
    x = inp = L.Input((50,), batch_size=1)
    a = L.Activation("sigmoid")(x)
    b = L.Activation("tanh")(x)
    c = L.Concatenate()([L.Dense(10)(a), L.Dense(10)(b)])
    return tf.keras.Model(inp, c), lambda: rng.normal(0, 3, (1, 50))


def softmax_wide(rng):
    x = inp = L.Input((3, 40), batch_size=1)
    x = L.Dense(40)(x)
    x = L.Softmax(axis=-1)(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 4, (1, 3, 40))


# Single-operator edge cases (one concept each; the name says which).
def op_add_broadcast(rng):
    """ADD of run-time tensors broadcast along different axes: [1,6,1,3] + [1,1,5,3]."""
    x = inp = L.Input((6, 5, 3), batch_size=1)
    a = L.Lambda(lambda t: tf.reduce_mean(t, axis=2, keepdims=True))(x)
    b = L.Lambda(lambda t: tf.reduce_mean(t * t, axis=1, keepdims=True))(x)
    return tf.keras.Model(inp, L.Add()([a, b])), lambda: rng.normal(0, 2, (1, 6, 5, 3))


def op_add_constant_channel(rng):
    """ADD of a [1,4,5,3] tensor and a per-channel constant [3] (broadcast), fused ReLU."""
    x = inp = L.Input((4, 5, 3), batch_size=1)
    x = L.Lambda(lambda t: tf.nn.relu(t + tf.constant([0.5, -1.5, 3.0])))(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 2, (1, 4, 5, 3))


def op_mul_broadcast(rng):
    """MUL of [1,6,5,3] by its per-pixel channel mean [1,6,5,1] (broadcast on channels)."""
    x = inp = L.Input((6, 5, 3), batch_size=1)
    m = L.Lambda(lambda t: tf.reduce_mean(t, axis=3, keepdims=True))(x)
    return tf.keras.Model(inp, L.Multiply()([x, m])), lambda: rng.normal(1, 2, (1, 6, 5, 3))


def op_mean_channels(rng):
    """MEAN over the last axis, keepdims false."""
    x = inp = L.Input((5, 4, 6), batch_size=1)
    return tf.keras.Model(inp, L.Lambda(lambda t: tf.reduce_mean(t, axis=-1))(x)), lambda: rng.normal(0, 3, (1, 5, 4, 6))


def op_mean_height(rng):
    """MEAN over axis 1 only."""
    x = inp = L.Input((7, 4, 3), batch_size=1)
    return tf.keras.Model(inp, L.Lambda(lambda t: tf.reduce_mean(t, axis=1))(x)), lambda: rng.uniform(-4, 1, (1, 7, 4, 3))


def op_mean_all(rng):
    """MEAN over axes 1, 2 and 3 at once."""
    x = inp = L.Input((6, 5, 4), batch_size=1)
    return tf.keras.Model(inp, L.Lambda(lambda t: tf.reduce_mean(t, axis=[1, 2, 3]))(x)), lambda: rng.normal(2, 3, (1, 6, 5, 4))


def op_depthwise_dilated(rng):
    """DEPTHWISE_CONV_2D 3x3, dilation 2, SAME, depth multiplier 2."""
    x = inp = L.Input((9, 8, 4), batch_size=1)
    x = L.DepthwiseConv2D(3, dilation_rate=2, depth_multiplier=2, padding="same")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 9, 8, 4))


def op_depthwise_strided(rng):
    """DEPTHWISE_CONV_2D 5x3, stride 2, VALID, depth multiplier 4, ReLU6."""
    x = inp = L.Input((11, 9, 3), batch_size=1)
    x = L.DepthwiseConv2D((5, 3), strides=2, depth_multiplier=4, padding="valid", activation="relu6")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 11, 9, 3))


def op_depthwise_quads_same(rng):
    """DEPTHWISE_CONV_2D 3x3, stride 2, SAME, 12 channels (the four-channel Cortex-M path)."""
    x = inp = L.Input((8, 7, 12), batch_size=1)
    x = L.DepthwiseConv2D(3, strides=2, padding="same", activation="relu")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 8, 7, 12))


def op_conv_strided_1x1(rng):
    """CONV_2D 1x1 with stride 2 (not the pointwise path), odd channel counts."""
    x = inp = L.Input((9, 7, 5), batch_size=1)
    return tf.keras.Model(inp, L.Conv2D(7, 1, strides=2)(x)), lambda: rng.normal(0, 1, (1, 9, 7, 5))


def op_conv_dilated_valid(rng):
    """CONV_2D 3x2 kernel, dilation (2, 3), VALID."""
    x = inp = L.Input((12, 11, 3), batch_size=1)
    x = L.Conv2D(5, (3, 2), dilation_rate=(2, 3), padding="valid", activation="relu")(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 12, 11, 3))


def op_max_pool_same(rng):
    """MAX_POOL_2D 3x3, stride 2, SAME (clipped windows at the edges)."""
    x = inp = L.Input((7, 6, 3), batch_size=1)
    return tf.keras.Model(inp, L.MaxPooling2D(3, strides=2, padding="same")(x)), lambda: rng.normal(0, 2, (1, 7, 6, 3))


def op_average_pool_same(rng):
    """AVERAGE_POOL_2D 3x2, stride (1, 2), SAME (the divisor counts in-image taps only)."""
    x = inp = L.Input((5, 7, 4), batch_size=1)
    return tf.keras.Model(inp, L.AveragePooling2D((3, 2), strides=(1, 2), padding="same")(x)), \
        lambda: rng.normal(0, 2, (1, 5, 7, 4))


def op_dynamic_batch_flatten(rng):
    """Flatten with a dynamic batch: SHAPE, STRIDED_SLICE, PACK feed RESHAPE (resolved at load)."""
    x = inp = L.Input((6, 5, 2))
    x = L.Conv2D(3, 3, padding="same")(x)
    x = L.Flatten()(x)
    return tf.keras.Model(inp, L.Dense(4)(x)), lambda: rng.normal(0, 1, (1, 6, 5, 2))


def op_expand_squeeze(rng):
    """EXPAND_DIMS then SQUEEZE around a 1x1 convolution, dynamic batch."""
    x = inp = L.Input((10, 4))
    x = L.Lambda(lambda t: tf.expand_dims(t, axis=2))(x)
    x = L.Conv2D(6, 1)(x)
    x = L.Lambda(lambda t: tf.squeeze(t, axis=2))(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 1, (1, 10, 4))


def op_pad_constant(rng):
    """PADV2: pad with a non-zero constant value."""
    x = inp = L.Input((4, 3, 2), batch_size=1)
    x = L.Lambda(lambda t: tf.pad(t, [[0, 0], [1, 2], [0, 1], [0, 0]], constant_values=1.5))(x)
    return tf.keras.Model(inp, x), lambda: rng.normal(0, 2, (1, 4, 3, 2))


def op_concat_requantize(rng):
    """CONCATENATION of LOGISTIC (output scale 1/256) and TANH (1/128) outputs, which cannot share a
    scale: the converter requantizes one with QUANTIZE int8 -> int8."""
    x = inp = L.Input((16,), batch_size=1)
    a = L.Activation("sigmoid")(x)
    b = L.Activation("tanh")(x)
    return tf.keras.Model(inp, L.Concatenate()([a, b])), lambda: rng.normal(0, 3, (1, 16))


def op_output_zp_max(rng):
    """All-negative outputs: output zero point 127."""
    x = inp = L.Input((12,), batch_size=1)
    x = L.Dense(8, activation="relu")(x)
    last = L.Dense(5)
    x = last(x)
    model = tf.keras.Model(inp, x)
    w, b = last.get_weights()
    last.set_weights([-np.abs(w), -np.abs(b) - 1.0])
    return model, lambda: rng.normal(0, 2, (1, 12))


def op_squeeze_dims(rng):
    """SQUEEZE with squeeze_dims [2] between a (3, 1) convolution and SOFTMAX: [1,6,1,5] -> [1,6,5]."""
    x = inp = L.Input((6, 1, 4), batch_size=1)
    x = L.Conv2D(5, (3, 1), padding="same", activation="relu")(x)
    x = L.Lambda(lambda t: tf.squeeze(t, axis=2))(x)
    return tf.keras.Model(inp, L.Softmax()(x)), lambda: rng.normal(0, 1, (1, 6, 1, 4))


def op_squeeze_all(rng):
    """SQUEEZE without squeeze_dims (every size-1 axis, batch included): [1,7,1,6] -> [7,6]."""
    x = inp = L.Input((7, 1, 4), batch_size=1)
    x = L.Conv2D(6, 1)(x)
    return tf.keras.Model(inp, L.Lambda(lambda t: tf.squeeze(t))(x)), lambda: rng.normal(0, 1, (1, 7, 1, 4))


def squeeze_to_operator(flat, squeeze_dims):
    """Rewrites the model's one RESHAPE into SQUEEZE with SqueezeOptions(squeeze_dims) (None: no
    squeeze_dims, i.e. every size-1 axis) and drops the RESHAPE's now unused shape tensor. The squeezed
    input shape must equal the RESHAPE's output shape, so the graph computes the same function."""
    model = flatbuffer_utils.read_model_from_bytearray(flat)
    graph = model.subgraphs[0]
    reshapes = [op for op in graph.operators
                if model.operatorCodes[op.opcodeIndex].builtinCode == schema.BuiltinOperator.RESHAPE]
    assert len(reshapes) == 1, "expected exactly one RESHAPE"
    op = reshapes[0]
    code = model.operatorCodes[op.opcodeIndex]
    code.builtinCode = code.deprecatedBuiltinCode = schema.BuiltinOperator.SQUEEZE
    code.version = 1
    shape = list(graph.tensors[op.inputs[0]].shape)
    axes = [a % len(shape) for a in squeeze_dims] if squeeze_dims else [a for a, d in enumerate(shape) if d == 1]
    assert all(shape[a] == 1 for a in axes)
    assert [d for a, d in enumerate(shape) if a not in axes] == list(graph.tensors[op.outputs[0]].shape)
    dropped = int(op.inputs[1])
    op.inputs = op.inputs[:1]
    op.builtinOptionsType = schema.BuiltinOptions.SqueezeOptions
    op.builtinOptions = schema.SqueezeOptionsT()
    op.builtinOptions.squeezeDims = squeeze_dims
    assert all(dropped not in list(o.inputs) for o in graph.operators)
    del graph.tensors[dropped]
    for o in graph.operators:
        o.inputs = [t - (t > dropped) for t in o.inputs]
        o.outputs = [t - (t > dropped) for t in o.outputs]
    graph.inputs = [t - (t > dropped) for t in graph.inputs]
    graph.outputs = [t - (t > dropped) for t in graph.outputs]
    return bytes(flatbuffer_utils.convert_object_to_bytearray(model))


MODELS = [ds_cnn, cnn_pool, autoencoder, residual, conv1d_time, mul_concat_pad, mean_keepdims,
          big_kernel, pointwise, zp_min, zp_max, tiny_multiplier, logistic_tanh, softmax_wide,
          op_add_broadcast, op_add_constant_channel, op_mul_broadcast, op_mean_channels, op_mean_height,
          op_mean_all, op_depthwise_dilated, op_depthwise_strided, op_depthwise_quads_same,
          op_conv_strided_1x1, op_conv_dilated_valid, op_max_pool_same, op_average_pool_same,
          op_dynamic_batch_flatten, op_expand_squeeze, op_pad_constant, op_concat_requantize, op_output_zp_max]


def float_io(rng):
    """Float input and output: QUANTIZE (float32 -> int8) and DEQUANTIZE (int8 -> float32) ops."""
    x = inp = L.Input((10,), batch_size=1)
    x = L.Dense(6, activation="relu")(x)
    return tf.keras.Model(inp, L.Dense(3)(x)), lambda: rng.normal(0, 2, (1, 10))


# Models whose input and output stay float32 (cases are float32 bytes).
FLOAT_IO_MODELS = [float_io]

# Models whose converted RESHAPE becomes SQUEEZE with these squeeze_dims (after the others, so that
# every earlier model keeps its seed index).
SQUEEZE_MODELS = {op_squeeze_dims: [2], op_squeeze_all: None}


def convert(model, sample, float_io=False):
    def representative():
        for _ in range(64):
            yield [sample().astype(np.float32)]
    return convert_full_int8(model, representative, int8_io=not float_io)


def unsupported_ops():
    """A float model whose EXP, NEG and FLOOR the core does not implement (for the error listing)."""
    x = inp = L.Input((4,), batch_size=1)
    x = L.Lambda(lambda t: tf.floor(-tf.exp(t)))(x)
    return tf.lite.TFLiteConverter.from_keras_model(tf.keras.Model(inp, x)).convert()


def main(names):
    zoo = MODELS + FLOAT_IO_MODELS + list(SQUEEZE_MODELS)
    unknown = set(names) - {make.__name__ for make in zoo}
    if unknown:
        sys.exit(f"model_zoo.py: error: unknown model(s): {' '.join(sorted(unknown))}")
    OUT.mkdir(parents=True, exist_ok=True)
    unsupported = unsupported_ops()
    if not names:
        (OUT / "unsupported_ops.tflite").write_bytes(unsupported)
    manifest = ["name,cases,input_bytes,output_bytes,ops"]
    for index, make in enumerate(zoo):
        name = make.__name__
        float_io = make in FLOAT_IO_MODELS
        tf.keras.utils.set_random_seed(1000 + index)
        rng = np.random.default_rng(2000 + index)
        model, sample = make(rng)
        flat = convert(model, sample, float_io)
        if make in SQUEEZE_MODELS:
            flat = squeeze_to_operator(flat, SQUEEZE_MODELS[make])
        it = Interpreter(model_content=flat, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
        it.allocate_tensors()
        i, o = it.get_input_details()[0], it.get_output_details()[0]
        if float_io:
            cases = [np.full(i["shape"], v, np.float32) for v in (-1e6, 0.0, 1e6)]
            cases += [sample().astype(np.float32) for _ in range(4)]
        else:
            scale, zp = i["quantization"]
            cases = [np.full(i["shape"], -128, np.int8), np.full(i["shape"], 127, np.int8)]
            cases += [rng.integers(-128, 128, i["shape"]).astype(np.int8) for _ in range(2)]
            for _ in range(3):
                real = sample()
                cases.append(np.clip(np.round(real / scale) + zp, -128, 127).astype(np.int8))
        ins, outs = [], []
        for c in cases:
            it.set_tensor(i["index"], c)
            it.invoke()
            ins.append(c.tobytes())
            outs.append(it.get_tensor(o["index"]).tobytes())
        ops = sorted({d["op_name"] for d in it._get_ops_details()})
        manifest.append(f"{name},{len(cases)},{len(ins[0])},{len(outs[0])},{' '.join(ops)}")
        if names and name not in names:
            continue
        (OUT / f"{name}.tflite").write_bytes(flat)
        (OUT / f"{name}.in.bin").write_bytes(b"".join(ins))
        (OUT / f"{name}.out.bin").write_bytes(b"".join(outs))
        print(name, len(flat), "bytes", ops)
    (OUT / "MANIFEST.csv").write_text("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
