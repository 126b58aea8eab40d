#!/usr/bin/env python3
"""Measure exported C libraries on a Cortex-M4 under QEMU -> Pipelines/boards/measurements-c.json.

For every model named by a deployment config (Pipelines/**/boards/*.json):
  1. `tinyml export --target c` (the C99 library the ESP32-S3 runs, since Xtensa has no Swift backend);
  2. compile it with arm-none-eabi-gcc for Cortex-M4 (-O2, hard float) and link it with
     Tools/measure/c_export_main.c and the Swift firmware's board support, Embedded/Board (mps2
     start-up and linker script, common runtime; the input is linked in by common/blobs.S as the
     firmware's test input): one start-up for Swift firmware and exported C;
  3. run one inference on a deterministic pseudo-random int8 input under
     `qemu-system-arm -M mps2-an386 -icount shift=0`, where one guest instruction is 1 ns and the
     25 MHz CMSDK TIMER0 ticks every 40 instructions (board_instructions()), and take the painted
     stack's peak below the caller (board_stack_peak());
  4. record the library object's section sizes (arm-none-eabi-size -A).
The report (`tinyml report`) scales these Cortex-M4 counts to ESP32-S3 cycles with the profile's
CPI model, and labels the result an estimate.

Run from the checkout (needs swift, arm-none-eabi-gcc, qemu-system-arm, and ../shared for the
reference models):  python3 Tools/measure/c_export.py
"""
import glob
import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAIN = pathlib.Path(__file__).resolve().parent / "c_export_main.c"
BOARD = ROOT / "Embedded" / "Board"
OUT = ROOT / "Pipelines" / "boards" / "measurements-c.json"
CORE = "cortex-m4-c"
MACHINE = "mps2-an386"
FLAGS = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2", "-ffp-contract=off",
         "-ffunction-sections", "-fdata-sections"]
# The board support (memcpy, memset, the heap) must stay loops, not calls to themselves.
BOARD_FLAGS = ["-ffreestanding", "-fno-builtin", "-fno-tree-loop-distribute-patterns", "-Wall", "-Werror"]


def run(cmd, **kw):
    """Runs cmd; returns stdout and stderr together (QEMU's semihosting console writes to stderr)."""
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    return done.stdout + done.stderr


def model_path(model):
    prefix = "shared/reference-models/"
    if model.startswith(prefix) and os.environ.get("TINYML_REFERENCE_MODELS"):
        return pathlib.Path(os.environ["TINYML_REFERENCE_MODELS"]) / model[len(prefix):]
    return (ROOT.parent / model) if model.startswith("shared/") else (ROOT / model)


def models():
    names = set()
    for f in glob.glob(str(ROOT / "Pipelines" / "**" / "boards" / "*.json"), recursive=True):
        if pathlib.Path(f).parent.parent.name == "Pipelines":
            continue  # Pipelines/boards holds the board profiles
        config = json.load(open(f))
        if "model" in config:
            names.add(config["model"])
    return sorted(names)


def section_sizes(obj):
    sizes = {"text": 0, "rodata": 0, "data": 0, "bss": 0}
    for line in subprocess.run(["arm-none-eabi-size", "-A", str(obj)], check=True, capture_output=True,
                               text=True).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("."):
            kind = parts[0][1:].split(".")[0]
            if kind in sizes:
                sizes[kind] += int(parts[1])
    return sizes


def macro(header, name):
    m = re.search(r"#define MODEL_%s (\d+)" % name, header)
    return int(m.group(1))


def measure(tinyml, model, work):
    path = model_path(model)
    lib = work / "lib"
    run([tinyml, "export", "--target", "c", "--model", str(path), "--name", "model", "--out", str(lib)])
    header = (lib / "model.h").read_text()
    if "const int8_t *input" not in header:
        raise SystemExit(f"{model}: the harness handles one int8 input and one int8 output")
    n_in, n_out = macro(header, "INPUT0_BYTES"), macro(header, "OUTPUT0_BYTES")
    state, values = 1, []
    for _ in range(n_in):  # deterministic pseudo-random int8 input (LCG, seed 1)
        state = (state * 1664525 + 1013904223) % 2**32
        values.append(((state >> 24) & 0xFF) - 128)
    (work / "input.bin").write_bytes(bytes(v & 0xFF for v in values))
    (work / "none.bin").write_bytes(b"")
    cc = ["arm-none-eabi-gcc"] + FLAGS
    run(cc + ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-c", str(lib / "model.c"), "-o", str(work / "model.o")])
    include = ["-I", str(lib), "-I", str(BOARD / "include")]
    run(cc + include + ["-Wall", "-Werror", "-c", str(MAIN), "-o", str(work / "main.o")])
    objects = [work / "model.o", work / "main.o"]
    for c in [BOARD / "mps2" / "startup.c", BOARD / "common" / "runtime.c"]:
        objects.append(work / (c.stem + ".o"))
        run(cc + BOARD_FLAGS + include + ["-c", str(c), "-o", str(objects[-1])])
    objects.append(work / "blobs.o")
    run(cc + [f'-DMODEL_FILE="{work / "none.bin"}"', f'-DINPUT_FILE="{work / "input.bin"}"',
              "-c", str(BOARD / "common" / "blobs.S"), "-o", str(objects[-1])])
    elf = work / "measure.elf"
    run(cc + ["-nostdlib", "-T", str(BOARD / "mps2" / "mps2.ld"), "-Wl,--gc-sections"] + [str(o) for o in objects]
        + ["-lgcc", "-o", str(elf)])
    out = run(["qemu-system-arm", "-M", MACHINE, "-cpu", "cortex-m4", "-nographic", "-monitor", "none", "-serial", "none",
               "-chardev", "stdio,id=console", "-semihosting-config", "enable=on,target=native,chardev=console",
               "-icount", "shift=0", "-kernel", str(elf)], timeout=120, stdin=subprocess.DEVNULL)
    fields = dict(re.findall(r"(\w+)=(\d+)", out))
    if "instructions" not in fields:
        raise SystemExit(f"{model}: no measurement from QEMU: {out!r}")
    sizes = section_sizes(work / "model.o")
    return {
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "cores": {CORE: {
            "qemu_machine": MACHINE,
            "instructions_per_inference": int(fields["instructions"]),
            "text_bytes": sizes["text"], "rodata_bytes": sizes["rodata"], "data_bytes": sizes["data"],
            "bss_bytes": sizes["bss"], "stack_bytes": int(fields["stack"]),
            "arena_bytes": macro(header, "ARENA_BYTES"), "arena_in_bss": True,
            "model_rodata_bytes": macro(header, "CONSTANT_BYTES"),
        }},
    }


def main():
    run(["swift", "build", "--product", "tinyml"], cwd=ROOT)
    tinyml = str(ROOT / ".build" / "debug" / "tinyml")
    result = {
        "toolchain": run(["arm-none-eabi-gcc", "--version"]).splitlines()[0] + "; "
        + run(["qemu-system-arm", "--version"]).splitlines()[0],
        "method": "Tools/measure/c_export.py: tinyml export --target c, arm-none-eabi-gcc " + " ".join(FLAGS)
        + f", linked with Embedded/Board (mps2), one inference under qemu-system-arm -M {MACHINE} -icount shift=0 "
        "(TIMER0 ticks x 40), stack by painting; sizes of the library object",
        "models": {},
    }
    for model in models():
        if not model_path(model).exists():
            print(f"skip {model}: file not found", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            result["models"][model] = measure(tinyml, model, pathlib.Path(tmp))
        m = result["models"][model]["cores"][CORE]
        print(f"{model}: {m['instructions_per_inference']:,} instructions, text {m['text_bytes']} B, stack {m['stack_bytes']} B")
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
