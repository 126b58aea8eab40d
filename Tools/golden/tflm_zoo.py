"""Second bit-exact peer for the golden zoo: TFLM's own interpreter (PyPI `tflite-micro`).

Runs every model listed in Tests/TinyCoreTests/Fixtures/zoo/MANIFEST.csv through
`tflite_micro.python.tflite_micro.runtime.Interpreter` (TFLM's reference kernels, the ones a
microcontroller build without CMSIS-NN uses) on the same recorded inputs as the LiteRT golden
vectors (<name>.in.bin) and writes TFLM's outputs to <name>.tflm.out.bin (cases x output bytes).
ModelZooTests compares the Swift core with both files, so a disagreement between the two peers
shows up as a failing test on one of them rather than silently picking one.

It also prints, per model, whether TFLM's outputs equal LiteRT BUILTIN_REF's byte for byte.
Needs only numpy and tflite-micro (no TensorFlow):
  python3 -m venv /tmp/tflm && /tmp/tflm/bin/pip install tflite-micro numpy
  /tmp/tflm/bin/python Tools/golden/tflm_zoo.py
"""
import pathlib
import sys

import numpy as np
from tflite_micro.python.tflite_micro import runtime

ZOO = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "TinyCoreTests" / "Fixtures" / "zoo"


def manifest():
    lines = (ZOO / "MANIFEST.csv").read_text().splitlines()[1:]
    for line in lines:
        name, cases, inp, out, _ops = line.split(",", 4)
        yield name, int(cases), int(inp), int(out)


def run_tflm(model_path, inputs, cases, in_bytes, out_bytes):
    interpreter = runtime.Interpreter.from_file(str(model_path))
    detail_in = interpreter.get_input_details(0)
    detail_out = interpreter.get_output_details(0)
    outputs = bytearray()
    for c in range(cases):
        raw = inputs[c * in_bytes:(c + 1) * in_bytes]
        x = np.frombuffer(raw, dtype=detail_in["dtype"]).reshape(detail_in["shape"])
        interpreter.reset()
        interpreter.set_input(x, 0)
        interpreter.invoke()
        y = np.ascontiguousarray(interpreter.get_output(0), dtype=detail_out["dtype"])
        if y.nbytes != out_bytes:
            raise SystemExit(f"{model_path.name}: TFLM output is {y.nbytes} bytes, MANIFEST says {out_bytes}")
        outputs += y.tobytes()
    return bytes(outputs)


def main():
    differing = []
    for name, cases, in_bytes, out_bytes in manifest():
        inputs = (ZOO / f"{name}.in.bin").read_bytes()
        got = run_tflm(ZOO / f"{name}.tflite", inputs, cases, in_bytes, out_bytes)
        (ZOO / f"{name}.tflm.out.bin").write_bytes(got)
        litert = (ZOO / f"{name}.out.bin").read_bytes()
        same = got == litert
        if not same:
            differing.append(name)
        n = sum(a != b for a, b in zip(got, litert))
        print(f"{name:28s} {'== LiteRT' if same else f'{n} bytes differ from LiteRT'}")
    print(f"{len(differing)} model(s) where TFLM and LiteRT BUILTIN_REF disagree: {' '.join(differing) or 'none'}")


if __name__ == "__main__":
    sys.exit(main())
