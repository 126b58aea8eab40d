"""One hour of 16 kHz audio through the MLPerf Tiny KWS front end: Swift vs librosa vs
python_speech_features, one core, reported as ratios. A benchmark, not a test.

The work (as `FeatureSpec` preset `mlperf-kws`): 3,600 consecutive 1 s clips, each x / max(x),
49 frames of periodic Hann 480 / hop 320, |FFT 512|, 40 HTK mel bands 20-4000 Hz, ln(+1e-6),
DCT-II, 10 coefficients.
- Swift: `features-bench` (release), streaming the hour in hop-sized chunks (320 samples, as a device
  would) through the FFTW extractor and through the portable-FFT front end.
- librosa, warm (a first call on a short clip compiles/caches first): batched over the (3600, 16000)
  array — stft(center=False) magnitude, melspectrogram(htk, norm=None), log, mfcc(norm=None) x 1/sqrt(80).
- python_speech_features.mfcc per clip (winfunc periodic Hann, preemph 0, ceplifter 0, no energy;
  note it frames with end padding: 50 frames per clip, and uses power / NFFT).
Timings are thread CPU seconds (the machine is shared, so wall time would count other processes),
with every library pinned to one thread (OMP/OpenBLAS/MKL = 1, taskset core 0). The tools run
interleaved for --rounds rounds, so load that comes and goes on this shared machine hits all of
them alike. Per round: Swift, the faster of two runs in one process; librosa, one untimed run
(the first after other work pays ~1 s of page faults for its hour-sized arrays) then the faster
of two warm runs; python_speech_features, one run. Printed: each tool's min and median over the
rounds (with the runs), and the ratios min/min and median/median.

Run from the repository root:
  swift build -c release --scratch-path .build-rel --product features-bench
  # optional: the same code for AVX2 hosts (numpy and FFTW pick AVX2/AVX-512 kernels at run time)
  swift build -c release --scratch-path .build-rel-avx --product features-bench -Xswiftc -target-cpu -Xswiftc haswell
  /work/main/.venv/bin/python Benchmarks/features_vs_librosa.py [--rounds 7]
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ[var] = "1"
import numpy as np  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
RATE, CLIP, HOUR = 16000, 16000, 3600


def hour_of_audio():
    """3600 s: the KWS dataset's clips end to end (repeated) if present, else seeded noise + tones."""
    import csv
    manifest = ROOT.parent / "shared/datasets/kws/MANIFEST.csv"
    if manifest.exists():
        import soundfile as sf
        rows = [r for r in csv.DictReader(open(manifest)) if r["split"] != "noise"][:400]
        clips = [np.pad(sf.read(manifest.parent / r["file"], dtype="float32")[0], (0, CLIP))[:CLIP] for r in rows]
        x = np.concatenate([clips[i % len(clips)] for i in range(HOUR)])
        return x.astype(np.float32), f"{len(clips)} KWS clips repeated"
    rng = np.random.default_rng(7)
    t = np.arange(RATE * HOUR) / RATE
    return (0.1 * rng.standard_normal(len(t)) + 0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), "synthetic"


def cpu_seconds(fn):
    t0 = time.thread_time()
    fn()
    return time.thread_time() - t0


def summary(runs):
    """min and median of a list of seconds (rounded), with the runs themselves."""
    ordered = sorted(runs)
    return {"min": round(ordered[0], 4), "median": round(statistics.median(ordered), 4),
            "runs": [round(r, 4) for r in runs]}


def ratio(numerator, denominator):
    """numerator / denominator for the min and for the median of two summaries."""
    return {k: round(numerator[k] / denominator[k], 2) for k in ("min", "median")}


def librosa_mfcc(x):
    import librosa
    clips = x.reshape(-1, CLIP)
    peak = clips.max(axis=1, keepdims=True)
    clips = clips / np.where(peak == 0, 1, peak)
    S = np.abs(librosa.stft(clips, n_fft=512, hop_length=320, win_length=480, window="hann", center=False))
    mel = librosa.feature.melspectrogram(S=S, sr=RATE, n_fft=512, n_mels=40, fmin=20.0, fmax=4000.0, htk=True, norm=None)
    return librosa.feature.mfcc(S=np.log(mel + 1e-6), n_mfcc=10, norm=None) / np.sqrt(80.0)


def psf_mfcc(x):
    import python_speech_features as psf
    window = lambda n: 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(n) / n)  # noqa: E731
    out = []
    for clip in x.reshape(-1, CLIP):
        peak = clip.max()
        clip = clip / peak if peak != 0 else clip
        out.append(psf.mfcc(clip, samplerate=RATE, winlen=0.03, winstep=0.02, numcep=10, nfilt=40, nfft=512, lowfreq=20,
                            highfreq=4000, preemph=0, ceplifter=0, appendEnergy=False, winfunc=window))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5, help="interleaved rounds (one run of each tool per round)")
    p.add_argument("--binary", default=str(ROOT / ".build-rel/release/features-bench"))
    p.add_argument("--binary-avx2", default=str(ROOT / ".build-rel-avx/release/features-bench"))
    a = p.parse_args()
    try:
        os.sched_setaffinity(0, {0})
    except (AttributeError, OSError):
        pass
    x, source = hour_of_audio()
    binaries = {"swift": a.binary}
    if pathlib.Path(a.binary_avx2).exists():
        binaries["swift_avx2"] = a.binary_avx2
    runs = {name: {"fftw": [], "portable": []} for name in binaries}
    runs_librosa, runs_psf = [], []
    inputs = None
    with tempfile.NamedTemporaryFile(suffix=".f32") as f:
        x.tofile(f)
        f.flush()
        librosa_mfcc(x[: 4 * CLIP])  # warm-up: imports, FFT plan caches, numba JIT
        psf_mfcc(x[: 4 * CLIP])
        for _ in range(a.rounds):
            for name, binary in binaries.items():
                cmd = ["taskset", "-c", "0", binary, f.name, "mlperf-kws", "--repeats", "2"]
                r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
                runs[name]["fftw"].append(r["fftw_seconds"])
                runs[name]["portable"].append(r["portable_seconds"])
                inputs = r["fftw_inputs"]
            # librosa's first run after other work spends ~1 s more in page faults (its hour-sized
            # arrays come back from the kernel); the faster of the two runs after it is warm.
            cpu_seconds(lambda: librosa_mfcc(x))
            runs_librosa.append(min(cpu_seconds(lambda: librosa_mfcc(x)) for _ in range(2)))
            runs_psf.append(cpu_seconds(lambda: psf_mfcc(x)))
    librosa_s, psf_s = summary(runs_librosa), summary(runs_psf)
    result = {"audio": f"{len(x) / RATE:.0f} s ({source})", "inputs": inputs, "rounds": a.rounds,
              "librosa_warm_s": librosa_s, "python_speech_features_s": psf_s}
    for name in binaries:
        fftw, portable = summary(runs[name]["fftw"]), summary(runs[name]["portable"])
        result[f"{name}_fftw_s"] = fftw
        result[f"{name}_portable_s"] = portable
        result[f"librosa_over_{name}_fftw"] = ratio(librosa_s, fftw)
        result[f"librosa_over_{name}_portable"] = ratio(librosa_s, portable)
        result[f"psf_over_{name}_fftw"] = ratio(psf_s, fftw)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
