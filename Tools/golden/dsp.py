"""Golden vectors for TinyDSP / TinyFeatures from reference tools (never from our own code).

Run:  /work/main/.venv/bin/python Tools/golden/dsp.py   (writes Tests/TinyDSPTests/Fixtures/dsp/*.npy)

Sources, per fixture (every array is float32 unless named *_i32 / *_i8):
  window_*            numpy (np.hanning/np.hamming symmetric) and scipy.signal.get_window(fftbins=True) periodic
  fft_<N>_{x,re,im}   numpy.fft.rfft in float64 of the float32 input x, N = 64, 512, 4096
  cmsis_rfft_256_*    cmsisdsp.arm_rfft_fast_f32 (packed output) of x
  mel_<variant>_*     librosa.filters.mel / tf.signal.linear_to_mel_weight_matrix / cmsisdsp.mfcc.melFilterMatrix,
                      stored sparse: per band the first nonzero bin (_start_i32), the run length (_length_i32) and
                      the weights of the run (_weights)
  stft_*              librosa.stft(center=False) magnitude and power of signal_16k; melspectrogram; power_to_db
  mfcc_*              librosa.feature.mfcc (ortho, lifter 22; norm None) and tf.signal.mfccs_from_log_mel_spectrograms
  stats_*             numpy / scipy.stats (rms, peak, kurtosis, skew) and librosa spectral_* of frames of signal_12k
  mlperf_*            Tools/golden/mlperf_kws_frontend.py on three synthetic 1 s 16-bit clips (float MFCCs and int8)
  mlperf_test_split_* the same reference's int8 features of the 521 clips of the `test` split of
                      ../shared/datasets/kws (only when the dataset is there), and their files, in manifest order
"""
import pathlib
import sys

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/TinyDSPTests/Fixtures/dsp"
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))


def save(name, a, dtype=np.float32):
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / f"{name}.npy", np.ascontiguousarray(np.asarray(a, dtype=dtype)))


def save_sparse(name, dense):
    """dense [bands, bins] -> start/length/weights of each band's nonzero run."""
    starts, lengths, weights = [], [], []
    for row in np.asarray(dense, dtype=np.float32):
        nz = np.nonzero(row)[0]
        if len(nz) == 0:
            starts.append(0), lengths.append(0)
            continue
        a, b = nz[0], nz[-1]
        starts.append(a), lengths.append(b - a + 1)
        weights.extend(row[a:b + 1])
    save(f"{name}_start_i32", starts, np.int32)
    save(f"{name}_length_i32", lengths, np.int32)
    save(f"{name}_weights", weights)


def windows():
    import scipy.signal
    for n in (400, 480):
        save(f"window_hann_periodic_{n}", scipy.signal.get_window("hann", n, fftbins=True))
        save(f"window_hann_symmetric_{n}", np.hanning(n))
        save(f"window_hamming_periodic_{n}", scipy.signal.get_window("hamming", n, fftbins=True))
        save(f"window_hamming_symmetric_{n}", np.hamming(n))


def ffts(rng):
    for n in (64, 512, 4096):
        x = rng.standard_normal(n).astype(np.float32)
        X = np.fft.rfft(x.astype(np.float64))
        save(f"fft_{n}_x", x), save(f"fft_{n}_re", X.real), save(f"fft_{n}_im", X.imag)
    import cmsisdsp as dsp
    x = rng.standard_normal(256).astype(np.float32)
    inst = dsp.arm_rfft_fast_instance_f32()
    dsp.arm_rfft_fast_init_f32(inst, 256)
    save("cmsis_rfft_256_x", x)
    save("cmsis_rfft_256_packed", dsp.arm_rfft_fast_f32(inst, x, 0))


def mels():
    import librosa
    import tensorflow as tf
    import cmsisdsp.mfcc
    import cmsisdsp.datatype as dt
    for name, htk, norm in [("htk_none", True, None), ("slaney_slaney", False, "slaney"), ("slaney_l1", False, 1.0),
                            ("htk_l2", True, 2.0), ("slaney_max", False, np.inf)]:
        m = librosa.filters.mel(sr=16000, n_fft=512, n_mels=40, fmin=20.0, fmax=7600.0, htk=htk, norm=norm)
        save_sparse(f"mel_librosa_{name}", m)
    tfm = tf.signal.linear_to_mel_weight_matrix(40, 257, 16000, 20.0, 4000.0).numpy()
    save_sparse("mel_tf_40_20_4000", tfm.T)
    lengths, positions, coefs = cmsisdsp.mfcc.melFilterMatrix(dt.F32, 20.0, 4000.0, 40, 16000, 512)
    save("mel_cmsis_length_i32", lengths, np.int32)
    save("mel_cmsis_start_i32", positions, np.int32)
    save("mel_cmsis_weights", coefs)


def spectra_and_mfcc(rng):
    import librosa
    import tensorflow as tf
    t = np.arange(4000) / 16000.0
    y = (0.5 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * 3100 * t * (1 + t))
         + 0.05 * rng.standard_normal(len(t))).astype(np.float32)
    save("signal_16k", y)
    S = librosa.stft(y, n_fft=512, hop_length=160, win_length=512, window="hann", center=False)  # [257, T]
    save("stft_magnitude", np.abs(S).T), save("stft_power", (np.abs(S) ** 2).T)
    mel = librosa.feature.melspectrogram(S=np.abs(S) ** 2, sr=16000, n_mels=40, fmin=20.0, fmax=7600.0)  # slaney
    save("melspec_slaney_power", mel.T)
    db = librosa.power_to_db(mel, ref=1.0, amin=1e-10, top_db=80.0)
    save("melspec_db_top80", db.T)
    save("mfcc_librosa_ortho_lifter22", librosa.feature.mfcc(S=db, n_mfcc=13, dct_type=2, norm="ortho", lifter=22).T)
    save("mfcc_librosa_none", librosa.feature.mfcc(S=db, n_mfcc=13, dct_type=2, norm=None).T)
    logmel = np.log(mel.T + 1e-6).astype(np.float32)
    save("logmel_for_tf", logmel)
    save("mfcc_tf", tf.signal.mfccs_from_log_mel_spectrograms(logmel)[..., :13].numpy())


def statistics(rng):
    import librosa
    import scipy.stats
    t = np.arange(6000) / 12000.0
    impacts = (rng.random(len(t)) < 0.002) * rng.standard_normal(len(t)) * 3
    y = (0.3 * np.sin(2 * np.pi * 157 * t) + 0.1 * rng.standard_normal(len(t)) + impacts).astype(np.float32)
    save("signal_12k", y)
    frames = librosa.util.frame(y, frame_length=1024, hop_length=512).T.astype(np.float64)  # [T, 1024]
    save("stats_rms", np.sqrt(np.mean(frames ** 2, axis=1)))
    save("stats_peak", np.max(np.abs(frames), axis=1))
    save("stats_kurtosis", scipy.stats.kurtosis(frames, axis=1, fisher=False, bias=True))
    save("stats_skewness", scipy.stats.skew(frames, axis=1, bias=True))
    S = np.abs(librosa.stft(y, n_fft=1024, hop_length=512, window="hann", center=False)) ** 2
    kw = dict(S=S, sr=12000, n_fft=1024, hop_length=512, center=False)
    save("stats_centroid", librosa.feature.spectral_centroid(**kw)[0])
    save("stats_spread", librosa.feature.spectral_bandwidth(**kw)[0])
    save("stats_rolloff", librosa.feature.spectral_rolloff(**kw, roll_percent=0.85)[0])
    save("stats_flatness", librosa.feature.spectral_flatness(S=S, power=1.0)[0])


def mlperf(rng):
    import mlperf_kws_frontend as ref
    t = np.arange(16000) / 16000.0
    clips = [
        0.3 * np.sin(2 * np.pi * 700 * t) + 0.02 * rng.standard_normal(16000),
        0.5 * np.sin(2 * np.pi * (200 + 1800 * t) * t) * np.hanning(16000),
        -np.abs(0.1 * rng.standard_normal(16000)) - 0.01,  # all negative: x / max(x) flips the sign
    ]
    pcm = np.stack([np.round(c * 32767) for c in clips]).astype(np.int16)  # 16-bit PCM, read as pcm / 32768
    save("mlperf_clips_i16", pcm, np.int16)
    clips = pcm.astype(np.float32) / 32768
    save("mlperf_mfcc", np.stack([ref.features_float(c) for c in clips]))
    save("mlperf_int8_i8", np.stack([ref.features(c) for c in clips]), np.int8)


def mlperf_test_split():
    import csv
    import soundfile as sf
    import mlperf_kws_frontend as ref
    root = pathlib.Path(__file__).resolve().parents[3] / "shared/datasets/kws"
    if not (root / "MANIFEST.csv").exists():
        print(f"skipping mlperf_test_split: no dataset at {root}")
        return
    rows = [r for r in csv.DictReader(open(root / "MANIFEST.csv")) if r["split"] == "test"]
    x = np.stack([ref.features(sf.read(root / r["file"], dtype="float32")[0]) for r in rows])
    save("mlperf_test_split_i8", x, np.int8)
    (OUT / "mlperf_test_split_files.txt").write_text("".join(r["file"] + "\n" for r in rows))


def main():
    rng = np.random.default_rng(20240601)
    windows()
    ffts(rng)
    mels()
    spectra_and_mfcc(rng)
    statistics(rng)
    mlperf(rng)
    mlperf_test_split()
    print(f"wrote {len(list(OUT.glob('*.npy')))} arrays to {OUT}")


if __name__ == "__main__":
    main()
