"""One hour of 16 kHz audio through the MLPerf Tiny KWS front end: Swift vs librosa vs
python_speech_features, one core, one run, reported as ratios. A benchmark, not a test.

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
best of --repeats, with every library pinned to one thread (OMP/OpenBLAS/MKL = 1, taskset core 0).

Run from the repository root:
  swift build -c release --scratch-path .build-rel --product features-bench
  # optional: the same code for AVX2 hosts (numpy and FFTW pick AVX2/AVX-512 kernels at run time)
  swift build -c release --scratch-path .build-rel-avx --product features-bench -Xswiftc -target-cpu -Xswiftc haswell
  /work/main/.venv/bin/python Benchmarks/features_vs_librosa.py [--repeats 3]
"""
import argparse
import json
import os
import pathlib
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


def cpu_best(fn, repeats):
    best = float("inf")
    for _ in range(repeats):
        t0 = time.thread_time()
        fn()
        best = min(best, time.thread_time() - t0)
    return best


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
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--binary", default=str(ROOT / ".build-rel/release/features-bench"))
    p.add_argument("--binary-avx2", default=str(ROOT / ".build-rel-avx/release/features-bench"))
    a = p.parse_args()
    try:
        os.sched_setaffinity(0, {0})
    except (AttributeError, OSError):
        pass
    x, source = hour_of_audio()
    with tempfile.NamedTemporaryFile(suffix=".f32", delete=False) as f:
        x.tofile(f)
        path = f.name
    def swift_run(binary):
        cmd = ["taskset", "-c", "0", binary, path, "mlperf-kws", "--repeats", str(a.repeats)]
        return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)

    try:
        swift = swift_run(a.binary)
        avx2 = swift_run(a.binary_avx2) if pathlib.Path(a.binary_avx2).exists() else None
    finally:
        os.unlink(path)
    librosa_mfcc(x[: 4 * CLIP])  # warm-up: imports, FFT plan caches, numba JIT
    t_librosa = cpu_best(lambda: librosa_mfcc(x), a.repeats)
    psf_mfcc(x[: 4 * CLIP])
    t_psf = cpu_best(lambda: psf_mfcc(x), a.repeats)
    result = {
        "audio": f"{len(x) / RATE:.0f} s ({source})", "inputs": swift["fftw_inputs"],
        "swift_fftw_s": round(swift["fftw_seconds"], 4), "swift_portable_s": round(swift["portable_seconds"], 4),
        "librosa_warm_s": round(t_librosa, 4), "python_speech_features_s": round(t_psf, 4),
        "librosa_over_swift_fftw": round(t_librosa / swift["fftw_seconds"], 2),
        "librosa_over_swift_portable": round(t_librosa / swift["portable_seconds"], 2),
        "psf_over_swift_fftw": round(t_psf / swift["fftw_seconds"], 2),
    }
    if avx2:
        result["swift_fftw_avx2_s"] = round(avx2["fftw_seconds"], 4)
        result["swift_portable_avx2_s"] = round(avx2["portable_seconds"], 4)
        result["librosa_over_swift_fftw_avx2"] = round(t_librosa / avx2["fftw_seconds"], 2)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
