#!/usr/bin/env python3
"""Measure exported C libraries on a Cortex-M4 under QEMU -> Pipelines/boards/measurements-c.json.

For every model named by a deployment config (Pipelines/**/boards/*.json):
  1. `tinyml export --target c` (the C99 library the ESP32-S3 runs, since Xtensa has no Swift backend);
  2. compile it with arm-none-eabi-gcc for Cortex-M4 (-O2, hard float), link it with the start-up and
     measuring harness in Tools/measure/c_export/ (mps2-an386 memory map);
  3. run one inference on a deterministic pseudo-random int8 input under
     `qemu-system-arm -M mps2-an386 -icount shift=0`, where one guest instruction is 1 ns and the
     25 MHz CMSDK TIMER0 ticks every 40 instructions (checked: a 2,000,000-instruction loop reads 50,000
     ticks), and paint the stack to find its peak;
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
HERE = pathlib.Path(__file__).resolve().parent / "c_export"
OUT = ROOT / "Pipelines" / "boards" / "measurements-c.json"
CORE = "cortex-m4-c"
MACHINE = "mps2-an386"
FLAGS = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2", "-ffp-contract=off",
         "-ffunction-sections", "-fdata-sections"]
INSTRUCTIONS_PER_TICK = 40


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
    (work / "harness.c").write_text(
        '#include "model.h"\n'
        f"static const int8_t input_data[{n_in}] = {{{', '.join(map(str, values))}}};\n"
        f"static int8_t output_data[{n_out}];\n"
        "int measure_invoke(void);\n"
        "int measure_invoke(void) { return model_invoke(input_data, output_data); }\n")
    cc = ["arm-none-eabi-gcc"] + FLAGS
    run(cc + ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-c", str(lib / "model.c"), "-o", str(work / "model.o")])
    run(cc + ["-std=c99", "-I", str(lib), "-c", str(work / "harness.c"), "-o", str(work / "harness.o")])
    # No loop-to-memset/memcpy rewriting in the harness: it defines memset/memcpy itself.
    run(cc + ["-fno-tree-loop-distribute-patterns", "-c", str(HERE / "startup.c"), "-o", str(work / "startup.o")])
    elf = work / "measure.elf"
    run(cc + ["-nostdlib", "-T", str(HERE / "link.ld"), "-Wl,--gc-sections", str(work / "startup.o"),
              str(work / "harness.o"), str(work / "model.o"), "-lgcc", "-o", str(elf)])
    out = run(["qemu-system-arm", "-M", MACHINE, "-cpu", "cortex-m4", "-nographic", "-monitor", "none",
               "-semihosting-config", "enable=on,target=native", "-icount", "shift=0", "-kernel", str(elf)], timeout=120)
    fields = dict(re.findall(r"(\w+)=(\d+)", out))
    if "ticks" not in fields:
        raise SystemExit(f"{model}: no measurement from QEMU: {out!r}")
    sizes = section_sizes(work / "model.o")
    return {
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "cores": {CORE: {
            "qemu_machine": MACHINE,
            "instructions_per_inference": int(fields["ticks"]) * INSTRUCTIONS_PER_TICK,
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
        + f", one inference under qemu-system-arm -M {MACHINE} -icount shift=0 (TIMER0 ticks x {INSTRUCTIONS_PER_TICK}), "
        "stack by painting; sizes of the library object",
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
