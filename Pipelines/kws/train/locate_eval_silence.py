"""Find where the `val`/`test` `_silence_` clips of the KWS dataset sit inside its `noise` pieces.

The dataset's `_silence_` clips were cut from the same background-noise recordings as the `noise`
split (datasets/kws/SOURCE.md), so training augmentation that mixes in noise could replay audio of
the evaluation clips. This script places every `val`/`test` `_silence_` clip in the original noise
files by normalised cross-correlation (pieces are laid back on their original timeline, cut regions
zero) and writes the spans to exclude (the match ±10 ms) when the best correlation is ≥ 0.25 (a
clip that straddles a cut still correlates at about sqrt(overlap fraction)).

  .venv/bin/python Pipelines/kws/train/locate_eval_silence.py ../shared/datasets/kws/MANIFEST.csv \
      --out Pipelines/kws/train/eval_silence_spans.csv
Output columns: noise (original noise-file name), start, end (sample offsets, end exclusive), clip,
split, correlation.
"""
import argparse
import collections
import csv
import pathlib
import re

import numpy as np
import soundfile as sf

MARGIN = 160
THRESHOLD = 0.25


def timelines(root, rows):
    """{noise name: float64 array on the original file's timeline, zeros where pieces were cut}."""
    pieces = collections.defaultdict(list)
    for r in rows:
        if r["split"] != "noise":
            continue
        m = re.fullmatch(r"noise/(.+)_(\d+)-(\d+)\.flac", r["file"])
        pieces[m[1]].append((int(m[2]), int(m[3]), sf.read(root / r["file"], dtype="float64")[0]))
    out = {}
    for name, ps in pieces.items():
        a = np.zeros(max(end for _, end, _ in ps))
        for start, end, p in ps:
            a[start:end] = p
        out[name] = a
    return out


def best_match(clip, noise):
    """(correlation, name, offset) of the best normalised cross-correlation of `clip` in `noise`."""
    c = clip - clip.mean()
    cn = np.linalg.norm(c)
    n_clip = len(c)
    best = (0.0, None, -1)
    for name, p in noise.items():
        n = 1 << int(np.ceil(np.log2(len(p) + n_clip)))
        xc = np.fft.irfft(np.fft.rfft(p, n) * np.conj(np.fft.rfft(c, n)), n)[: len(p) - n_clip + 1]
        s1 = np.concatenate([[0.0], np.cumsum(p)])
        s2 = np.concatenate([[0.0], np.cumsum(p * p)])
        w1 = s1[n_clip:] - s1[:-n_clip]
        w2 = s2[n_clip:] - s2[:-n_clip]
        ncc = xc / (np.sqrt(np.maximum(w2 - w1 * w1 / n_clip, 0.0)) * cn + 1e-9)
        ncc[w2 < 1e-9] = 0.0
        i = int(np.argmax(ncc))
        if ncc[i] > best[0]:
            best = (float(ncc[i]), name, i)
    return best


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("manifest")
    p.add_argument("--out", required=True)
    a = p.parse_args()
    root = pathlib.Path(a.manifest).parent
    rows = list(csv.DictReader(open(a.manifest)))
    noise = timelines(root, rows)
    clips = [r for r in rows if r["label"] == "_silence_" and r["split"] in ("val", "test")]
    found = 0
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["noise", "start", "end", "clip", "split", "correlation"])
        for r in clips:
            clip = sf.read(root / r["file"], dtype="float64")[0]
            corr, name, at = best_match(clip, noise)
            if corr >= THRESHOLD:
                found += 1
                w.writerow([name, max(0, at - MARGIN), at + len(clip) + MARGIN, r["file"], r["split"], f"{corr:.3f}"])
    print(f"{found} of {len(clips)} val/test _silence_ clips located in the noise pieces (correlation >= {THRESHOLD})")


if __name__ == "__main__":
    main()
