"""Audio I/O throughput: `tinyml audio convert` (TinyIO: libsndfile blocks -> mean downmix ->
streaming polyphase resampler -> WAV) against the reference pipeline in Python
(soundfile.read -> mean -> scipy.signal.resample_poly -> soundfile.write) and sox, on one long
stereo 44.1 kHz 16-bit WAV converted to mono 16 kHz float32. Reports wall time, the ratio
reference / tinyml (> 1 means TinyIO is faster), peak resident memory of each process, and the
largest difference between TinyIO's and scipy's output. A benchmark, not a test.

Run from the repository root:
  swift build -c release --product tinyml --scratch-path .build-rel
  /work/main/.venv/bin/python Benchmarks/io_resample.py [--minutes 60] [--tinyml .build-rel/release/tinyml]
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
import soundfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
REFERENCE = """
import sys, numpy as np, soundfile
from scipy.signal import resample_poly
x, rate = soundfile.read(sys.argv[1], dtype='float32')
y = resample_poly(x.mean(axis=1), 160, 441)
soundfile.write(sys.argv[2], y.astype(np.float32), 16000, subtype='FLOAT')
"""


def make_input(path, minutes, rate=44100):
    """Tones, a sweep and noise, written in one-minute blocks (deterministic)."""
    rng = np.random.default_rng(0)
    with soundfile.SoundFile(path, "w", rate, 2, subtype="PCM_16") as f:
        for m in range(minutes):
            t = (np.arange(60 * rate) + m * 60 * rate) / rate
            left = 0.3 * np.sin(2 * np.pi * 440 * t) + 0.1 * rng.standard_normal(t.size)
            right = 0.3 * np.sin(2 * np.pi * (200 + 50 * (t % 60)) * t) + 0.1 * rng.standard_normal(t.size)
            f.write(np.stack([left, right], axis=1).clip(-1, 1))


def timed(cmd):
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, default=10)
    ap.add_argument("--tinyml", default=str(ROOT / ".build-rel" / "release" / "tinyml"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        src = tmp / "in.wav"
        make_input(src, args.minutes)
        runs = {
            "tinyml": [args.tinyml, "audio", "convert", str(src), "-o", str(tmp / "tinyml.wav"),
                       "--rate", "16000", "--encoding", "float32"],
            "scipy": [sys.executable, "-c", REFERENCE, str(src), str(tmp / "scipy.wav")],
        }
        if shutil.which("sox"):
            runs["sox"] = ["sox", str(src), "-e", "floating-point", "-b", "32", str(tmp / "sox.wav"),
                           "remix", "1-2", "rate", "16000"]
        results = {name: timed(cmd) for name, cmd in runs.items()}
        ours, _ = soundfile.read(tmp / "tinyml.wav", dtype="float32")
        ref, _ = soundfile.read(tmp / "scipy.wav", dtype="float32")
        print(f"input: {args.minutes} min stereo 44.1 kHz int16 ({src.stat().st_size / 2**20:.0f} MiB) -> mono 16 kHz float32")
        for name, (wall, rss) in results.items():
            ratio = wall / results["tinyml"][0]
            print(f"{name:7s} {wall:8.2f} s  {args.minutes * 60 / wall:7.0f}x real time  peak RSS {rss:7.0f} MiB"
                  f"  time/tinyml {ratio:5.2f}")
        print(f"samples: tinyml {ours.size}, scipy {ref.size}; max |tinyml - scipy| = {np.max(np.abs(ours - ref)):.2e}")


if __name__ == "__main__":
    main()
