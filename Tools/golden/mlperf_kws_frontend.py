"""NumPy reference of the MLPerf Tiny KWS front end (DESIGN.md §4, reference-models/SOURCE.md).

The recipe, as MLPerf Tiny's `get_dataset.py` / `kws_util.py` define it with TF ops, re-done in NumPy:
  x / max(x) (the maximum, not the absolute maximum); periodic Hann 480, hop 320, 49 frames, no end
  padding; |rfft(frame, 512)|; 40 mel bands, HTK mel scale over 20-4000 Hz with
  `tf.signal.linear_to_mel_weight_matrix` semantics (triangles in the mel domain, DC bin weight 0);
  log(mel + 1e-6); DCT-II x 2/sqrt(2*40) (= tf.signal.mfccs_from_log_mel_spectrograms), first 10;
  round(v / 0.5847029) + 83 clipped to int8 (round half to even, as numpy).

Usable as a module (`features(waveform) -> int8 [49, 10]`) and as a script:
  .venv/bin/python Tools/golden/mlperf_kws_frontend.py MANIFEST.csv --split test --out FILE.npz [--accuracy]
writes x (N, 49, 10) int8, y (N,) MLPerf label index, files (N,); with --accuracy it also runs the
MLPerf reference model through LiteRT (BUILTIN_REF) and prints top-1 accuracy.
"""
import argparse
import csv
import pathlib

import numpy as np

SAMPLE_RATE = 16000
FRAME, HOP, FFT, FRAMES = 480, 320, 512, 49
MEL_BANDS, FMIN, FMAX, MFCCS = 40, 20.0, 4000.0, 10
SCALE, ZERO_POINT = 0.5847029, 83
LABELS = ["down", "go", "left", "no", "off", "on", "right", "stop", "up", "yes", "_silence_", "_unknown_"]


def hz_to_mel(f):
    return 1127.0 * np.log1p(np.asarray(f, dtype=np.float64) / 700.0)


def tf_mel_matrix(bands=MEL_BANDS, bins=FFT // 2 + 1, rate=SAMPLE_RATE, fmin=FMIN, fmax=FMAX):
    """`tf.signal.linear_to_mel_weight_matrix`: [bins, bands], bin 0 (DC) weighted 0."""
    hz = np.linspace(0.0, rate / 2.0, bins)[1:]
    mel = hz_to_mel(hz)
    edges = np.linspace(hz_to_mel(fmin), hz_to_mel(fmax), bands + 2)
    lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
    m = mel[:, None]
    w = np.maximum(0.0, np.minimum((m - lower) / (center - lower), (upper - m) / (upper - center)))
    return np.vstack([np.zeros((1, bands)), w]).astype(np.float32)


def dct2_matrix(n=MEL_BANDS, k=MFCCS):
    """DCT-II basis scaled by 2/sqrt(2n), [n, k] (tf.signal.mfccs_from_log_mel_spectrograms)."""
    i = np.arange(n)[:, None]
    j = np.arange(k)[None, :]
    return (2.0 * np.cos(np.pi * (2 * i + 1) * j / (2.0 * n)) / np.sqrt(2.0 * n)).astype(np.float32)


def features_float(x):
    """MFCCs [49, 10] (float32) of one 1 s clip of 16 kHz samples (any scale)."""
    x = np.asarray(x, dtype=np.float32)
    if len(x) < SAMPLE_RATE:
        x = np.pad(x, (0, SAMPLE_RATE - len(x)))
    x = x[:SAMPLE_RATE]
    peak = np.max(x)
    x = x / peak if peak != 0 else x
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(FRAME) / FRAME)).astype(np.float32)
    frames = np.stack([x[i * HOP: i * HOP + FRAME] * window for i in range(FRAMES)])
    magnitude = np.abs(np.fft.rfft(frames, FFT)).astype(np.float32)
    mel = magnitude @ tf_mel_matrix()
    return np.log(mel + 1e-6) @ dct2_matrix()


def quantize(v):
    return np.clip(np.round(v / SCALE) + ZERO_POINT, -128, 127).astype(np.int8)


def features(x):
    """Int8 model input [49, 10] of one clip."""
    return quantize(features_float(x))


def main():
    import soundfile as sf

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("manifest")
    p.add_argument("--split", default=None)
    p.add_argument("--out", default=None)
    p.add_argument("--accuracy", action="store_true")
    a = p.parse_args()
    root = pathlib.Path(a.manifest).parent
    rows = [r for r in csv.DictReader(open(a.manifest)) if a.split is None or r["split"] == a.split]
    rows = [r for r in rows if r["split"] != "noise"]
    x = np.stack([features(sf.read(root / r["file"], dtype="float32")[0]) for r in rows])
    y = np.array([LABELS.index(r["label"]) for r in rows], dtype=np.int64)
    if a.out:
        np.savez(a.out, x=x, y=y, files=np.array([r["file"] for r in rows]))
    print(f"{len(rows)} clips")
    if a.accuracy:
        from ai_edge_litert.interpreter import Interpreter, OpResolverType

        model = pathlib.Path(__file__).resolve().parents[3] / "shared/reference-models/kws/kws_ref_model.tflite"
        it = Interpreter(model_path=str(model), experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
        it.allocate_tensors()
        i, o = it.get_input_details()[0]["index"], it.get_output_details()[0]["index"]
        correct = 0
        for xi, yi in zip(x, y):
            it.set_tensor(i, xi.reshape(1, 49, 10, 1))
            it.invoke()
            correct += int(np.argmax(it.get_tensor(o)[0]) == yi)
        print(f"MLPerf reference model top-1: {correct}/{len(y)} = {100.0 * correct / len(y):.2f} %")


if __name__ == "__main__":
    main()
