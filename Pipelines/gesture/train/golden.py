#!/usr/bin/env python3
"""Golden vectors for the gesture tests, from reference tools (scipy, LiteRT BUILTIN_REF).

    python Pipelines/gesture/train/golden.py --features F --pipeline Pipelines/gesture/pipeline.json \
        --out Tests/GestureRecognitionTests/Fixtures

F holds val.npz from `tinyml features` (README). Writes:
- resample_in_119.npy / resample_out_119_25.npy: a 3-axis accelerometer-like signal (gravity plus
  motion, 200 frames at 119 Hz) and scipy.signal.resample_poly(x, 25, 119, axis=0, padtype='edge');
- resample_in_25.npy / resample_out_25_50.npy: the same idea, 25 -> 50 Hz, 60 frames;
- litert_in.npy (int8 [n, W, C]): 4 val windows per class quantised with the pipeline's rule
  (half away from zero), litert_out.npy (int8 [n, classes]): LiteRT BUILTIN_REF outputs,
  litert_files.txt: their files.
"""
import argparse
import json
import os

import numpy as np
import scipy.signal as ss


def signal(n, rate, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(n) / rate
    g = np.array([-0.2, 0.3, 0.93])
    motion = np.stack([0.8 * np.sin(2 * np.pi * 1.3 * t), 0.5 * np.cos(2 * np.pi * 2.1 * t), 0.3 * np.sin(2 * np.pi * 0.7 * t)], 1)
    return (g + motion + rng.normal(0, 0.02, (n, 3))).astype(np.float32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", required=True)
    ap.add_argument("--pipeline", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    for (n, rin, rout, seed) in ((200, 119, 25, 1), (60, 25, 50, 2)):
        x = signal(n, rin, seed)
        y = ss.resample_poly(x.astype(np.float64), rout, rin, axis=0, padtype="edge").astype(np.float32)
        np.save(os.path.join(args.out, f"resample_in_{rin}.npy"), x)
        np.save(os.path.join(args.out, f"resample_out_{rin}_{rout}.npy"), y)

    from ai_edge_litert.interpreter import Interpreter, OpResolverType
    with open(args.pipeline) as f:
        pipeline = json.load(f)
    q = pipeline["features"]["quantization"]
    model_path = os.path.join(os.path.dirname(os.path.abspath(args.pipeline)), pipeline["model"])
    val = np.load(os.path.join(args.features, "val.npz"))
    pick = np.concatenate([np.flatnonzero(val["y"] == c)[:4] for c in range(len(pipeline["labels"]))])
    v = val["x"][pick] / np.float32(q["scale"])
    xin = np.clip(np.sign(v) * np.floor(np.abs(v) + 0.5) + q["zeroPoint"], -128, 127).astype(np.int8)
    it = Interpreter(model_path=model_path, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    inp, out = it.get_input_details()[0], it.get_output_details()[0]
    outputs = []
    for xi in xin:
        it.set_tensor(inp["index"], xi.reshape(inp["shape"]))
        it.invoke()
        outputs.append(it.get_tensor(out["index"]).reshape(-1))
    np.save(os.path.join(args.out, "litert_in.npy"), xin)
    np.save(os.path.join(args.out, "litert_out.npy"), np.array(outputs, np.int8))
    with open(os.path.join(args.out, "litert_files.txt"), "w") as f:
        f.write("\n".join(str(s) for s in val["files"][pick]) + "\n")
    print(f"wrote {len(pick)} LiteRT vectors and 2 resampling cases to {args.out}")


if __name__ == "__main__":
    main()
