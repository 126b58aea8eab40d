#!/usr/bin/env python3
"""Trains the gesture pipeline's int8 model from features written by `tinyml features`.

Usage (from the repository root; see Pipelines/gesture/README.md for the exact command):
    tinyml features Pipelines/gesture/pipeline.json --manifest DATA/MANIFEST.csv --split train --out F/train.npz
    tinyml features Pipelines/gesture/pipeline.json --manifest DATA/MANIFEST.csv --split val   --out F/val.npz
    python Pipelines/gesture/train/train.py --features F --pipeline Pipelines/gesture/pipeline.json

Inputs: the .npz files hold x [n, W, C] (the spec's front end: units in g, model rate, each recording
centred in W frames and held at its ends), y, labels, files, lengths (model-rate frames of each
recording). Nothing here re-reads the CSV files, so training sees exactly what inference sees.

Training windows (all classes treated alike, so the model cannot learn lengths or padding):
- every recording is placed at a uniformly random offset in a W-frame window (recordings longer
  than W: a random W-frame crop);
- the frames around it are either held (first/last frame repeated, as the stream is primed and
  `HoldFit` pads) or, with probability --context, real negative motion from the training negative
  streams, shifted so it meets the recording without a jump;
- negative recordings are also cropped to lengths drawn from the gesture length distribution;
- Gaussian noise (sigma 0.01 g, the data's resolution) is added;
- "still" windows (a constant orientation, gain 0.97-1.03, plus noise) are added as negatives, with
  orientations drawn uniformly on the sphere except within 30 degrees of the training wing
  recordings' mean orientation: in this data set a wing instance barely moves (peak-to-peak
  0.01-0.1 g), so stillness there cannot be told from a wing; elsewhere, holding the device still
  is not a gesture.
A pipeline without a negative class (negativeLabel null, e.g. triggered captures) gets neither
negative context nor still windows.
Selection: the epoch with the best float accuracy on val (ties: lower val loss).
Outputs: the int8 .tflite (int8 input and output, TFLite full-integer quantisation calibrated on
the centred training windows) and the model input quantisation written into pipeline.json.
"""
import argparse
import json
import os
import pathlib
import re
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "common"))
from tflite_int8 import convert_full_int8  # noqa: E402


def hold_offset(n, w):
    """HoldFit's offset of an n-frame recording in a w-frame window (negative: cropped)."""
    return -((n - w) // 2) if n >= w else (w - n) // 2


def recordings(x, lengths):
    """The real frames of each centred window (cropped recordings stay W frames)."""
    w = x.shape[1]
    out = []
    for xi, n in zip(x, lengths):
        n = int(n)
        if n >= w:
            out.append(xi)
        else:
            o = hold_offset(n, w)
            out.append(xi[o:o + n])
    return out


def negative_streams(recs, y, files, negative):
    """Consecutive negative windows of one source stream (`<label>_<stream>_<index>.csv`) joined."""
    groups = {}
    for r, yi, f in zip(recs, y, files):
        if yi != negative:
            continue
        m = re.match(r"(.*)_(\d+)\.csv$", os.path.basename(str(f)))
        key, idx = (m.group(1), int(m.group(2))) if m else (str(f), 0)
        groups.setdefault(key, []).append((idx, r))
    return [np.concatenate([r for _, r in sorted(v, key=lambda t: t[0])]) for v in groups.values()]


def place(rec, w, rng, streams, context):
    n = len(rec)
    if n >= w:
        s = rng.integers(0, n - w + 1)
        return rec[s:s + w]
    o = rng.integers(0, w - n + 1)
    if streams and rng.random() < context:
        s = streams[rng.integers(len(streams))]
        k = rng.integers(0, len(s) - w + 1)
        c = s[k:k + w]
        pre = c[:o] - c[o - 1:o] + rec[:1] if o > 0 else c[:0]
        post = c[o + n:] - c[o + n:o + n + 1] + rec[-1:] if o + n < w else c[:0]
        return np.concatenate([pre, rec, post])
    return np.concatenate([np.repeat(rec[:1], o, 0), rec, np.repeat(rec[-1:], w - n - o, 0)])


def augment(recs, y, w, negative, streams, copies, context, still, wing, rng):
    gesture_lengths = [len(r) for r, yi in zip(recs, y) if yi != negative]   # every class when negative is None
    xs, ys = [], []
    for r, yi in zip(recs, y):
        for _ in range(copies):
            rec = r
            if yi == negative and rng.random() < 0.5:
                n = min(int(rng.choice(gesture_lengths)), len(r))
                s = rng.integers(0, len(r) - n + 1)
                rec = r[s:s + n]
            win = place(rec, w, rng, streams, context)
            xs.append(win + rng.normal(0, 0.01, win.shape))
            ys.append(yi)
    channels = recs[0].shape[1]
    added = 0
    while added < still:
        v = rng.normal(size=3)
        v /= np.linalg.norm(v)
        if wing is not None and v @ wing > np.cos(np.radians(30)):
            continue
        win = np.zeros((w, channels))
        win[:, :3] = v * rng.uniform(0.97, 1.03)
        xs.append(win + rng.normal(0, 0.01, win.shape))
        ys.append(negative)
        added += 1
    return np.asarray(xs, np.float32), np.asarray(ys, np.int32)


def build_model(tf, w, channels, classes):
    """Conv over time (kernels k x 1 on a [W, 1, C] input) -> global average -> dense softmax."""
    layers = tf.keras.layers
    i = tf.keras.Input((w, 1, channels), name="window")
    h = layers.Conv2D(8, (5, 1), padding="same", activation="relu")(i)
    h = layers.MaxPool2D((4, 1))(h)
    h = layers.Conv2D(16, (5, 1), padding="same", activation="relu")(h)
    h = layers.MaxPool2D((4, 1))(h)
    h = layers.Conv2D(16, (3, 1), padding="same", activation="relu")(h)
    h = layers.GlobalAveragePooling2D()(h)
    h = layers.Dropout(0.2)(h)
    o = layers.Dense(classes, activation="softmax")(h)
    return tf.keras.Model(i, o)


def quantize_input(x, scale, zero_point):
    """The spec's rule, 'half-away-from-zero' (TFLite QUANTIZE): clamp(round(x / scale) + zp)."""
    v = x / np.float32(scale)
    r = np.sign(v) * np.floor(np.abs(v) + 0.5)
    return np.clip(r + zero_point, -128, 127).astype(np.int8)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", required=True, help="folder with train.npz and val.npz from tinyml features")
    ap.add_argument("--pipeline", required=True, help="pipeline.json (its model path and quantisation are written)")
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--copies", type=int, default=20, help="augmented windows per training recording")
    ap.add_argument("--context", type=float, default=0.5, help="probability of negative-motion context")
    ap.add_argument("--still", type=int, default=500, help="synthetic still windows (negative)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import tensorflow as tf
    from ai_edge_litert.interpreter import Interpreter, OpResolverType

    tf.keras.utils.set_random_seed(args.seed)
    tf.config.experimental.enable_op_determinism()
    tf.config.threading.set_inter_op_parallelism_threads(1)
    tf.config.threading.set_intra_op_parallelism_threads(2)
    rng = np.random.default_rng(args.seed)

    with open(args.pipeline) as f:
        pipeline = json.load(f)
    labels = list(pipeline["labels"])
    negative = labels.index(pipeline["negativeLabel"]) if pipeline["negativeLabel"] is not None else None
    train = np.load(os.path.join(args.features, "train.npz"))
    val = np.load(os.path.join(args.features, "val.npz"))
    for name, d in (("train", train), ("val", val)):
        if list(d["labels"]) != labels:
            sys.exit(f"{name}.npz labels {list(d['labels'])} differ from pipeline labels {labels}")
    _, w, channels = train["x"].shape

    recs = recordings(train["x"], train["lengths"])
    streams = [] if negative is None else \
        [s for s in negative_streams(recs, train["y"], train["files"], negative) if len(s) >= w]
    wing = None
    if "wing" in labels:
        m = np.mean([r[:, :3].mean(0) for r, yi in zip(recs, train["y"]) if yi == labels.index("wing")], 0)
        wing = m / np.linalg.norm(m)
    still = args.still if negative is not None else 0   # stillness is "negative"; without that class, none
    xt, yt = augment(recs, train["y"], w, negative, streams, args.copies, args.context, still, wing, rng)
    xv, yv = val["x"].astype(np.float32), val["y"]
    print(f"train windows {len(xt)} (from {len(recs)} recordings, {len(streams)} negative streams); val {len(xv)}")

    model = build_model(tf, w, channels, len(labels))
    model.compile(optimizer=tf.keras.optimizers.Adam(2e-3), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    best = {"acc": -1.0, "loss": np.inf, "weights": None, "epoch": -1}

    class Select(tf.keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            acc, loss = logs["val_accuracy"], logs["val_loss"]
            if acc > best["acc"] or (acc == best["acc"] and loss < best["loss"]):
                best.update(acc=acc, loss=loss, weights=self.model.get_weights(), epoch=epoch)

    model.fit(xt[:, :, None, :], yt, epochs=args.epochs, batch_size=32, shuffle=True, verbose=2,
              validation_data=(xv[:, :, None, :], yv), callbacks=[Select()])
    model.set_weights(best["weights"])
    float_acc = float((model.predict(xv[:, :, None, :], verbose=0).argmax(1) == yv).mean())
    print(f"selected epoch {best['epoch'] + 1}: float val accuracy {float_acc:.4f}")

    calibration = train["x"].astype(np.float32)[:, :, None, :]
    tflite = convert_full_int8(model, lambda: ([c[None]] for c in calibration))

    it = Interpreter(model_content=tflite, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    inp, out = it.get_input_details()[0], it.get_output_details()[0]
    scale, zero_point = inp["quantization"]
    predictions = []
    for xi in xv:
        it.set_tensor(inp["index"], quantize_input(xi, scale, zero_point).reshape(inp["shape"]))
        it.invoke()
        predictions.append(int(it.get_tensor(out["index"])[0].argmax()))
    int8_acc = float((np.array(predictions) == yv).mean())
    print(f"int8 val accuracy (LiteRT BUILTIN_REF) {int8_acc:.4f}; {len(tflite)} bytes; "
          f"{model.count_params()} parameters; input scale {scale} zero point {zero_point}")

    model_path = os.path.join(os.path.dirname(os.path.abspath(args.pipeline)), pipeline["model"])
    with open(model_path, "wb") as f:
        f.write(tflite)
    pipeline["features"]["quantization"] = {"scale": float(np.float32(scale)), "zeroPoint": int(zero_point),
                                            "rounding": "half-away-from-zero", "min": -128, "max": 127}
    text = json.dumps(pipeline, indent=2)
    # Lists of numbers or strings on one line, as the committed file is written.
    text = re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)
    with open(args.pipeline, "w") as f:
        f.write(text + "\n")
    print(f"wrote {model_path} and the input quantisation into {args.pipeline}")


if __name__ == "__main__":
    main()
