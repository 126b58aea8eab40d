#!/usr/bin/env python3
"""Streaming check of the gesture pipeline through `gesture-demo` (the Swift int8 path).

    python Pipelines/gesture/train/stream_check.py --demo .build/release/gesture-demo \
        --data ../shared/datasets/gesture --split val

1. False triggers: each negative stream of the split (its consecutive 120-sample files joined in
   order, raw, units as stored) through gesture-demo; events per minute.
2. Hits: every gesture of the split, each after 4 s of that split's negative motion (converted
   from milli-g to g, as the stream must have one unit) and a pause of --pause seconds (the last
   negative sample held, then the gesture's first); --pause 0 puts gestures straight between
   motion. An event at window end t belongs to the first gesture with start <= t <= end + window
   (5.12 s): same label, first one -> hit; other label -> wrong; none or repeated -> false trigger.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import tempfile

import numpy as np

RATE, WINDOW = 25, 128


def load(path):
    return np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)


def demo(binary, rows, pipeline):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        np.savetxt(f, rows, fmt="%.4f", delimiter=",")
        path = f.name
    try:
        out = subprocess.run([binary, path, "--json", "--pipeline", pipeline], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--demo", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--split", default="val")
    ap.add_argument("--pipeline", default="Pipelines/gesture/pipeline.json")
    ap.add_argument("--pause", type=float, default=1.0)
    args = ap.parse_args()

    rows = [r for r in csv.DictReader(open(os.path.join(args.data, "MANIFEST.csv"))) if r["split"] == args.split]
    streams = {}
    for r in rows:
        if r["label"] == "negative":
            streams.setdefault(r["person"], []).append(r["file"])
    minutes, events = 0.0, 0
    negative_g = []
    for name, files in sorted(streams.items()):
        x = np.concatenate([load(os.path.join(args.data, f)) for f in sorted(files, key=lambda f: int(re.findall(r"(\d+)\.csv$", f)[0]))])
        e = demo(args.demo, x, args.pipeline)
        m = len(x) / RATE / 60
        print(f"negative stream {name}: {len(x)} samples, {m:.2f} min, {len(e)} events {[(v['label'], v['time']) for v in e]}")
        minutes += m
        events += len(e)
        negative_g.append(x / 1000 if np.median(np.linalg.norm(x, axis=1)) > 100 else x)
    print(f"false triggers on negative motion: {events} in {minutes:.2f} min = {events / max(minutes, 1e-9):.2f}/min")

    negative = np.concatenate(negative_g)
    pause = int(round(args.pause * RATE))
    parts, truth, pos, cursor = [], [], 0, 0
    for r in sorted((r for r in rows if r["label"] != "negative"), key=lambda r: r["file"]):
        g = load(os.path.join(args.data, r["file"]))
        chunk = negative[cursor:cursor + 100]
        cursor = (cursor + 100) % (len(negative) - 100)
        seg = [chunk, np.repeat(chunk[-1:], pause, 0), np.repeat(g[:1], pause, 0)]
        start = pos + sum(len(s) for s in seg)
        seg += [g, np.repeat(g[-1:], pause, 0)]
        truth.append((start, start + len(g), r["label"]))
        for s in seg:
            parts.append(s)
            pos += len(s)
    e = demo(args.demo, np.concatenate(parts), args.pipeline)
    hit, wrong, false = set(), 0, 0
    for v in e:
        t = int(round(v["time"] * RATE))
        j = next((j for j, (s, en, _) in enumerate(truth) if s <= t <= en + WINDOW), None)
        if j is None:
            false += 1
        elif truth[j][2] != v["label"]:
            wrong += 1
        elif j in hit:
            false += 1
        else:
            hit.add(j)
    print(f"mixed stream (pause {args.pause} s): {len(truth)} gestures, {len(hit)} hits, {len(truth) - len(hit)} misses, "
          f"{wrong} wrong label, {false} false triggers, {pos / RATE / 60:.2f} min")
    missed = [truth[j][2] for j in range(len(truth)) if j not in hit]
    if missed:
        print("missed: " + ", ".join(f"{label} x{missed.count(label)}" for label in sorted(set(missed))))


if __name__ == "__main__":
    main()
