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
and, from the zoo's `op_squeeze_dims.tflite` (CONV_2D, SQUEEZE [1,6,1,5] -> [1,6,5], SOFTMAX), two
SQUEEZE operators LiteRT refuses at AllocateTensors (checked here with BUILTIN_REF):
  squeeze_dims_not_one.tflite   squeeze_dims [1] names an axis of size 6
  squeeze_dims_range.tflite     squeeze_dims [-5] lies outside [-rank, rank)
Run: /work/main/.venv/bin/python Tools/golden/invalid_models.py
"""
import copy
import os
import pathlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers
import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType
from tensorflow.lite.python import schema_py_generated as schema

ROOT = pathlib.Path(__file__).resolve().parents[2]
ZOO = ROOT / "Tests" / "TinyCoreTests" / "Fixtures" / "zoo"
SOURCE = ZOO / "zp_max.tflite"
SQUEEZE_SOURCE = ZOO / "op_squeeze_dims.tflite"
OUT = ROOT / "Tests" / "TinyCoreTests" / "Fixtures" / "invalid"


def pack(model):
    builder = flatbuffers.Builder(1024)
    builder.Finish(model.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def unpack(path):
    return schema.ModelT.InitFromObj(schema.Model.GetRootAsModel(path.read_bytes(), 0))


def refused_by_litert(flat):
    try:
        Interpreter(model_content=flat, experimental_op_resolver_type=OpResolverType.BUILTIN_REF).allocate_tensors()
    except (RuntimeError, ValueError):
        return True
    return False


def main():
    base = unpack(SOURCE)
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

    squeeze_cases = {}
    for name, dims in (("squeeze_dims_not_one", [1]), ("squeeze_dims_range", [-5])):
        m = unpack(SQUEEZE_SOURCE)
        squeeze = graph(m).operators[1]
        assert m.operatorCodes[squeeze.opcodeIndex].builtinCode == schema.BuiltinOperator.SQUEEZE
        squeeze.builtinOptions.squeezeDims = dims
        squeeze_cases[name] = m
    for name, model in squeeze_cases.items():
        assert refused_by_litert(pack(model)), name
    cases.update(squeeze_cases)

    OUT.mkdir(parents=True, exist_ok=True)
    for name, model in cases.items():
        (OUT / f"{name}.tflite").write_bytes(pack(model))
        print(name)


if __name__ == "__main__":
    main()
