"""Golden vectors for the wildlife pipeline's tests, from reference tools (numpy, librosa, LiteRT).

Writes to Tests/WildlifeSoundsTests/Fixtures/:
- golden_signal.wav: 1.2 s at 16 kHz, 16-bit PCM: a 600→3000 Hz chirp with 5 Hz AM over white
  noise (numpy seed 7);
- golden_logmel.f32: librosa log-mel frames of that file as soundfile reads it, [T, 32] float32
  little-endian: `librosa.stft(center=False, window='hann')` (periodic Hann 1024, hop 512),
  power, `librosa.filters.mel(htk=True, norm=None)` 32 bands 50-8000 Hz, `ln(mel + 1e-6)` —
  the spec in Pipelines/wildlife/pipeline.json;
- golden_input.i8: two int8 model inputs [2, 32, 32] — the windows starting at frames 0 and 4,
  quantised with the model input's scale and zero point (numpy round half to even);
- golden_output.i8: LiteRT BUILTIN_REF int8 outputs [2, 12] of the committed model for them.

Run after every retraining (the outputs depend on the model):
  .venv/bin/python Pipelines/wildlife/train/make_golden.py
"""
import json
import pathlib

import librosa
import numpy as np
import soundfile as sf
from ai_edge_litert.interpreter import Interpreter, OpResolverType

ROOT = pathlib.Path(__file__).resolve().parents[3]
PIPELINE = ROOT / "Pipelines/wildlife"
OUT = ROOT / "Tests/WildlifeSoundsTests/Fixtures"


def main():
    pipeline = json.loads((PIPELINE / "pipeline.json").read_text())
    spec = pipeline["features"]
    rate, n_fft, hop = spec["sampleRate"], spec["frame"]["fftSize"], spec["frame"]["hop"]
    mel = spec["features"]
    OUT.mkdir(parents=True, exist_ok=True)

    rng = np.random.default_rng(7)
    t = np.arange(int(1.2 * rate)) / rate
    chirp = np.sin(2 * np.pi * (600 * t + (3000 - 600) * t * t / (2 * 1.2))) * (0.6 + 0.4 * np.sin(2 * np.pi * 5 * t))
    signal = 0.3 * chirp + 0.02 * rng.standard_normal(len(t))
    sf.write(OUT / "golden_signal.wav", signal, rate, subtype="PCM_16")
    y, _ = sf.read(OUT / "golden_signal.wav", dtype="float32")

    power = np.abs(librosa.stft(y, n_fft=n_fft, hop_length=hop, win_length=spec["frame"]["length"], window="hann",
                                center=False)) ** 2
    bank = librosa.filters.mel(sr=rate, n_fft=n_fft, n_mels=mel["bands"], fmin=mel["minHz"], fmax=mel["maxHz"],
                               htk=True, norm=None)
    logmel = np.log(bank @ power + spec["log"]["epsilon"]).T.astype(np.float32)
    logmel.astype("<f4").tofile(OUT / "golden_logmel.f32")

    model = (PIPELINE / pipeline["model"]).read_bytes()
    interp = Interpreter(model_content=model, experimental_op_resolver_type=OpResolverType.BUILTIN_REF)
    interp.allocate_tensors()
    inp, outp = interp.get_input_details()[0], interp.get_output_details()[0]
    scale, zero = inp["quantization"]
    width = spec["framesPerInput"]
    inputs, outputs = [], []
    for start in (0, 4):
        q = np.clip(np.round(logmel[start:start + width] / scale) + zero, -128, 127).astype(np.int8)
        interp.set_tensor(inp["index"], q[None, :, :, None])
        interp.invoke()
        inputs.append(q)
        outputs.append(interp.get_tensor(outp["index"])[0])
    np.stack(inputs).tofile(OUT / "golden_input.i8")
    np.stack(outputs).astype(np.int8).tofile(OUT / "golden_output.i8")
    print(f"{logmel.shape[0]} frames; outputs {np.stack(outputs).tolist()}")


if __name__ == "__main__":
    main()
