#!/usr/bin/env python3
"""Writes the seed inputs of every fuzz target into Fuzz/corpus/<target>/seed-*: small valid files
and edge cases of each format (Fuzz/minimize-corpus.sh then folds them, with what fuzzing found,
into the committed corpus). Needs numpy and libsndfile; the device-image and baseline seeds need
the built tools (`swift build`: tinyml, anomaly-monitor).

Usage: Fuzz/seeds.py [TARGET...]   (default: all)
"""
import ctypes
import ctypes.util
import glob
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import wave

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "corpus")


def put(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, "seed-" + name), "wb") as f:
        f.write(data)


def copy(target, pattern, limit=1 << 16):
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        data = open(path, "rb").read()
        if len(data) <= limit:
            name = os.path.relpath(path, ROOT).replace("/", "_")
            put(target, name, data)


def sine(frames, channels, rate, amplitude=0.5):
    t = np.arange(frames) / rate
    return np.stack([amplitude * np.sin(2 * math.pi * (440 + 110 * c) * t) for c in range(channels)], axis=1)


# --- audio ------------------------------------------------------------------------------------

class SFInfo(ctypes.Structure):
    _fields_ = [("frames", ctypes.c_int64), ("samplerate", ctypes.c_int), ("channels", ctypes.c_int),
                ("format", ctypes.c_int), ("sections", ctypes.c_int), ("seekable", ctypes.c_int)]


def sndfile_bytes(major, subtype, rate, channels, frames):
    """A file libsndfile writes (None when this libsndfile cannot write that format)."""
    lib = ctypes.CDLL(ctypes.util.find_library("sndfile") or "libsndfile.so.1")
    lib.sf_open.restype = ctypes.c_void_p
    lib.sf_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(SFInfo)]
    lib.sf_writef_float.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int64]
    lib.sf_close.argtypes = [ctypes.c_void_p]
    info = SFInfo(0, rate, channels, major | subtype, 0, 0)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "out").encode()
        handle = lib.sf_open(path, 0x20, ctypes.byref(info))  # SFM_WRITE
        if not handle:
            return None
        samples = np.ascontiguousarray(sine(frames, channels, rate), dtype=np.float32)
        lib.sf_writef_float(handle, samples.ctypes.data, frames)
        lib.sf_close(handle)
        return open(path, "rb").read()


def wav_bytes(width, rate, channels, frames):
    data = io.BytesIO()
    with wave.open(data, "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(width)
        w.setframerate(rate)
        x = sine(frames, channels, rate)
        if width == 1:
            pcm = np.round(x * 127 + 128).astype(np.uint8).tobytes()
        elif width == 3:
            v = np.round(x * 8388607).astype("<i4").tobytes()
            pcm = b"".join(v[i:i + 3] for i in range(0, len(v), 4))
        else:
            pcm = np.round(x * (2 ** (8 * width - 1) - 1)).astype("<i%d" % width).tobytes()
        w.writeframes(pcm)
    return data.getvalue()


def with_data_size(wav, size):
    """The WAV with its data chunk's size field replaced (a truncated file, a placeholder)."""
    at = wav.index(b"data") + 4
    return wav[:at] + struct.pack("<I", size) + wav[at + 4:]


def audio_seeds():
    out = {}
    for width in (1, 2, 3, 4):
        out["wav-%dbit-16000-mono" % (8 * width)] = wav_bytes(width, 16000, 1, 64)
    out["wav-16bit-44100-stereo"] = wav_bytes(2, 44100, 2, 64)
    out["wav-16bit-8000-3ch"] = wav_bytes(2, 8000, 3, 32)
    small = wav_bytes(2, 16000, 1, 100)
    out["wav-truncated"] = with_data_size(small, 8820)
    out["wav-placeholder-ffffffff"] = with_data_size(small, 0xFFFFFFFF)
    out["wav-placeholder-0"] = with_data_size(small, 0)
    out["wav-no-frames"] = wav_bytes(2, 16000, 1, 0)
    out["wav-header-only"] = small[:44]
    out["wav-odd-extra"] = small + b"LIST\x04\x00\x00\x00INFO"
    sf = {"WAV": 0x010000, "AIFF": 0x020000, "AU": 0x030000, "W64": 0x0B0000, "WAVEX": 0x130000, "FLAC": 0x170000,
          "CAF": 0x180000, "OGG": 0x200000, "RF64": 0x220000, "MPEG": 0x230000, "NIST": 0x070000, "IRCAM": 0x0A0000,
          "VOC": 0x080000, "PAF": 0x050000, "SVX": 0x060000, "MAT5": 0x0D0000, "HTK": 0x100000, "AVR": 0x120000}
    sub = {"PCM_S8": 1, "PCM_16": 2, "PCM_24": 3, "PCM_32": 4, "PCM_U8": 5, "FLOAT": 6, "DOUBLE": 7, "ULAW": 0x10,
           "ALAW": 0x11, "IMA_ADPCM": 0x12, "MS_ADPCM": 0x13, "GSM610": 0x20, "VORBIS": 0x60, "OPUS": 0x64,
           "ALAC_16": 0x70, "MPEG_LAYER_III": 0x82}
    combos = [("WAV", s) for s in ("PCM_U8", "FLOAT", "DOUBLE", "ULAW", "ALAW", "IMA_ADPCM", "MS_ADPCM", "GSM610")]
    combos += [("WAVEX", "PCM_16"), ("WAVEX", "FLOAT"), ("AIFF", "PCM_16"), ("AIFF", "PCM_S8"), ("AU", "PCM_16"),
               ("AU", "ULAW"), ("W64", "PCM_16"), ("RF64", "PCM_16"), ("CAF", "PCM_16"), ("CAF", "ALAC_16"),
               ("FLAC", "PCM_16"), ("FLAC", "PCM_24"), ("OGG", "VORBIS"), ("OGG", "OPUS"), ("MPEG", "MPEG_LAYER_III"),
               ("NIST", "PCM_16"), ("IRCAM", "PCM_16"), ("VOC", "PCM_16"), ("PAF", "PCM_16"), ("SVX", "PCM_16"),
               ("MAT5", "FLOAT"), ("HTK", "PCM_16"), ("AVR", "PCM_16")]
    for major, subtype in combos:
        rate = 48000 if subtype == "OPUS" else 16000
        frames = 1200 if major in ("OGG", "MPEG", "FLAC") else 160
        data = sndfile_bytes(sf[major], sub[subtype], rate, 1 if major != "CAF" else 2, frames)
        if data is not None and len(data) <= 16384:
            out["%s-%s" % (major.lower(), subtype.lower())] = data
    for name, data in out.items():
        put("audio-file", name, data)
        put("audio-pipe", name, data)
    copy("audio-file", "Tests/TinyIOTests/Fixtures/formats/*.wav", 16384)
    copy("audio-file", "Tests/TinyIOTests/Fixtures/formats/*.ogg", 16384)
    copy("audio-pipe", "Tests/TinyIOTests/Fixtures/formats/*.ogg", 16384)


def pcm_seeds():
    # Option bytes: encoding | policy << 1, channels, input rate, output rate, reader block, stream block
    # (indices into the lists in Fuzz/Targets/PCMTarget.swift).
    s16 = np.round(sine(64, 2, 16000)[:, 0] * 32767).astype("<i2").tobytes()
    f32 = sine(48, 2, 48000).astype("<f4").tobytes()
    put("pcm", "s16-mono-16k", bytes([0, 0, 0, 0, 3, 2]) + s16)
    put("pcm", "s16-stereo-8k-to-16k", bytes([0, 1, 1, 1, 2, 1]) + s16 + b"\x01")
    put("pcm", "f32-stereo-48k-to-16k", bytes([1, 1, 2, 1, 0, 3]) + f32)
    bad = bytearray(f32)
    bad[8:12] = struct.pack("<f", float("nan"))
    bad[20:24] = struct.pack("<f", float("inf"))
    put("pcm", "f32-nonfinite-skip", bytes([3, 1, 2, 0, 1, 0]) + bytes(bad))
    put("pcm", "f32-nonfinite-fail", bytes([1, 1, 2, 0, 1, 0]) + bytes(bad))
    put("pcm", "s16-3ch-32k-to-8k", bytes([0, 2, 3, 2, 2, 2]) + s16[:90])
    put("pcm", "s16-256ch", bytes([0, 6, 0, 0, 3, 3]) + s16 * 8)
    put("pcm", "s16-1hz", bytes([0, 0, 7, 0, 0, 1]) + s16[:8])
    put("pcm", "empty-stream", bytes([0, 0, 0, 1, 0, 0]))


def csv_seeds():
    # Option byte 0: delimiter = b % 5 (comma, semicolon, tab, whitespace, |), header = b % 7
    # (auto, auto, present, absent, auto, present, absent). Byte 1: columns = b % 5 (all, [0],
    # [2, 0], names ax_g/az_g, name gz_dps); 0x80: skip bad lines; 0x40: no comment prefix.
    lines = [
        (0, 0, "ax_g,ay_g,az_g\n-0.14,-0.82,0.57\n0.01,0.2,1e-3\n"),
        (0, 3, "ax_g,ay_g,az_g\n-0.14,-0.82,0.57\n0.5,0.25,0.125\n"),
        (0, 2, "# recorded 2024\nax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\r\n1,2,3,4,5,6\r\n\r\n7,8,9,10,11,12\r\n"),
        (0, 4, "ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps\n1,2,3,4,5,6\n"),
        (3, 0x81, "1 2 3\n4\t5  6\n  7 8 9  \nnan 1 2\n"),
        (1, 0, "\xef\xbb\xbfa;b;c\n1,5;2;3\n4;5;6\n"),
        (2, 0x80, "x\ty\tz\n1\t2\n1\t2\t3\t4\ninf\t1\t1\n1\t2\t3\n"),
        (4, 0x41, "#not a comment|2|3\n1|2|3\n"),
        (0, 0x80, '"ax_g","a,y","az ""g"""\n"1.5",2,"3"\n"4,5\n1,2,3\n1e40,1,1\n0x1p3,1,1\n'),
        (0, 3, "ax_g,ay_g\n1,2\n"),
        (6, 1, "1,2,3\n4,5,6\n"),
        (0, 0, ""),
        (0, 0, "\n\n# only comments\n"),
        (0, 0, "1," + "9" * 70 + ",3\n"),
    ]
    for i, (b0, b1, text) in enumerate(lines):
        put("csv", "%02d" % i, bytes([b0, b1]) + text.encode("latin-1"))
    texts = ["a\nb\r\nc", "\xef\xbb\xbfbom\nline\n", "", "\n", "\r\n\r\n", "x" * 40 + "\n" + "y" * 15, "z" * 300 + "\nend\n"]
    for i, text in enumerate(texts):
        put("lines", "%02d" % i, bytes([i * 37 % 256, i % 4]) + text.encode("latin-1"))


def npy_seeds():
    arrays = {
        "int8-2d": np.arange(12, dtype=np.int8).reshape(3, 4),
        "uint8-1d": np.arange(5, dtype=np.uint8),
        "int32-3d": np.arange(8, dtype="<i4").reshape(2, 2, 2),
        "float32-1d": np.linspace(-1, 1, 7, dtype="<f4"),
        "float32-scalar": np.array(3.5, dtype="<f4"),
        "int8-empty": np.zeros((0, 3), dtype=np.int8),
        "float32-fortran": np.asfortranarray(np.ones((2, 3), dtype="<f4")),
        "float32-big-endian": np.ones(3, dtype=">f4"),
        "float64": np.ones(2, dtype="<f8"),
        "int64": np.ones(2, dtype="<i8"),
        "unicode": np.array(["ab", "c"]),
    }
    for name, a in arrays.items():
        f = io.BytesIO()
        np.save(f, a)
        put("npy", name, f.getvalue())
    f = io.BytesIO()
    np.lib.format.write_array(f, np.ones(4, dtype=np.int8), version=(2, 0))
    put("npy", "v2-header", f.getvalue())
    put("npy", "truncated-header", f.getvalue()[:20])


def json_seeds(tinyml, monitor):
    copy("pipeline", "Pipelines/*/pipeline.json")
    copy("pipeline", "Pipelines/*/*/pipeline.json")
    copy("board-config", "Pipelines/boards/*.json")
    copy("board-config", "Pipelines/*/boards/*.json")
    copy("board-config", "Pipelines/*/*/boards/*.json")
    copy("board-config", "Pipelines/reference/*/*.json")
    copy("board-config", "Embedded/measurements*.json")
    copy("board-config", "Embedded/links*.json")
    if monitor:
        rate = json.load(open(os.path.join(ROOT, "Pipelines/anomaly/pipeline.json")))["features"]["sampleRate"]
        signal = (0.1 * np.random.default_rng(1).standard_normal(rate * 4)).astype("<f4").tobytes()
        with tempfile.TemporaryDirectory() as d:
            for scorer in ("gaussian", "autoencoder"):
                path = os.path.join(d, scorer + ".json")
                subprocess.run([monitor, "stream", "--format", "f32le", "--rate", str(rate), "--learn", "3",
                                "--scorer", scorer, "--save-baseline", path], input=signal, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                put("baseline", scorer, open(path, "rb").read())
    if tinyml:
        with tempfile.TemporaryDirectory() as d:
            for pipeline in sorted(glob.glob(os.path.join(ROOT, "Pipelines/*/pipeline.json"))
                                   + glob.glob(os.path.join(ROOT, "Pipelines/*/*/pipeline.json"))):
                name = os.path.relpath(os.path.dirname(pipeline), os.path.join(ROOT, "Pipelines")).replace("/", "-")
                out = os.path.join(d, name + ".img")
                subprocess.run([tinyml, "export", "--target", "image", "--spec", pipeline, "--out", out], check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                put("device-image", "pipeline-" + name, without_model(open(out, "rb").read(), pipeline))
                front = os.path.join(d, name + ".frontend")
                if subprocess.run([tinyml, "export", "--target", "frontend", "--spec", pipeline, "--out", front],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
                    put("device-image", "frontend-" + name, open(front, "rb").read())


def without_model(image, pipeline):
    """A pipeline image with its model cut out (model length 0): the model is the tflite target's."""
    spec = json.load(open(pipeline))
    model = spec.get("model") or spec.get("autoencoder", {}).get("model") or ""
    path = os.path.join(os.path.dirname(pipeline), model)
    if not model or not os.path.isfile(path):
        return image
    blob = open(path, "rb").read()
    if not image.endswith(blob):
        return image
    prefix = image[:len(image) - len(blob)]
    at = prefix.rindex(struct.pack("<I", len(blob)))
    return prefix[:at] + struct.pack("<I", 0) + prefix[at + 4:]


def main():
    targets = sys.argv[1:] or ["tflite", "audio", "pcm", "csv", "npy", "json"]
    debug = os.path.join(ROOT, ".build", "debug")
    tool = lambda name: os.path.join(debug, name) if os.access(os.path.join(debug, name), os.X_OK) else None
    for target in targets:
        if target == "tflite":
            copy("tflite", "Tests/TinyCoreTests/Fixtures/zoo/*.tflite")
            copy("tflite", "Tests/TinyCoreTests/Fixtures/fuzz/*")
            copy("tflite", "Pipelines/*/*.tflite")
            copy("tflite", "Pipelines/*/*/*.tflite")
        elif target == "audio":
            audio_seeds()
        elif target == "pcm":
            pcm_seeds()
        elif target == "csv":
            csv_seeds()
        elif target == "npy":
            npy_seeds()
        elif target == "json":
            json_seeds(tool("tinyml"), tool("anomaly-monitor"))
        else:
            sys.exit("unknown seed group '%s' (tflite, audio, pcm, csv, npy, json)" % target)


if __name__ == "__main__":
    main()
