"""Tensor arena bytes: TinyMLSuite's planner vs TFLM's own allocator, for every shipped model.

For each .tflite under Pipelines/ (and the MLPerf Tiny references in ../shared/reference-models),
runs TFLM's interpreter (PyPI `tflite-micro`, RecordingMicroAllocator) and reads its
`print_allocations()` lines: the arena *head* is the non-persistent memory (activations and
kernel scratch, planned by TFLM's greedy memory planner), the *tail* is TFLM's persistent data
(TfLiteEvalTensor structs, quantization parameters, per-op persistent buffers, node structs).
Ours comes from `tinyml inspect`: `arena bytes` (activations + kernel scratch, the head's
counterpart) and `persistent bytes` (per-channel requantization data kept with the prepared
model; our tensor metadata lives in the graph itself, so there is no tail to compare exactly).
Prints both and the ratio ours / TFLM (< 1 means our plan is smaller). A benchmark, not a test.

Run from the repository root (tflite-micro needs no TensorFlow):
  python3 -m venv /tmp/tflm && /tmp/tflm/bin/pip install tflite-micro numpy
  swift build --product tinyml
  /tmp/tflm/bin/python Benchmarks/arena_vs_tflm.py [--tinyml .build/debug/tinyml] [--json]
"""
import argparse
import ctypes
import json
import os
import pathlib
import re
import subprocess
import tempfile

from tflite_micro.python.tflite_micro import runtime

ROOT = pathlib.Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "reference-models"


def shipped_models():
    models = sorted(ROOT.glob("Pipelines/**/*.tflite"))
    models += sorted(REFERENCE.glob("**/*.tflite")) if REFERENCE.is_dir() else []
    return models


def tflm_allocations(path):
    """TFLM's arena head and tail (bytes), captured from print_allocations() (C stdio, fd 1 and 2)."""
    interpreter = runtime.Interpreter.from_file(str(path))
    with tempfile.TemporaryFile(mode="w+b") as capture:
        saved = [os.dup(1), os.dup(2)]
        os.dup2(capture.fileno(), 1)
        os.dup2(capture.fileno(), 2)
        try:
            interpreter.print_allocations()
            ctypes.CDLL(None).fflush(None)
        finally:
            for fd, copy in zip((1, 2), saved):
                os.dup2(copy, fd)
                os.close(copy)
        capture.seek(0)
        text = capture.read().decode("utf-8", "replace")
    fields = dict(re.findall(r"Arena allocation (head|tail|total) (\d+) bytes", text))
    if "head" not in fields:
        raise SystemExit(f"{path}: no arena figures in TFLM's print_allocations output:\n{text}")
    return int(fields["head"]), int(fields["tail"])


def ours(tinyml, path):
    text = subprocess.run([tinyml, "inspect", str(path)], check=True, capture_output=True, text=True).stdout
    arena = int(re.search(r"^arena bytes: (\d+)", text, re.M).group(1))
    persistent = int(re.search(r"^persistent bytes: (\d+)", text, re.M).group(1))
    return arena, persistent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tinyml", default=str(ROOT / ".build" / "debug" / "tinyml"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    for path in shipped_models():
        head, tail = tflm_allocations(path)
        arena, persistent = ours(args.tinyml, path)
        name = str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.relative_to(ROOT.parent))
        rows.append({"model": name, "ours_arena": arena, "tflm_head": head, "arena_ratio": arena / head,
                     "ours_persistent": persistent, "tflm_tail": tail})
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"{'model':52s} {'ours arena':>10s} {'TFLM head':>10s} {'ratio':>6s}  {'ours persist':>12s} {'TFLM tail':>10s}")
    for r in rows:
        print(f"{r['model']:52s} {r['ours_arena']:10d} {r['tflm_head']:10d} {r['arena_ratio']:6.3f}  "
              f"{r['ours_persistent']:12d} {r['tflm_tail']:10d}")


if __name__ == "__main__":
    main()
