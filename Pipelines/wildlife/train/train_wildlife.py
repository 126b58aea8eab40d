"""Train the wildlife log-mel CNN on ESC-50 animal folds 1-3, select on fold 4, export int8.

Features come from `tinyml features` (the Swift extractor) with the feature spec in
`Pipelines/wildlife/pipeline.json`, cut into one row per frame (`framesPerInput` 1, `--window-hop`
one hop), so training, evaluation and the device see the same numbers. The script then:

1. cuts random `framesPerInput`-frame crops from every training clip (start drawn with
   probability ∝ 0.3/n + 0.7 · window energy share, so most crops hold the animal, not the
   digital silence ESC-50 pads clips with) — the time-shift augmentation;
2. augments each crop: random gain (±1.5 in ln power, ±6.5 dB); mixing with another clip
   (power-domain mix `ln(λ·e^a + (1−λ)·e^b)` with soft labels, λ ~ max(B, 1−B), B ~ Beta(0.5, 0.5),
   half the crops); mixing with recorded-style noise (white/pink/brown noise files run through
   the same `tinyml features`, SNR 0-30 dB, half the crops); SpecAugment masks (2 frequency masks
   ≤ 1/8 of the bands, 1 time mask ≤ 1/8 of the frames, filled with the crop mean);
3. trains a small VGG-style CNN (BN + ReLU, global average pool, dropout, 12 logits) with AdamW,
   cosine decay and label smoothing;
4. scores fold 4 (`val`) at clip level after every epoch — windows every `--clip-hop` frames
   across the clip, softmax probabilities averaged (`ClipAggregation` in WildlifeSounds does the
   same in Swift) — and keeps the best epoch;
5. appends a softmax and converts to a full-integer int8 .tflite (int8 input and output;
   representative data = training crops), checks it with LiteRT BUILTIN_REF on `val` at clip level, and writes the model's input
   quantisation into pipeline.json (`features.quantization`) and the model name (`model`).

Usage (from the repository root, after `swift build -c release --product tinyml`):
  nice .venv/bin/python Pipelines/wildlife/train/train_wildlife.py --manifest ../shared/datasets/wildlife/MANIFEST.csv
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
import soundfile as sf

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import tensorflow as tf  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "common"))
from tflite_int8 import convert_full_int8  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[3]
PIPELINE = ROOT / "Pipelines/wildlife/pipeline.json"
LOG_FLOOR = float(np.log(1e-6))


def frame_features(tinyml, spec, work, args_tail, name):
    """Runs `tinyml features` with `spec` cut to one frame per row; returns {file: [T, bands]} and labels."""
    frame_spec = dict(spec, framesPerInput=1, quantization=None, name=spec["name"] + "-frames")
    spec_path = work / "frame_spec.json"
    spec_path.write_text(json.dumps(frame_spec))
    out = work / f"{name}.npz"
    if not out.exists():
        hop_seconds = spec["frame"]["hop"] / spec["sampleRate"]
        subprocess.run([str(tinyml), "features", str(spec_path), "--float", "--window-hop", repr(hop_seconds),
                        "--out", str(out)] + args_tail, check=True)
    z = np.load(out)
    x, files, starts = z["x"][:, 0, :], z["files"], z["starts"]
    clips = {}
    for f in dict.fromkeys(files):
        m = files == f
        order = np.argsort(starts[m])
        clips[str(f)] = x[m][order]
    labels = [str(s) for s in z["labels"]]
    y = {str(f): int(v) for f, v in zip(files, z["y"])}
    return clips, y, labels


def noise_bank(tinyml, spec, work, rng):
    """White, pink and brown noise (20 s each) through `tinyml features`: frames [N, bands]."""
    rate = spec["sampleRate"]
    paths = []
    for kind, exponent in (("white", 0.0), ("pink", 1.0), ("brown", 2.0)):
        n = 20 * rate
        spectrum = np.fft.rfft(rng.standard_normal(n))
        f = np.fft.rfftfreq(n, 1 / rate)
        spectrum[1:] /= f[1:] ** (exponent / 2)
        spectrum[0] = 0
        x = np.fft.irfft(spectrum, n)
        x = 0.1 * x / np.std(x)
        path = work / f"noise_{kind}.wav"
        sf.write(path, x.astype(np.float32), rate, subtype="FLOAT")
        paths.append(str(path))
    clips, _, _ = frame_features(tinyml, spec, work, paths, "noise")
    return np.concatenate(list(clips.values()))


def clip_windows(frames, width, hop):
    """Window starts every `hop` frames, plus one ending at the last frame (ClipAggregation.starts)."""
    t = len(frames)
    if t < width:
        frames = np.concatenate([frames, np.full((width - t, frames.shape[1]), LOG_FLOOR, np.float32)])
        t = width
    starts = list(range(0, t - width + 1, hop))
    if starts[-1] != t - width:
        starts.append(t - width)
    return np.stack([frames[s:s + width] for s in starts])


def build_model(width, bands, channels):
    L = tf.keras.layers

    def conv(x, c, stride=1):
        x = L.Conv2D(c, 3, strides=stride, padding="same", use_bias=False)(x)
        x = L.BatchNormalization()(x)
        return L.ReLU()(x)

    inp = L.Input((width, bands, 1))
    x = conv(inp, channels, 2)
    x = conv(x, channels)
    x = L.MaxPool2D(2)(x)
    x = conv(x, 2 * channels)
    x = L.MaxPool2D(2)(x)
    x = conv(x, 4 * channels)
    x = L.MaxPool2D(2)(x)
    x = conv(x, 4 * channels)
    x = L.GlobalAveragePooling2D()(x)
    x = L.Dropout(0.3)(x)
    return tf.keras.Model(inp, L.Dense(12)(x))


class Augmenter:
    def __init__(self, clips, labels, noise, width, rng, crops):
        self.clips, self.labels, self.noise, self.width, self.rng, self.crops = clips, labels, noise, width, rng, crops
        self.weights = []
        for c in clips:
            e = np.exp(np.log(np.exp(c).sum(1)) - np.log(np.exp(c).sum(1)).max())
            w = np.convolve(e, np.ones(width), "valid")
            self.weights.append(0.7 * w / w.sum() + 0.3 / len(w))

    def epoch(self):
        rng, w = self.rng, self.width
        xs, ys = [], []
        for c, label, p in zip(self.clips, self.labels, self.weights):
            for s in rng.choice(len(p), self.crops, p=p):
                xs.append(c[s:s + w])
                ys.append(label)
        x = np.stack(xs)
        y = np.eye(12, dtype=np.float32)[ys]
        m, bands = len(x), x.shape[2]
        x = x + rng.uniform(-1.5, 1.5, (m, 1, 1)).astype(np.float32)
        lam = rng.beta(0.5, 0.5, m)
        lam = np.where(rng.random(m) < 0.5, np.maximum(lam, 1 - lam), 1.0)
        perm = rng.permutation(m)
        x = np.logaddexp(x + np.log(lam)[:, None, None], x[perm] + np.log(np.maximum(1 - lam, 1e-6))[:, None, None])
        y = lam[:, None] * y + (1 - lam[:, None]) * y[perm]
        # Noise at an SNR (signal = crop mean power) of 0-30 dB on half the crops.
        starts = rng.integers(0, len(self.noise) - w, m)
        noise = np.stack([self.noise[s:s + w] for s in starts])
        power = lambda a: np.log(np.exp(a).mean(axis=(1, 2)))  # noqa: E731
        snr = rng.uniform(0, 30, m) * np.log(10) / 10
        shift = power(x) - power(noise) - snr
        use = rng.random(m) < 0.5
        x = np.where(use[:, None, None], np.logaddexp(x, noise + shift[:, None, None]), x)
        for i in range(m):
            fill = x[i].mean()
            for _ in range(2):
                f = rng.integers(0, bands // 8 + 1)
                f0 = rng.integers(0, bands - f + 1)
                x[i, :, f0:f0 + f] = fill
            t = rng.integers(0, w // 8 + 1)
            t0 = rng.integers(0, w - t + 1)
            x[i, t0:t0 + t, :] = fill
        return np.maximum(x, LOG_FLOOR)[..., None].astype(np.float32), y.astype(np.float32)


def clip_scores(predict, clips, width, hop):
    """Clip-level class probabilities: softmax of every window, averaged."""
    out = []
    for c in clips:
        out.append(predict(clip_windows(c, width, hop)).mean(0))
    return np.array(out)


def top_k(probs, y, k):
    order = np.argsort(-probs, axis=1)[:, :k]
    return float(np.mean([y[i] in order[i] for i in range(len(y))]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--tinyml", default=str(ROOT / ".build/release/tinyml"))
    ap.add_argument("--work", default=None, help="feature cache directory (default: a temporary one)")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--crops", type=int, default=4, help="crops per training clip per epoch")
    ap.add_argument("--channels", type=int, default=32)
    ap.add_argument("--clip-hop", type=int, default=16, help="frames between clip windows at evaluation")
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--out", default="wildlife_cnn_int8.tflite", help="model file name inside Pipelines/wildlife")
    args = ap.parse_args()

    tf.config.threading.set_intra_op_parallelism_threads(2)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    rng = np.random.default_rng(args.seed)
    tf.keras.utils.set_random_seed(args.seed)
    pipeline = json.loads(PIPELINE.read_text())
    spec = pipeline["features"]
    width = spec["framesPerInput"]
    work = pathlib.Path(args.work or tempfile.mkdtemp(prefix="wildlife-train-"))
    work.mkdir(parents=True, exist_ok=True)

    train, ytrain, labels = frame_features(args.tinyml, spec, work, ["--manifest", args.manifest, "--split", "train"], "train")
    val, yval, _ = frame_features(args.tinyml, spec, work, ["--manifest", args.manifest, "--split", "val", "--labels", ",".join(labels)], "val")
    noise = noise_bank(args.tinyml, spec, work, rng)
    train_clips = [np.maximum(c, LOG_FLOOR) for c in train.values()]
    train_y = [ytrain[f] for f in train]
    val_clips = [np.maximum(c, LOG_FLOOR) for c in val.values()]
    val_y = np.array([yval[f] for f in val])
    bands = train_clips[0].shape[1]
    print(f"train {len(train_clips)} clips, val {len(val_clips)} clips, {bands} bands, {width}-frame windows, labels {labels}")

    model = build_model(width, bands, args.channels)
    augmenter = Augmenter(train_clips, train_y, noise, width, rng, args.crops)
    steps = args.epochs * len(train_clips) * args.crops // 32
    model.compile(tf.keras.optimizers.AdamW(tf.keras.optimizers.schedules.CosineDecay(2e-3, steps), weight_decay=1e-3),
                  loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.05))
    float_predict = lambda x: tf.nn.softmax(model(x[..., None], training=False)).numpy()  # noqa: E731
    best = (-1.0, 0.0, -1, None)
    t0 = time.time()
    for epoch in range(args.epochs):
        x, y = augmenter.epoch()
        loss = model.fit(x, y, batch_size=32, epochs=1, verbose=0).history["loss"][0]
        probs = clip_scores(float_predict, val_clips, width, args.clip_hop)
        top1, top3 = top_k(probs, val_y, 1), top_k(probs, val_y, 3)
        nll = float(-np.mean(np.log(probs[np.arange(len(val_y)), val_y] + 1e-9)))
        print(f"epoch {epoch + 1:3d} loss {loss:.3f} val top-1 {top1:.3f} top-3 {top3:.3f} nll {nll:.3f} ({time.time() - t0:.0f} s)", flush=True)
        if (top1, -nll) > (best[0], -best[1]):
            best = (top1, nll, epoch + 1, model.get_weights())
    model.set_weights(best[3])
    print(f"selected epoch {best[2]}: float val top-1 {best[0]:.3f}")

    representative = augmenter.epoch()[0][:512]

    def rep():
        for i in range(len(representative)):
            yield [representative[i:i + 1]]

    exported = tf.keras.Model(model.input, tf.keras.layers.Softmax()(model.output))
    blob = convert_full_int8(exported, rep)
    out_path = PIPELINE.parent / args.out
    out_path.write_bytes(blob)

    from ai_edge_litert.interpreter import Interpreter, OpResolverType
    interp = Interpreter(model_content=blob, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    interp.allocate_tensors()
    inp, outp = interp.get_input_details()[0], interp.get_output_details()[0]
    in_scale, in_zero = inp["quantization"]
    out_scale, out_zero = outp["quantization"]

    def int8_predict(windows):
        q = np.clip(np.round(windows / in_scale) + in_zero, -128, 127).astype(np.int8)
        res = []
        for w in q:
            interp.set_tensor(inp["index"], w[None, :, :, None])
            interp.invoke()
            res.append(out_scale * (interp.get_tensor(outp["index"])[0].astype(np.float32) - out_zero))
        return np.array(res)

    probs = clip_scores(int8_predict, val_clips, width, args.clip_hop)
    print(f"int8 (LiteRT BUILTIN_REF) val top-1 {top_k(probs, val_y, 1):.3f} top-3 {top_k(probs, val_y, 3):.3f}; "
          f"input scale {in_scale} zero point {in_zero}; {len(blob)} bytes -> {out_path}")

    pipeline = json.loads(PIPELINE.read_text())  # re-read: keep edits made while training ran
    pipeline["features"]["quantization"] = {"scale": float(in_scale), "zeroPoint": int(in_zero), "rounding": "half-to-even",
                                            "min": -128, "max": 127}
    pipeline["model"] = args.out
    pipeline["labels"] = labels
    PIPELINE.write_text(json.dumps(pipeline, indent=2) + "\n")


if __name__ == "__main__":
    main()
