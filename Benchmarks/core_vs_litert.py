"""Per-inference latency: TinyMLSuite core vs LiteRT's three CPU paths, one thread, one run.

Times the MLPerf Tiny KWS and AD reference models with LiteRT BUILTIN_REF (reference kernels),
BUILTIN_WITHOUT_DEFAULT_DELEGATES (optimized built-in kernels) and BUILTIN (XNNPACK delegate),
all with num_threads=1, and the core's release build (`tinyml bench --json`), then prints medians
and the ratios LiteRT / core (> 1 means the core is faster). A benchmark, not a test.

Run from the repository root:
  swift build -c release --scratch-path .build-core-rel --product tinyml
  # optional: the same code compiled for AVX2 hosts (LiteRT's x86 kernels pick AVX2 at run time)
  swift build -c release --scratch-path .build-core-avx --product tinyml -Xswiftc -target-cpu -Xswiftc haswell
  .venv/bin/python Benchmarks/core_vs_litert.py [--iterations N]
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
from ai_edge_litert.interpreter import Interpreter, OpResolverType

ROOT = pathlib.Path(__file__).resolve().parents[1]
MODELS = {
    "kws": ROOT.parent / "shared" / "reference-models" / "kws" / "kws_ref_model.tflite",
    "ad": ROOT.parent / "shared" / "reference-models" / "anomaly" / "ad01_int8.tflite",
}
RESOLVERS = [
    ("litert_ref", OpResolverType.BUILTIN_REF),
    ("litert_opt", OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES),
    ("litert_xnnpack", OpResolverType.BUILTIN),
]


def time_litert(path, resolver, iterations, warmup=50):
    it = Interpreter(model_path=str(path), experimental_op_resolver_type=resolver, num_threads=1)
    it.allocate_tensors()
    d = it.get_input_details()[0]
    rng = np.random.default_rng(0)
    it.set_tensor(d["index"], rng.integers(-128, 128, d["shape"]).astype(d["dtype"]))
    for _ in range(warmup):
        it.invoke()
    samples = []
    for _ in range(iterations):
        t0 = time.perf_counter_ns()
        it.invoke()
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    return statistics.median(samples)


def time_core(binary, path, iterations):
    out = subprocess.run([str(binary), "bench", str(path), "--iterations", str(iterations), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])["median_ms"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--binary", default=str(ROOT / ".build-core-rel" / "release" / "tinyml"))
    parser.add_argument("--avx-binary", default=str(ROOT / ".build-core-avx" / "release" / "tinyml"),
                        help="optional build with -target-cpu haswell; its column is shown when it exists")
    args = parser.parse_args()
    if not pathlib.Path(args.binary).exists():
        raise SystemExit(f"missing {args.binary}: swift build -c release --scratch-path .build-core-rel --product tinyml")
    avx = pathlib.Path(args.avx_binary) if pathlib.Path(args.avx_binary).exists() else None
    print(f"median ms per inference, 1 thread, {args.iterations} runs each")
    print(f"{'model':6} {'core':>9} {'core-avx2':>9} " + " ".join(f"{n:>15}" for n, _ in RESOLVERS)
          + "   ratios LiteRT / core (core-avx2)")
    for name, path in MODELS.items():
        if not path.exists():
            print(f"{name}: {path} missing, skipped")
            continue
        core = time_core(args.binary, path, args.iterations)
        core_avx = time_core(avx, path, args.iterations) if avx else float("nan")
        lite = [time_litert(path, r, args.iterations) for _, r in RESOLVERS]
        ratios = " ".join(f"{n.split('_', 1)[1]} {t / core:.2f}x ({t / core_avx:.2f}x)"
                          for (n, _), t in zip(RESOLVERS, lite))
        print(f"{name:6} {core:9.4f} {core_avx:9.4f} " + " ".join(f"{t:15.4f}" for t in lite) + f"   {ratios}")


if __name__ == "__main__":
    main()
