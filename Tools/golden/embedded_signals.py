"""Synthetic motion recordings for the firmware's sensor-window check (Embedded/frontends.txt).

The project makes these itself (no dataset data): deterministic numpy signals in the CSV layout of
the gesture datasets, so `tinyml features` reads them as it reads a recording.
- Embedded/Signals/gesture_25hz.csv: 6.4 s at 25 Hz, ax_g, ay_g, az_g: gravity on z tilted by a
  slow rock, plus a 1.2 Hz circle of 0.6 g in the x-y plane between 1.5 s and 4.5 s, plus noise
  (numpy seed 3);
- Embedded/Signals/spells_119hz.csv: 1.5 s at 119 Hz, ax_g … gz_dps: the same kind of motion with
  angular rates of a 2 Hz flick (±180 °/s), seed 4.
Run: /work/main/.venv/bin/python Tools/golden/embedded_signals.py
"""
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "Embedded" / "Signals"


def motion(rate, seconds, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(int(rate * seconds)) / rate
    tilt = 0.2 * np.sin(2 * np.pi * 0.3 * t)
    active = ((t > 0.25 * seconds) & (t < 0.7 * seconds)).astype(float)
    ax = np.sin(tilt) + 0.6 * active * np.cos(2 * np.pi * 1.2 * t) + 0.02 * rng.standard_normal(len(t))
    ay = 0.6 * active * np.sin(2 * np.pi * 1.2 * t) + 0.02 * rng.standard_normal(len(t))
    az = np.cos(tilt) + 0.02 * rng.standard_normal(len(t))
    return t, active, rng, np.stack([ax, ay, az], axis=1)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    _, _, _, accel = motion(25, 6.4, 3)
    np.savetxt(OUT / "gesture_25hz.csv", accel, fmt="%.3f", delimiter=",", header="ax_g,ay_g,az_g", comments="")
    t, active, rng, accel = motion(119, 1.5, 4)
    flick = 180 * active * np.sin(2 * np.pi * 2 * t)
    gyro = np.stack([flick, 0.5 * flick, -0.25 * flick], axis=1) + 2 * rng.standard_normal((len(t), 3))
    np.savetxt(OUT / "spells_119hz.csv", np.hstack([accel, gyro]), fmt="%.3f", delimiter=",",
               header="ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps", comments="")


if __name__ == "__main__":
    main()
