"""Train the motor-anomaly int8 autoencoder (the pipeline's alternative scorer) on CWRU normal data.

Features come from `tinyml features` with the feature spec embedded in Pipelines/anomaly/pipeline.json,
so training and the device compute the same numbers. Only CWRU rows are used (the IMS normal data is
another machine; SOURCE.md). The held-out split is never read.

1. `tinyml features` -> every window (hop 512) of the CWRU `train` normal recording (70 windows of
   42 features), of the `val` normal recording and of the `test` fault recordings.
2. Model: Dense 42 -> 24 -> 8 -> 24 -> 42 (ReLU inside, linear output), MSE loss, Adam, full-int8
   post-training quantisation (int8 input and output; representative data: the train windows).
3. Threshold, calibrated out of sample: 5 contiguous folds of the train windows; for each, a model
   trained on the other four (same recipe, converted to int8) scores the held-out fold with LiteRT
   BUILTIN_REF. threshold = mean + k * std (ddof 1) of these 70 out-of-fold scores, k =
   pipeline.json learning.k -- the same rule as on-device learning. The final model is trained on all 70.
4. Score = mean over the 42 features of (x - dequant(model(quant(x))))^2, x the float features, as
   MotorAnomaly.AutoencoderScorer computes it (quant: round half away from zero, as TFLite QUANTIZE).

Writes Pipelines/anomaly/motor_ae_int8.tflite, the "autoencoder" line of pipeline.json, and the golden
fixture Tests/MotorAnomalyTests/Fixtures/motor_ae_val_{features.f32,mse.csv} (val windows and their
LiteRT BUILTIN_REF scores). Prints val false alarms and test AUC (informative; `tinyml eval anomaly
--scorer autoencoder` is the reference evaluation).

Run from the repository root after `swift build`:
  /work/main/.venv/bin/python Pipelines/anomaly/train/train_autoencoder.py \
      --data ../shared/datasets/anomaly --tinyml .build/debug/tinyml
"""
import argparse
import csv
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter, OpResolverType

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "common"))
from tflite_int8 import convert_full_int8  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[3]
PIPELINE = ROOT / "Pipelines" / "anomaly" / "pipeline.json"
MODEL = ROOT / "Pipelines" / "anomaly" / "motor_ae_int8.tflite"
FIXTURES = ROOT / "Tests" / "MotorAnomalyTests" / "Fixtures"
SEED = 20240612
EPOCHS = 600
FOLDS = 5


def features(tinyml, spec, manifest, split, label, out):
    """Every window of the manifest rows of `split` (and `label`, if given) as float features."""
    hop = spec["frame"]["hop"] / spec["sampleRate"]
    cmd = [tinyml, "features", spec_path(spec, out.parent), "--manifest", manifest, "--split", split,
           "--float", "--window-hop", repr(hop), "--out", str(out)]
    if label:
        cmd += ["--label", label]
    subprocess.run(cmd, check=True, stderr=subprocess.DEVNULL)
    d = np.load(out)
    return d["x"].reshape(len(d["x"]), -1), d["files"], d["labels"][d["y"]]


def spec_path(spec, directory):
    path = directory / "spec.json"
    path.write_text(json.dumps(spec))
    return str(path)


def cwru_manifest(data, directory):
    """The CWRU rows of MANIFEST.csv with absolute file paths (the IMS machine left out)."""
    rows = list(csv.DictReader(open(data / "MANIFEST.csv")))
    keep = [r for r in rows if r["source"].split(" ")[0] == "CWRU" and r["split"] in ("train", "val", "test")]
    for r in keep:
        r["file"] = str((data / r["file"]).resolve())
    path = directory / "MANIFEST.csv"
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(keep)
    return str(path), keep


def train(x, seed):
    tf.keras.utils.set_random_seed(seed)
    L = tf.keras.layers
    inp = L.Input((x.shape[1],), batch_size=1)
    h = L.Dense(24, activation="relu")(inp)
    h = L.Dense(8, activation="relu")(h)
    h = L.Dense(24, activation="relu")(h)
    out = L.Dense(x.shape[1])(h)
    model = tf.keras.Model(inp, out)
    # Train with a free batch size, then copy the weights into the batch-1 model for conversion.
    trainable = tf.keras.Model.from_config(model.get_config())
    trainable.compile(tf.keras.optimizers.Adam(1e-3), "mse")
    trainable.fit(x, x, epochs=EPOCHS, batch_size=16, verbose=0, shuffle=True)
    model.set_weights(trainable.get_weights())
    return model


def convert(model, x):
    def representative():
        for row in x:
            yield [row[None, :].astype(np.float32)]
    return convert_full_int8(model, representative)


def scores(flat, x):
    """Reconstruction MSE of every row of x through the int8 model (LiteRT BUILTIN_REF)."""
    it = Interpreter(model_content=flat, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    i, o = it.get_input_details()[0], it.get_output_details()[0]
    s, z = i["quantization"]
    os_, oz = o["quantization"]
    out = []
    for row in x.astype(np.float32):
        r = row / np.float32(s)
        q = np.clip(np.sign(r) * np.floor(np.abs(r) + 0.5) + z, -128, 127).astype(np.int8)
        it.set_tensor(i["index"], q[None, :])
        it.invoke()
        y = os_ * (it.get_tensor(o["index"])[0].astype(np.float64) - oz)
        out.append(np.mean((row.astype(np.float64) - y) ** 2))
    return np.array(out)


def auc(neg, pos):
    from scipy.stats import mannwhitneyu
    return mannwhitneyu(pos, neg, alternative="two-sided").statistic / (len(neg) * len(pos))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "datasets" / "anomaly"))
    ap.add_argument("--tinyml", default=str(ROOT / ".build" / "debug" / "tinyml"))
    args = ap.parse_args()
    data = pathlib.Path(args.data)
    pipeline = json.loads(PIPELINE.read_text())
    spec, k = pipeline["features"], pipeline["learning"]["k"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        manifest, rows = cwru_manifest(data, tmp)
        x_train, _, _ = features(args.tinyml, spec, manifest, "train", "normal", tmp / "train.npz")
        x_val, _, _ = features(args.tinyml, spec, manifest, "val", "normal", tmp / "val.npz")
        x_test, test_files, test_labels = features(args.tinyml, spec, manifest, "test", None, tmp / "test.npz")
    print(f"windows: train {len(x_train)}, val {len(x_val)}, test {len(x_test)}; features {x_train.shape[1]}")

    folds = np.array_split(np.arange(len(x_train)), FOLDS)
    oof = np.zeros(len(x_train))
    for f, held in enumerate(folds):
        rest = np.setdiff1d(np.arange(len(x_train)), held)
        flat = convert(train(x_train[rest], SEED + f), x_train[rest])
        oof[held] = scores(flat, x_train[held])
    threshold = float(oof.mean() + k * oof.std(ddof=1))
    print(f"out-of-fold train scores: mean {oof.mean():.4f} std {oof.std(ddof=1):.4f} max {oof.max():.4f}; "
          f"threshold = mean + {k} std = {threshold:.4f}")

    flat = convert(train(x_train, SEED), x_train)
    MODEL.write_bytes(flat)
    s_val, s_test = scores(flat, x_val), scores(flat, x_test)
    print(f"val normal: false alarms {np.mean(s_val > threshold):.3f} ({np.sum(s_val > threshold)}/{len(s_val)}), "
          f"max {s_val.max():.4f}")
    print(f"test faults: AUC vs val {auc(s_val, s_test):.4f}, detection {np.mean(s_test > threshold):.4f}, min {s_test.min():.4f}")
    for lab in sorted(set(test_labels)):
        m = test_labels == lab
        print(f"  {lab}: AUC {auc(s_val, s_test[m]):.4f}, detection {np.mean(s_test[m] > threshold):.4f}")

    FIXTURES.mkdir(parents=True, exist_ok=True)
    x_val.astype("<f4").tofile(FIXTURES / "motor_ae_val_features.f32")
    with open(FIXTURES / "motor_ae_val_mse.csv", "w") as f:
        f.write("window,mse\n")
        f.writelines(f"{i},{float(v)!r}\n" for i, v in enumerate(s_val))
    line = json.dumps({"model": MODEL.name, "contextFrames": 1, "threshold": round(threshold, 6)})
    text = PIPELINE.read_text()
    entry = f'  "autoencoder": {line},\n'
    if re.search(r'^  "autoencoder": .*\n', text, flags=re.M):
        text = re.sub(r'^  "autoencoder": .*\n', entry, text, flags=re.M)
    else:
        text = text.replace('  "learning":', entry + '  "learning":')
    PIPELINE.write_text(text)
    print(f"wrote {MODEL.relative_to(ROOT)} ({len(flat)} bytes), pipeline.json autoencoder {line}")


if __name__ == "__main__":
    main()
