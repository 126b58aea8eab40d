"""Full-integer int8 post-training quantisation of a Keras model: the one TFLite conversion that
every training script (Pipelines/*/train/) and the golden model zoo (Tools/golden/model_zoo.py) use.

`convert_full_int8(model, representative)`: `tf.lite.TFLiteConverter.from_keras_model(model)` with
`Optimize.DEFAULT`, `representative` as the calibration data set (a callable returning an iterable of
input lists, one float32 batch-1 array per model input), only `TFLITE_BUILTINS_INT8` operators, and
int8 input and output tensors (`int8_io=False` keeps float32 input and output, so the converter adds
QUANTIZE / DEQUANTIZE). Returns the .tflite flatbuffer bytes.

Import it from a script with the folder on the path (the folder holds no package):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "common"))
    from tflite_int8 import convert_full_int8
TensorFlow is imported on the first call, so a script's `--help` stays fast and its own
TF_CPP_MIN_LOG_LEVEL setting (made before TensorFlow loads) still applies.
"""


def convert_full_int8(model, representative, int8_io=True):
    import tensorflow as tf

    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.optimizations = [tf.lite.Optimize.DEFAULT]
    converter.representative_dataset = representative
    converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    if int8_io:
        converter.inference_input_type = tf.int8
        converter.inference_output_type = tf.int8
    return converter.convert()
