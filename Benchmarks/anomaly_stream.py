"""Streaming motor-anomaly monitor throughput and memory: `anomaly-monitor stream` (release build)
reading a long raw s16le stream on stdin (12 kHz, synthetic bearing vibration: normal, then a
fault for the last minute), against a NumPy reference of the same per-window computation (block-
wise: periodic Hann 1024 / hop 512, power FFT, crest factor, kurtosis, 40 ln band energies 0-5 kHz,
per-feature z-scores learned on the first 3 s, mean squared z). Each at two stream lengths, to
show that peak memory does not grow with the stream. Reports windows per second of CPU time
(user + system), the ratio to the reference (> 1: the monitor is faster), real-time factor and peak
RSS (GNU time). A benchmark, not a test.

Run from the repository root:
  swift build -c release --product anomaly-monitor --scratch-path .build-rel
  /work/main/.venv/bin/python Benchmarks/anomaly_stream.py [--minutes 10 60] \
      [--monitor .build-rel/release/anomaly-monitor]
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
RATE = 12000
REFERENCE = r"""
import sys, numpy as np
N, HOP, RATE = 1024, 512, 12000
win = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / N)).astype(np.float32)
f = np.arange(N // 2 + 1) * RATE / N
edges = np.linspace(0, 5000, 41)
band = np.searchsorted(edges, f, side="right") - 1
band[f == 5000] = 39
keep = (band >= 0) & (band < 40)
onehot = np.zeros((N // 2 + 1, 40), np.float32)
onehot[np.nonzero(keep)[0], band[keep]] = 1
def features(frames):
    rms = np.sqrt((frames.astype(np.float64) ** 2).mean(1))
    crest = np.abs(frames).max(1) / np.maximum(rms, 1e-30)
    c = frames - frames.mean(1, keepdims=True)
    m2 = (c ** 2).mean(1); kurt = (c ** 4).mean(1) / np.maximum(m2 ** 2, 1e-30)
    power = np.abs(np.fft.rfft(frames * win, axis=1)) ** 2
    return np.column_stack([crest, kurt, np.log(power @ onehot + 1e-12)])
scale = float(sys.argv[1]); learn = int(3 * RATE)
buf = np.zeros(0, np.float32); mean = var = None; learned = []; windows = 0; over = 0
while True:
    raw = sys.stdin.buffer.read(RATE * 2 * 10)
    if not raw: break
    buf = np.concatenate([buf, np.frombuffer(raw, "<i2").astype(np.float32) * scale])
    n = 0 if len(buf) < N else (len(buf) - N) // HOP + 1
    if n == 0: continue
    frames = np.lib.stride_tricks.sliding_window_view(buf, N)[::HOP][:n]
    x = features(frames); buf = buf[n * HOP:]
    if mean is None:
        learned.append(x)
        seen = sum(len(a) for a in learned)
        if seen * HOP + N < learn: continue
        allx = np.concatenate(learned); mean, var = allx.mean(0), np.maximum(allx.var(0, ddof=1), 1e-4)
        x = x[:0]
    s = ((x - mean) ** 2 / var).mean(1); windows += len(s); over += int((s > 2.5).sum())
print(windows, over)
"""


def make_stream(path, minutes):
    """Synthetic s16le vibration (as Tests/MotorAnomalyTests/SyntheticVibration.swift), written in
    one-minute blocks; the last minute carries a 105 Hz impulse train ringing a 3 kHz resonance."""
    rng = np.random.default_rng(0)
    with open(path, "wb") as f:
        for m in range(minutes):
            t = (np.arange(60 * RATE) + m * 60 * RATE) / RATE
            x = 0.05 * np.sin(2 * np.pi * 29.2 * t) + 0.02 * np.sin(2 * np.pi * 60 * t + 0.3) + 0.03 * rng.standard_normal(t.size)
            if m == minutes - 1:
                since = np.mod(t - t[0], 1 / 105)
                x += 0.4 * np.exp(-since / 0.002) * np.sin(2 * np.pi * 3000 * since)
            f.write(np.clip(np.round(x / 2e-5), -32768, 32767).astype("<i2").tobytes())


def timed(cmd, stdin_path, scratch):
    """Wall seconds, CPU seconds (user + system), peak RSS (MiB) and stdout of one command."""
    report = scratch / "time.txt"
    start = time.perf_counter()
    with open(stdin_path, "rb") as stdin:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", str(report)] + cmd,
                              stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 2, 3):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    rss_kib, user, system = report.read_text().split()[-3:]
    return wall, float(user) + float(system), int(rss_kib) / 1024, proc.stdout.decode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, nargs="+", default=[10, 60])
    ap.add_argument("--monitor", default=str(ROOT / ".build-rel" / "release" / "anomaly-monitor"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for minutes in args.minutes:
            stream = tmp / f"stream{minutes}.s16le"
            make_stream(stream, minutes)
            windows = (minutes * 60 * RATE - 1024) // 512 + 1
            ours = timed([args.monitor, "stream", "--pipeline", str(ROOT / "Pipelines" / "anomaly"), "--format", "s16le",
                          "--rate", str(RATE), "--scale", "2e-5", "--learn", "3", "--json"], stream, tmp)
            summary = ours[3].strip().splitlines()[-1]
            ref = timed([sys.executable, "-c", REFERENCE, "2e-5"], stream, tmp)
            print(f"{minutes} min stream ({windows} windows, {stream.stat().st_size / 2**20:.0f} MiB s16le):")
            for name, (wall, cpu, rss, _) in (("anomaly-monitor", ours), ("numpy ref", ref)):
                print(f"  {name:15s} {windows / cpu:9.0f} windows/s CPU ({minutes * 60 / cpu:6.0f}x real time), "
                      f"CPU {cpu:6.2f} s, wall {wall:6.2f} s, peak RSS {rss:6.1f} MiB")
            print(f"  ratio monitor/reference windows per CPU second: {ref[1] / ours[1]:.2f}")
            print(f"  monitor summary: {summary}")


if __name__ == "__main__":
    main()
