"""Test vectors for the pipeline models the firmware check runs (Embedded/models.txt).

For each model: a few int8 inputs made from real features, and LiteRT BUILTIN_REF's int8 outputs for
them, written raw (cases concatenated) to Embedded/Vectors/<stem>.in.bin and <stem>.out.bin, which
Embedded/check.sh compares with the firmware on every core (and with the host's `tinyml run`).

Inputs:
- kws_dscnn_int8, kws_ref_model (Pipelines/kws, Pipelines/kws/mlperf): the MLPerf Tiny KWS test
  input (`shared/reference-models/kws/kws_test_input_int8.csv`, the MFCC of a Speech Commands clip);
- motor_ae_int8 (Pipelines/anomaly): the first 4 CWRU validation feature rows of
  Tests/MotorAnomalyTests/Fixtures/motor_ae_val_features.f32, quantised with the model's input
  scale and zero point (round half away from zero, as TFLite QUANTIZE);
- gesture model (Pipelines/gesture): the first 4 magic-wand windows of
  Tests/GestureRecognitionTests/Fixtures/litert_in.npy;
- spells model (Pipelines/gesture/spells): the first 4 windows `tinyml features` makes from the
  extra_spells validation split (the project's own front end, as training reads it).
The wildlife CNN and the AD autoencoder use their pipelines' committed golden fixtures directly.

Run (needs ../shared and a built tinyml: `swift build --product tinyml`):
  /work/main/.venv/bin/python Tools/golden/embedded_vectors.py
"""
import pathlib
import subprocess
import tempfile

import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "Embedded" / "Vectors"


def litert_outputs(model_path, inputs):
    interp = Interpreter(model_content=model_path.read_bytes(),
                         experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    interp.allocate_tensors()
    i, o = interp.get_input_details()[0], interp.get_output_details()[0]
    outputs = []
    for case in inputs:
        interp.set_tensor(i["index"], case.reshape(i["shape"]).astype(i["dtype"]))
        interp.invoke()
        outputs.append(interp.get_tensor(o["index"]).reshape(-1).copy())
    return np.stack(outputs)


def input_quantization(model_path):
    interp = Interpreter(model_content=model_path.read_bytes(),
                         experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    return interp.get_input_details()[0]["quantization"]


def write(stem, model_path, inputs):
    inputs = np.stack([np.asarray(x, dtype=np.int8).reshape(-1) for x in inputs])
    outputs = litert_outputs(model_path, inputs)
    OUT.mkdir(parents=True, exist_ok=True)
    inputs.tofile(OUT / f"{stem}.in.bin")
    outputs.astype(np.int8).tofile(OUT / f"{stem}.out.bin")
    print(f"{stem}: {len(inputs)} cases of {inputs.shape[1]} int8 -> {outputs.shape[1]} int8 ({model_path.relative_to(ROOT)})")


def main():
    mfcc = np.array([int(v) for v in (SHARED / "reference-models/kws/kws_test_input_int8.csv").read_text().split(",")],
                    dtype=np.int8)
    write("kws_dscnn_int8", ROOT / "Pipelines/kws/kws_dscnn_int8.tflite", [mfcc])
    write("kws_ref_model", ROOT / "Pipelines/kws/mlperf/kws_ref_model.tflite", [mfcc])

    motor = ROOT / "Pipelines/anomaly/motor_ae_int8.tflite"
    scale, zero = input_quantization(motor)
    rows = np.fromfile(ROOT / "Tests/MotorAnomalyTests/Fixtures/motor_ae_val_features.f32", dtype="<f4").reshape(-1, 42)[:4]
    r = (rows / np.float32(scale)).astype(np.float32)
    write("motor_ae_int8", motor, np.clip(np.sign(r) * np.floor(np.abs(r) + 0.5) + zero, -128, 127))

    gesture = np.load(ROOT / "Tests/GestureRecognitionTests/Fixtures/litert_in.npy")[:4]
    write("gesture_model", ROOT / "Pipelines/gesture/model.tflite", gesture)

    tinyml = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True,
                            text=True).stdout.strip() + "/tinyml"
    with tempfile.TemporaryDirectory() as tmp:
        npz = pathlib.Path(tmp) / "spells.npz"
        subprocess.run([tinyml, "features", str(ROOT / "Pipelines/gesture/spells/pipeline.json"),
                        "--manifest", str(SHARED / "datasets/gesture/extra_spells/MANIFEST.csv"), "--split", "val",
                        "--out", str(npz)], check=True, capture_output=True)
        spells = np.load(npz)["x"][:4]
    write("spells_model", ROOT / "Pipelines/gesture/spells/model.tflite", spells)


if __name__ == "__main__":
    main()
