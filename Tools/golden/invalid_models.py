"""Invalid .tflite files for the reader's validation tests (Tests/TinyCoreTests/LoaderTests.swift).

Each starts from the golden zoo's `zp_max.tflite` (two CONV_2D), is unpacked with TensorFlow's
generated FlatBuffer object API (`schema_py_generated.ModelT`), broken in exactly one way, and
packed again with the `flatbuffers` builder, so the file is well-formed FlatBuffer data whose
*content* the reader must refuse:
  constant_output.tflite     an operator output tensor carries constant data
  buffer_size.tflite         a weight buffer one byte short of its shape
  tensor_index.tflite        an operator input refers to a tensor that does not exist
  opcode_index.tflite        an operator refers to an operator code that does not exist
  huge_shape.tflite          a tensor of 2^40 elements
  graph_output_index.tflite  a subgraph output index out of range
Run: /work/main/.venv/bin/python Tools/golden/invalid_models.py
"""
import copy
import os
import pathlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers
import numpy as np
from tensorflow.lite.python import schema_py_generated as schema

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "Tests" / "TinyCoreTests" / "Fixtures" / "zoo" / "zp_max.tflite"
OUT = ROOT / "Tests" / "TinyCoreTests" / "Fixtures" / "invalid"


def pack(model):
    builder = flatbuffers.Builder(1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def main():
    base = schema.ModelT.InitFromObj(schema.Model.GetRootAsModel(SOURCE.read_bytes(), 0))
    graph = lambda m: m.subgraphs[0]
    conv = lambda m: graph(m).operators[0]
    cases = {}

    m = copy.deepcopy(base)
    out = graph(m).tensors[conv(m).outputs[0]]
    b = schema.BufferT()
    b.data = np.zeros(int(np.prod(out.shape)), np.uint8)
    m.buffers.append(b)
    out.buffer = len(m.buffers) - 1
    cases["constant_output"] = m

    m = copy.deepcopy(base)
    weights = m.buffers[graph(m).tensors[conv(m).inputs[1]].buffer]
    weights.data = weights.data[:-1]
    cases["buffer_size"] = m

    m = copy.deepcopy(base)
    conv(m).inputs[0] = len(graph(m).tensors) + 5
    cases["tensor_index"] = m

    m = copy.deepcopy(base)
    conv(m).opcodeIndex = len(m.operatorCodes) + 3
    cases["opcode_index"] = m

    m = copy.deepcopy(base)
    graph(m).tensors[conv(m).outputs[0]].shape = np.array([1, 1 << 20, 1 << 20, 1], np.int32)
    cases["huge_shape"] = m

    m = copy.deepcopy(base)
    graph(m).outputs[0] = 10_000
    cases["graph_output_index"] = m

    OUT.mkdir(parents=True, exist_ok=True)
    for name, model in cases.items():
        (OUT / f"{name}.tflite").write_bytes(pack(model))
        print(name)


if __name__ == "__main__":
    main()
