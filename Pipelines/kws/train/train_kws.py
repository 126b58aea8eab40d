"""Train the project's KWS model: the MLPerf Tiny DS-CNN architecture, initialised from the MLPerf
int8 reference weights (dequantised), fine-tuned on the dataset's `train` split with augmentation
and distillation from the reference model, selected on `val`, exported as a full-integer int8
.tflite whose input quantisation is the pipeline's feature quantisation.

Features come from `tinyml features` (the Swift front end of Pipelines/kws/pipeline.json), never
from Python, so training and device features cannot drift.

  swift build -c release --product tinyml
  .venv/bin/python Pipelines/kws/train/train_kws.py --data ../shared/datasets/kws \
      --tinyml .build/release/tinyml --out Pipelines/kws/kws_dscnn_int8.tflite

Steps: (1) write `--copies` augmented copies of every `train` clip (augment.py) as WAV in a scratch
directory; (2) `tinyml features` over them and over `val`; (3) soft targets from the reference
model (float, dequantised weights) at temperature T; (4) fine-tune from the reference weights with
loss α·CE(labels) + (1−α)·T²·CE(teacher_T, student_T), Adam with cosine decay; keep the epoch with
the best `val` accuracy (ties: the earlier); (5) convert to int8 (per-channel weights, int8 in/out)
with a representative set of training features, check the input quantisation and the `val`
accuracy of the int8 model under LiteRT's reference kernels. The `test` split is never read here.
"""
import argparse
import csv
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "common"))
import augment  # noqa: E402
import dscnn  # noqa: E402
from tflite_int8 import convert_full_int8  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
PIPELINE = HERE.parent / "pipeline.json"


def run_features(tinyml, spec_path, manifest, split, labels, out):
    """`tinyml features SPEC --manifest M --split S --labels L --out OUT` → (x int8, y)."""
    subprocess.run([tinyml, "features", spec_path, "--manifest", manifest, "--split", split,
                    "--labels", ",".join(labels), "--out", out], check=True, stderr=subprocess.DEVNULL)
    z = np.load(out)
    if list(z["labels"]) != labels:
        raise SystemExit(f"tinyml features wrote labels {list(z['labels'])}, expected {labels}")
    return z["x"], z["y"]


def to_real(q, scale, zero_point):
    """Int8 features → the float values the model's input tensor represents, NHWC."""
    return ((q.astype(np.float32) - zero_point) * scale)[..., None]


def int8_accuracy(model_bytes, x, y):
    """Top-1 accuracy of an int8 .tflite on int8 features under LiteRT BUILTIN_REF."""
    from ai_edge_litert.interpreter import Interpreter, OpResolverType

    it = Interpreter(model_content=model_bytes, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    i, o = it.get_input_details()[0], it.get_output_details()[0]
    correct = 0
    for xi, yi in zip(x, y):
        it.set_tensor(i["index"], xi.reshape(i["shape"]))
        it.invoke()
        correct += int(np.argmax(it.get_tensor(o["index"])[0]) == yi)
    return correct, i["quantization"]


def convert_int8(model, calibration, scale, zero_point):
    """Full-integer int8 conversion. The input range is pinned to the feature quantisation by one
    calibration sample whose first two values sit at the int8 extremes (a real feature map
    otherwise), so the converter derives exactly `scale` and `zero_point` for the input."""
    export = dscnn.build(batch_size=1)
    export.set_weights(model.get_weights())
    full = keras.Model(export.input, keras.layers.Softmax()(export.output))

    def representative():
        pinned = calibration[:1].copy()
        pinned[0, 0, 0, 0] = (-128 - zero_point) * scale
        pinned[0, 0, 1, 0] = (127 - zero_point) * scale
        yield [pinned]
        for x in calibration:
            yield [x[None]]

    return convert_full_int8(full, representative)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True, help="the KWS dataset directory (MANIFEST.csv)")
    p.add_argument("--tinyml", required=True, help="the tinyml executable (release build)")
    p.add_argument("--reference", default=str(HERE.parent / "mlperf/kws_ref_model.tflite"),
                   help="the MLPerf int8 reference model (default: the copy in Pipelines/kws/mlperf)")
    p.add_argument("--out", required=True, help="output .tflite")
    p.add_argument("--copies", type=int, default=8, help="augmented copies per train clip")
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--alpha", type=float, default=0.5, help="weight of the label loss (1 − weight of distillation)")
    p.add_argument("--temperature", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", default=None, help="scratch directory (default: a temporary one, removed)")
    a = p.parse_args()

    t0 = time.time()
    np.random.seed(a.seed)
    tf.random.set_seed(a.seed)
    keras.utils.set_random_seed(a.seed)
    tf.config.threading.set_inter_op_parallelism_threads(2)
    tf.config.threading.set_intra_op_parallelism_threads(2)
    data = pathlib.Path(a.data).resolve()
    reference = pathlib.Path(a.reference)
    pipeline = json.load(open(PIPELINE))
    labels = pipeline["labels"]
    quant = pipeline["features"]["quantization"]
    scale, zero_point = quant["scale"], quant["zeroPoint"]
    rows = list(csv.DictReader(open(data / "MANIFEST.csv")))
    work = pathlib.Path(a.work) if a.work else pathlib.Path(tempfile.mkdtemp(prefix="kws-train-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        spec_path = work / "features.json"
        json.dump(pipeline["features"], open(spec_path, "w"))
        pool = augment.noise_pool(data, rows, HERE / "eval_silence_spans.csv")
        train_rows = [r for r in rows if r["split"] == "train"]
        manifest = augment.write_copies(data, train_rows, pool, work / "audio", a.copies, a.seed)
        with open(work / "MANIFEST.csv", "w", newline="") as f:
            w = csv.DictWriter(f, ["file", "label", "split"], lineterminator="\n")
            w.writeheader()
            w.writerows(manifest)
        print(f"augmented: {len(manifest)} train clips ({a.copies} copies each, {len(pool)} noise pieces) "
              f"in {time.time() - t0:.0f} s", flush=True)
        xq, y = run_features(a.tinyml, str(spec_path), str(work / "MANIFEST.csv"), "train", labels, str(work / "train.npz"))
        vq, vy = run_features(a.tinyml, str(spec_path), str(data / "MANIFEST.csv"), "val", labels, str(work / "val.npz"))
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    print(f"features: train {xq.shape}, val {vq.shape} ({time.time() - t0:.0f} s)", flush=True)

    x, v = to_real(xq, scale, zero_point), to_real(vq, scale, zero_point)
    teacher = dscnn.load_weights(dscnn.build(), reference)
    soft = tf.nn.softmax(teacher.predict(x, batch_size=512, verbose=0) / a.temperature).numpy()
    teacher_val = int((teacher.predict(v, batch_size=512, verbose=0).argmax(1) == vy).sum())
    targets = np.concatenate([keras.utils.to_categorical(y, len(labels)), soft], axis=1)
    n = len(labels)

    def loss(t, logits):
        hard = keras.losses.categorical_crossentropy(t[:, :n], logits, from_logits=True)
        distil = keras.losses.categorical_crossentropy(t[:, n:], logits / a.temperature, from_logits=True)
        return a.alpha * hard + (1 - a.alpha) * a.temperature ** 2 * distil

    student = dscnn.load_weights(dscnn.build(), reference)
    steps = a.epochs * int(np.ceil(len(x) / a.batch))
    student.compile(keras.optimizers.Adam(keras.optimizers.schedules.CosineDecay(a.lr, steps)), loss)
    best_acc, best_epoch, best_weights = -1, -1, None
    for epoch in range(a.epochs):
        student.fit(x, targets, batch_size=a.batch, epochs=1, shuffle=True, verbose=0)
        acc = int((student.predict(v, batch_size=512, verbose=0).argmax(1) == vy).sum())
        if acc > best_acc:
            best_acc, best_epoch, best_weights = acc, epoch, student.get_weights()
        print(f"epoch {epoch + 1}/{a.epochs}: val {acc}/{len(vy)} (reference model {teacher_val}) "
              f"[{time.time() - t0:.0f} s]", flush=True)
    student.set_weights(best_weights)
    print(f"selected epoch {best_epoch + 1}: float val {best_acc}/{len(vy)}")

    calibration = x[np.random.default_rng(a.seed).choice(len(x), 2000, replace=False)]
    model_bytes = convert_int8(student, calibration, scale, zero_point)
    correct, (in_scale, in_zero) = int8_accuracy(model_bytes, vq, vy)
    if abs(in_scale - scale) > 1e-7 * scale or in_zero != zero_point:
        raise SystemExit(f"converter chose input quantisation {in_scale}/{in_zero}, pipeline needs {scale}/{zero_point}")
    pathlib.Path(a.out).write_bytes(model_bytes)
    print(f"wrote {a.out} ({len(model_bytes)} bytes): int8 val {correct}/{len(vy)} = {100 * correct / len(vy):.2f} % "
          f"(LiteRT BUILTIN_REF); {time.time() - t0:.0f} s in all")


if __name__ == "__main__":
    main()
