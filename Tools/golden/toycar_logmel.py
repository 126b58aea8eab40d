"""Golden log-mel frames for the audio anomaly pipeline (Pipelines/anomaly/audio/pipeline.json).

The MLPerf Tiny AD (DCASE 2020 task 2) front end, as its common.py computes it:
  librosa.feature.melspectrogram(y, sr=16000, n_fft=1024, hop_length=512, n_mels=128, power=2.0)
  then 20/power * log10(mel + sys.float_info.epsilon).
Here with center=False, so frame t starts at sample t*512 as in the streaming extractor (librosa's
default center=True only pads by n_fft/2 and shifts the frames).

Input: 0.5 s of a deterministic signal at 16 kHz (two tones, a chirp and white noise) written as
raw little-endian float32. Output: the frames (float32, frame-major, 128 per frame).
Run: /work/main/.venv/bin/python Tools/golden/toycar_logmel.py
"""
import pathlib
import sys

import librosa
import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests" / "MotorAnomalyTests" / "Fixtures"

rng = np.random.default_rng(7)
sr = 16000
t = np.arange(8000) / sr
y = (0.3 * np.sin(2 * np.pi * 440 * t) + 0.1 * np.sin(2 * np.pi * 3150 * t)
     + 0.2 * np.sin(2 * np.pi * (200 + 4000 * t) * t) + 0.05 * rng.standard_normal(len(t))).astype(np.float32)
mel = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=1024, hop_length=512, n_mels=128, power=2.0, center=False)
logmel = (10.0 * np.log10(mel + sys.float_info.epsilon)).T.astype(np.float32)
OUT.mkdir(parents=True, exist_ok=True)
y.astype("<f4").tofile(OUT / "toycar_logmel_input.f32")
logmel.astype("<f4").tofile(OUT / "toycar_logmel_frames.f32")
print(f"{len(y)} samples -> {logmel.shape[0]} frames x {logmel.shape[1]} (min {logmel.min():.2f} dB, max {logmel.max():.2f} dB)")
