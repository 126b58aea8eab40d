"""Golden vectors for TinyIO's PolyphaseResampler and AudioStream, from scipy.signal.resample_poly.

For each rate pair: a deterministic test signal (float32 values: tones below and above the
output Nyquist, seeded white noise, a step) resampled with `resample_poly(x, up, down)` at its
defaults (Kaiser beta 5.0, half-length 10*max(up, down), zero padding) in float64. Also the default
filter taps for 20000->12000 (3/5), and a stereo 44.1 kHz int16 WAV written with Python's own `wave`
module with the mono 16 kHz float reference of mean-of-channels then resample_poly. Little-endian
float32 outputs (rounded once from float64). Run: /work/main/.venv/bin/python Tools/golden/resample.py
"""
import math
import pathlib
import wave

import numpy as np
from scipy.signal import firwin, resample_poly

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "TinyIOTests" / "Fixtures" / "resample"
PAIRS = [(44100, 16000), (48000, 16000), (8000, 16000), (22050, 16000), (48000, 12000), (20000, 12000),
         (16000, 44100), (11025, 16000)]
N = 1999  # odd, so ceil(N*up/down) is exercised


def signal(rate, n, seed):
    t = np.arange(n) / rate
    rng = np.random.default_rng(seed)
    x = (0.4 * np.sin(2 * np.pi * 440.0 * t)
         + 0.2 * np.sin(2 * np.pi * 0.45 * rate * t)      # near the input Nyquist: must be filtered out when decimating
         + 0.1 * rng.standard_normal(n)
         + 0.2 * (t > t[n // 3]))
    return x.astype(np.float32)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for k, (src, dst) in enumerate(PAIRS):
        g = math.gcd(src, dst)
        up, down = dst // g, src // g
        x = signal(src, N, seed=k)
        y = resample_poly(x.astype(np.float64), up, down)
        x.tofile(OUT / f"in_{src}_{dst}.f32")
        y.astype("<f4").tofile(OUT / f"out_{src}_{dst}.f32")
        print(f"{src}->{dst}: up={up} down={down} in={N} out={len(y)}")
    up, down = 3, 5
    taps = firwin(2 * 10 * 5 + 1, 1.0 / 5, window=("kaiser", 5.0)) * up
    taps.astype("<f8").tofile(OUT / "taps_3_5.f64")

    # Stereo 44.1 kHz 16-bit WAV through Python's wave module (not libsndfile).
    n = 2205
    left = np.round(signal(44100, n, seed=100) * 20000).astype(np.int16)
    right = np.round(signal(44100, n, seed=101) * -15000).astype(np.int16)
    frames = np.stack([left, right], axis=1)
    with wave.open(str(OUT / "stereo_44100.wav"), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(frames.astype("<i2").tobytes())
    mono = frames.astype(np.float64).mean(axis=1) / 32768.0
    resample_poly(mono, 160, 441).astype("<f4").tofile(OUT / "stereo_44100_mono_16000.f32")
    frames.astype("<i2").tofile(OUT / "stereo_44100.s16")


if __name__ == "__main__":
    main()
