"""Audio augmentation for KWS training: time shift, gain and background noise from the dataset's
`noise` split, written as 16-bit WAV clips so that `tinyml features` computes their features with
exactly the device front end.

Per augmented copy of a 1 s clip x (full-scale floats):
  shift s ~ U{-shift..shift} samples (zeros fill the vacated end);
  y = g · shift(x, s) with g ~ U[gain_lo, gain_hi];
  with probability p_noise, y += v · n with n a random 1 s cut of a noise piece and v ~ U[0, volume];
  clipped to [-1, 32767/32768] and rounded to 16-bit.
MLPerf's x / max(x) makes the overall gain irrelevant to the features except through clipping;
gain matters as the speech-to-noise ratio. The noise pool leaves out the spans where `val`/`test`
`_silence_` clips were located (eval_silence_spans.csv), so augmentation never replays them.
"""
import collections
import csv
import pathlib
import re

import numpy as np
import soundfile as sf

CLIP = 16000


def noise_pool(root, rows, exclusions_csv, min_length=CLIP):
    """Noise pieces (float32, full scale) with the excluded spans cut out; pieces shorter than
    `min_length` after cutting are dropped."""
    cut = collections.defaultdict(list)
    for r in csv.DictReader(open(exclusions_csv)):
        cut[r["noise"]].append((int(r["start"]), int(r["end"])))
    pool = []
    for r in rows:
        if r["split"] != "noise":
            continue
        m = re.fullmatch(r"noise/(.+)_(\d+)-(\d+)\.flac", r["file"])
        name, start = m[1], int(m[2])
        audio = sf.read(root / r["file"], dtype="float32")[0]
        keep = np.ones(len(audio), bool)
        for a, b in cut[name]:
            keep[max(0, a - start):max(0, b - start)] = False
        edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(np.int8), [0]])))
        for a, b in zip(edges[::2], edges[1::2]):
            if b - a >= min_length:
                pool.append(audio[a:b])
    return pool


def augment(clip, pool, rng, shift=1600, gain=(0.5, 1.5), p_noise=0.8, volume=0.1):
    """One augmented copy of `clip` (float32 full scale, CLIP samples) as int16."""
    s = int(rng.integers(-shift, shift + 1))
    y = np.zeros(CLIP, np.float32)
    if s >= 0:
        y[s:] = clip[:CLIP - s]
    else:
        y[:s] = clip[-s:]
    y *= rng.uniform(*gain)
    if pool and rng.random() < p_noise:
        n = pool[int(rng.integers(len(pool)))]
        o = int(rng.integers(0, len(n) - CLIP + 1))
        y += rng.uniform(0.0, volume) * n[o:o + CLIP]
    return np.round(np.clip(y, -1.0, 32767 / 32768) * 32768).astype(np.int16)


def write_copies(root, rows, pool, out_dir, copies, seed):
    """Writes `copies` augmented copies of every row's clip to `out_dir` and returns a manifest
    (list of dicts: file, label, split='train') holding the originals (absolute paths) and copies."""
    out_dir = pathlib.Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    manifest = []
    for i, r in enumerate(rows):
        clip = sf.read(root / r["file"], dtype="float32")[0]
        clip = np.pad(clip, (0, max(0, CLIP - len(clip))))[:CLIP]
        manifest.append({"file": str((root / r["file"]).resolve()), "label": r["label"], "split": "train"})
        for k in range(copies):
            name = out_dir / f"{i:05d}_{k:02d}.wav"
            sf.write(name, augment(clip, pool, rng), CLIP, subtype="PCM_16")
            manifest.append({"file": str(name.resolve()), "label": r["label"], "split": "train"})
    return manifest
