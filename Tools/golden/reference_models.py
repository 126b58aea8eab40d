"""Golden vectors for the MLPerf Tiny AD reference model under LiteRT's BUILTIN_REF kernels.

The shipped `ad_test_expected_output.csv` was computed with LiteRT's optimized kernels (its values
match BUILTIN_WITHOUT_DEFAULT_DELEGATES exactly), which may differ from the reference kernels by
1 LSB. This script records, per 5-frame window, the reconstruction MSE under BUILTIN_REF and the
int8 inputs and outputs of the first windows (the firmware check, Embedded/models.txt, runs
them on every core), with inputs quantized as TFLite QUANTIZE does (round half away
from zero). Run: /work/main/.venv/bin/python Tools/golden/reference_models.py
"""
import pathlib
import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType

ROOT = pathlib.Path(__file__).resolve().parents[2]
REF = ROOT.parent / "shared" / "reference-models" / "anomaly"
OUT = ROOT / "Tests" / "TinyCoreTests" / "Fixtures"


def main():
    model = (REF / "ad01_int8.tflite").read_bytes()
    x = np.fromfile(REF / "normal_id_01_00000000_hist_librosa.bin", dtype="<f4").reshape(200, 128)
    it = Interpreter(model_content=model, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    i, o = it.get_input_details()[0], it.get_output_details()[0]
    s, z = i["quantization"]
    os_, oz = o["quantization"]
    rows, first, first_inputs = [], [], []
    for w in range(196):
        win = x[w:w + 5].reshape(1, 640)
        r = (win / np.float32(s)).astype(np.float32)
        q = np.clip(np.sign(r) * np.floor(np.abs(r) + 0.5) + z, -128, 127).astype(np.int8)
        it.set_tensor(i["index"], q)
        it.invoke()
        y = it.get_tensor(o["index"])
        if w < 4:
            first.append(y.reshape(-1))
            first_inputs.append(q.reshape(-1))
        out = (y.astype(np.float64) - oz) * np.float64(np.float32(os_))
        rows.append(np.mean((win.astype(np.float64) - out) ** 2))
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "ad_builtin_ref_mse.csv", "w") as f:
        f.write("window_index,reconstruction_mse\n")
        for k, v in enumerate(rows):
            f.write(f"{k},{v:.9f}\n")
    np.array(first, dtype=np.int8).tofile(OUT / "ad_builtin_ref_first4_int8.bin")
    np.array(first_inputs, dtype=np.int8).tofile(OUT / "ad_builtin_ref_first4_input_int8.bin")
    print("mean MSE (BUILTIN_REF):", np.mean(rows))


if __name__ == "__main__":
    main()
