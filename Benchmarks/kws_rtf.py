"""Keyword-spotting real-time factor and peak memory: `kws-demo` (release build) on 10 and 60
minutes of 16 kHz audio, against a NumPy + LiteRT reference of the same per-window computation
run in the same invocation. A benchmark, not a test.

The audio: SampleData/kws/yes_no.wav and commands.wav (resampled to 16 kHz by sox) joined and
repeated to length, 16-bit mono WAV in a temporary directory. `kws-demo` streams it (TinyIO
blocks, frames computed once and reused by the 5 overlapping windows each one belongs to, int8
core). The reference reads the same WAV in blocks (soundfile), and for every 1 s window (0.2 s
stride) recomputes the MLPerf front end from scratch (Tools/golden/mlperf_kws_frontend.py, NumPy)
and runs the model in LiteRT on one thread, twice: with its default kernels (XNNPACK, AVX-512 here)
and with BUILTIN_REF, the reference kernels the Swift core is bit-exact with; it does no smoothing.
Both run under GNU time (`/usr/bin/time -v`): wall and CPU seconds, real-time factor
(CPU seconds / audio seconds; < 1 is faster than real time) and peak RSS. Peak RSS at 10 vs 60
minutes shows that memory does not grow with the input.

Run from the repository root:
  swift build -c release --product kws-demo
  /work/main/.venv/bin/python Benchmarks/kws_rtf.py [--minutes 10 60] [--demo .build/release/kws-demo]
"""
import argparse
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
REFERENCE = r"""
import sys, numpy as np, soundfile as sf
sys.path.insert(0, sys.argv[3])
import mlperf_kws_frontend as fe
from ai_edge_litert.interpreter import Interpreter, OpResolverType
kernels = OpResolverType.BUILTIN_REF if sys.argv[4] == "ref" else OpResolverType.AUTO
it = Interpreter(model_path=sys.argv[2], num_threads=1, experimental_op_resolver_type=kernels)
it.allocate_tensors()
i, o = it.get_input_details()[0]["index"], it.get_output_details()[0]["index"]
WINDOW, STRIDE = 16000, 3200
buf = np.zeros(0, np.float32)
windows = 0
for block in sf.blocks(sys.argv[1], blocksize=65536, dtype="float32"):
    buf = np.concatenate([buf, block])
    start = 0
    while start + WINDOW <= len(buf):
        it.set_tensor(i, fe.features(buf[start:start + WINDOW]).reshape(1, 49, 10, 1))
        it.invoke()
        windows += 1
        start += STRIDE
    buf = buf[start:]
print(windows, "windows")
"""


def timed(cmd):
    """Runs `cmd` under GNU time; returns (stdout, wall s, cpu s, peak RSS MiB)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, check=True)
    field = lambda name: re.search(rf"{name}: (.+)", r.stderr).group(1).strip()
    wall = field(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)").split(":")
    wall_s = sum(float(x) * 60 ** k for k, x in enumerate(reversed(wall)))
    cpu = float(field("User time \\(seconds\\)")) + float(field("System time \\(seconds\\)"))
    return r.stdout, wall_s, cpu, int(field(r"Maximum resident set size \(kbytes\)")) / 1024


def make_audio(directory, minutes):
    base = directory / "base.wav"
    if not base.exists():
        commands = directory / "commands16k.wav"
        subprocess.run(["sox", "-R", str(ROOT / "SampleData/kws/commands.wav"), "-r", "16000", str(commands)], check=True)
        subprocess.run(["sox", "-R", str(ROOT / "SampleData/kws/yes_no.wav"), str(commands), str(base)], check=True)
    seconds = float(subprocess.run(["soxi", "-D", str(base)], capture_output=True, text=True, check=True).stdout)
    out = directory / f"kws_{minutes}min.wav"
    repeats = int(minutes * 60 / seconds) + 1
    subprocess.run(["sox", "-R", str(base), str(out), "repeat", str(repeats - 1), "trim", "0", str(minutes * 60)], check=True)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=int, nargs="+", default=[10, 60])
    p.add_argument("--demo", default=str(ROOT / ".build/release/kws-demo"))
    p.add_argument("--pipeline", default=str(ROOT / "Pipelines/kws"))
    a = p.parse_args()
    model = str(pathlib.Path(a.pipeline) / "kws_dscnn_int8.tflite")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        print(f"{'audio':>8} {'program':<20} {'wall s':>8} {'CPU s':>8} {'RTF (CPU)':>10} {'peak RSS MiB':>13}  output")
        for minutes in a.minutes:
            audio = make_audio(tmp, minutes)
            seconds = minutes * 60
            out, wall, cpu, rss = timed([a.demo, str(audio), "--pipeline", a.pipeline])
            print(f"{minutes:>5} min {'kws-demo':<20} {wall:8.2f} {cpu:8.2f} {cpu / seconds:10.5f} {rss:13.1f}  {len(out.splitlines())} detections")
            for kernels, name in (("auto", "numpy+LiteRT XNNPACK"), ("ref", "numpy+LiteRT REF")):
                ref_out, ref_wall, ref_cpu, ref_rss = timed([sys.executable, "-c", REFERENCE, str(audio), model,
                                                             str(ROOT / "Tools/golden"), kernels])
                print(f"{minutes:>5} min {name:<20} {ref_wall:8.2f} {ref_cpu:8.2f} {ref_cpu / seconds:10.5f} {ref_rss:13.1f}  "
                      f"{ref_out.strip()}; CPU ratio to kws-demo {ref_cpu / cpu:.2f}, RSS ratio {ref_rss / rss:.2f}")


if __name__ == "__main__":
    main()
