"""Audio I/O throughput: `tinyml audio convert` (TinyIO: libsndfile blocks -> mean downmix ->
streaming polyphase resampler -> WAV) against the reference pipeline in Python
(soundfile.read -> mean -> scipy.signal.resample_poly -> soundfile.write) and sox, on one long
stereo 44.1 kHz 16-bit WAV converted to mono 16 kHz float32. Reports CPU time, the ratio
reference / tinyml (> 1 means TinyIO is faster), peak resident memory of each process, and the
largest difference between TinyIO's and scipy's output. CPU time (user + system) is the figure to
compare on a shared machine; wall time is printed too. A benchmark, not a test.

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


def timed(cmd, scratch):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one command, via GNU time
    (the RSS a forked child reports through wait4 would include this Python process)."""
    report = scratch / "time.txt"
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", str(report)] + cmd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode()}")
    rss_kib, user, system = report.read_text().split()[-3:]
    return wall, float(user) + float(system), int(rss_kib) / 1024


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
        results = {name: timed(cmd, tmp) for name, cmd in runs.items()}
        ours, _ = soundfile.read(tmp / "tinyml.wav", dtype="float32")
        ref, _ = soundfile.read(tmp / "scipy.wav", dtype="float32")
        print(f"input: {args.minutes} min stereo 44.1 kHz int16 ({src.stat().st_size / 2**20:.0f} MiB) -> mono 16 kHz float32")
        for name, (wall, cpu, rss) in results.items():
            print(f"{name:7s} CPU {cpu:7.2f} s ({args.minutes * 60 / cpu:6.0f}x real time, CPU/tinyml "
                  f"{cpu / results['tinyml'][1]:6.2f})  wall {wall:7.2f} s  peak RSS {rss:7.0f} MiB")
        print(f"samples: tinyml {ours.size}, scipy {ref.size}; max |tinyml - scipy| = {np.max(np.abs(ours - ref)):.2e}")


if __name__ == "__main__":
    main()
