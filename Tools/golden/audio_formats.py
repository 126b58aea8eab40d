"""Fixtures for TinyIO's readers beyond 16-bit WAV, with references computed in NumPy/SciPy.

- `three_channel_8000_24bit.wav`: 3 channels, 24-bit PCM, 8 kHz, written with Python's own `wave`
  module (not libsndfile); `three_channel_8000_mono_16000.f32` is `resample_poly(mean(x / 2^23, axis=1), 2, 1)`
  in float64, rounded to float32 once.
- `stereo_44100.ogg`: the stereo WAV of resample.py encoded to Ogg Vorbis by `soundfile` (lossy), and
  `stereo_44100_ogg_decoded.f32`: what `soundfile.read(..., dtype='float32')` decodes from it (interleaved).
Run after resample.py: /work/main/.venv/bin/python Tools/golden/audio_formats.py
"""
import pathlib
import wave

import numpy as np
import soundfile
from scipy.signal import resample_poly

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Tests" / "TinyIOTests" / "Fixtures" / "formats"
WAV = ROOT / "Tests" / "TinyIOTests" / "Fixtures" / "resample" / "stereo_44100.wav"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    n = 800
    t = np.arange(n) / 8000.0
    rng = np.random.default_rng(7)
    channels = [0.5 * np.sin(2 * np.pi * 300 * t), 0.3 * np.sin(2 * np.pi * 3500 * t),
                0.2 * rng.standard_normal(n).clip(-4, 4) / 4]
    x = np.round(np.stack(channels, axis=1) * (2 ** 23 - 1)).astype(np.int32)
    raw = x.astype("<i4").view(np.uint8).reshape(n, 3, 4)[:, :, :3].tobytes()  # little-endian 24-bit
    with wave.open(str(OUT / "three_channel_8000_24bit.wav"), "wb") as w:
        w.setnchannels(3)
        w.setsampwidth(3)
        w.setframerate(8000)
        w.writeframes(raw)
    mono = (x.astype(np.float64) / 2 ** 23).mean(axis=1)
    resample_poly(mono, 2, 1).astype("<f4").tofile(OUT / "three_channel_8000_mono_16000.f32")

    with wave.open(str(WAV), "rb") as w:
        frames = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").reshape(-1, 2)
    soundfile.write(str(OUT / "stereo_44100.ogg"), frames.astype(np.float64) / 32768, 44100,
                    format="OGG", subtype="VORBIS")
    decoded, _ = soundfile.read(str(OUT / "stereo_44100.ogg"), dtype="float32")
    decoded.astype("<f4").tofile(OUT / "stereo_44100_ogg_decoded.f32")


if __name__ == "__main__":
    main()
