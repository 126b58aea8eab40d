#!/usr/bin/env python3
"""Measure exported C libraries under QEMU -> Pipelines/boards/measurements-c.json.

Two cores, each a key of `models.<model>.cores` (and, for Xtensa, of `pipelines.<key>.cores`):

cortex-m4-c: every model named by a deployment config (Pipelines/**/boards/*.json) --
  `tinyml export --target c`, arm-none-eabi-gcc for Cortex-M4 (-O2, hard float), linked with
  Tools/measure/c_export_main.c and Embedded/Board (mps2 start-up and linker script, common runtime;
  the input linked in by common/blobs.S), one inference on a deterministic pseudo-random int8 input
  under `qemu-system-arm -M mps2-an386 -icount shift=0` (the 25 MHz CMSDK TIMER0 ticks every 40
  instructions), the painted stack's peak, the library object's sections.

xtensa-lx106: the code the ESP32-S3 runs (it has no Swift backend), compiled for a real Xtensa core.
  Every model of an ESP32-S3 config (model-only export) and every pipeline of Embedded/pipelines.sh's
  PIPELINE_RUNS (the full-pipeline export `tinyml export --target c --pipeline`, pushed one hop of
  the Swift firmware's hop_samples at a time by Tools/measure/c_pipeline_main.c over the stream
  `tinyml signal` makes, as check.sh runs the Swift firmware) is built with xtensa-lx106-elf-gcc
  (XTENSA_FLAGS; call0 ABI, no FPU) and Embedded/Board/xtensa-lx106 (start-up, linker script,
  libgcc_lx106.c: the soft-float and integer helpers Debian's lx106 libgcc lacks) and run under
  `qemu-system-xtensa -M sim -cpu lx106 -semihosting -icount shift=0,sleep=off`
  (sleep=off: without it the counts jitter by a tick from run to run); CCOUNT (QEMU's lx106 clock
  is 40 MHz, one instruction is 1 ns) ticks every 25 instructions. Outputs must equal the host's
  bit for bit: the model's output bytes those of `tinyml run`, the pipeline's events those of the
  host CLI (Embedded/pipelines.sh host_events, with the board's overrides for `<key>@esp32s3`).
  A second build with -DHELPER_PROFILE (helper_profile.c, -Wl,--wrap) counts the soft-float and
  integer helper calls and the instructions inside them: what the LX106 runs in software and the
  S3's LX7 in hardware (its FPU, divider and 32x32->64 multiplier).

The report (`tinyml report`) scales the xtensa-lx106 counts to ESP32-S3 cycles with the profile's
LX7 CPI model (Pipelines/boards/esp32s3.json), labelled an estimate.

Run from the checkout (needs swift, arm-none-eabi-gcc, qemu-system-arm, gcc-xtensa-lx106,
qemu-system-xtensa, perl, and ../shared for the reference models and datasets):
    python3 Tools/measure/c_export.py                          # measure both cores, rewrite the file
    python3 Tools/measure/c_export.py --core xtensa-lx106      # one core, its entries rewritten
    python3 Tools/measure/c_export.py --core xtensa-lx106 --check [--signals DIR] [--models-only]
                                       # measure, require the file's figures exactly (Embedded/check.sh
                                       # runs it with --models-only: the pipelines take minutes)
"""
import argparse
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
HERE = pathlib.Path(__file__).resolve().parent
BOARD = ROOT / "Embedded" / "Board"
XTENSA_BOARD = BOARD / "xtensa-lx106"
OUT = ROOT / "Pipelines" / "boards" / "measurements-c.json"
M4, XTENSA = "cortex-m4-c", "xtensa-lx106"
M4_MACHINE, XTENSA_MACHINE = "mps2-an386", "sim -cpu lx106"
M4_FLAGS = ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2", "-ffp-contract=off",
            "-ffunction-sections", "-fdata-sections"]
XTENSA_FLAGS = ["-O2", "-mlongcalls", "-ffp-contract=off", "-ffunction-sections", "-fdata-sections"]
STRICT = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"]
# The board support (memcpy, memset, the heap) must stay loops, not calls to themselves.
BOARD_FLAGS = ["-ffreestanding", "-fno-builtin", "-fno-tree-loop-distribute-patterns", "-Wall", "-Werror"]
ESP32S3 = "esp32s3"


def run(cmd, **kw):
    """Runs cmd; returns stdout and stderr together (QEMU's semihosting console writes to stderr)."""
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise SystemExit(f"c_export.py: {' '.join(map(str, cmd[:3]))}... failed ({done.returncode}):\n"
                         + (done.stdout + done.stderr)[-3000:])
    return done.stdout + done.stderr


def model_path(model):
    prefix = "shared/reference-models/"
    if model.startswith(prefix) and os.environ.get("TINYML_REFERENCE_MODELS"):
        return pathlib.Path(os.environ["TINYML_REFERENCE_MODELS"]) / model[len(prefix):]
    return (ROOT.parent / model) if model.startswith("shared/") else (ROOT / model)


def configs():
    """(path, config) of every deployment config (Pipelines/boards holds the board profiles)."""
    for f in sorted(glob.glob(str(ROOT / "Pipelines" / "**" / "boards" / "*.json"), recursive=True)):
        if pathlib.Path(f).parent.parent.name != "Pipelines":
            yield pathlib.Path(f), json.load(open(f))


def models(board=None):
    """Models of the deployment configs (of `board` only, when given): the config's own "model", or
    the model its pipeline file beside the boards folder names ("model", or an anomaly pipeline's
    "autoencoder" model; repository-relative paths)."""
    names = set()
    for path, config in configs():
        if board is not None and path.stem != board:
            continue
        pipeline = path.parent.parent / "pipeline.json"
        if "model" in config:
            names.add(config["model"])
        elif pipeline.exists():
            spec = json.load(open(pipeline))
            name = spec.get("model") or spec.get("autoencoder", {}).get("model")
            if name:
                names.add(str((pipeline.parent / name).relative_to(ROOT)))
    return sorted(names)


def section_sizes(size_tool, obj):
    """Bytes per kind of section; Xtensa literal pools (.literal.*) are code."""
    sizes = {"text": 0, "rodata": 0, "data": 0, "bss": 0}
    for line in run([size_tool, "-A", str(obj)]).splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].startswith("."):
            kind = parts[0][1:].split(".")[0]
            kind = "text" if kind == "literal" else kind
            if kind in sizes:
                sizes[kind] += int(parts[1])
    return sizes


def macro(header, name):
    return int(re.search(r"#define MODEL_%s (\d+)" % name, header).group(1))


def fields_of(out, what):
    fields = dict(re.findall(r"(\w+)=([0-9a-f]+)", out))
    if "instructions" not in fields:
        raise SystemExit(f"{what}: no measurement from QEMU: {out!r}")
    return fields


# ---- Cores ---------------------------------------------------------------------------------
class Core:
    """How one core compiles, links and runs a measuring program."""

    def __init__(self, key):
        self.key = key
        self.cc = ["arm-none-eabi-gcc"] + M4_FLAGS if key == M4 else ["xtensa-lx106-elf-gcc"] + XTENSA_FLAGS
        self.size = "arm-none-eabi-size" if key == M4 else "xtensa-lx106-elf-size"
        self.machine = M4_MACHINE if key == M4 else XTENSA_MACHINE

    def toolchain(self):
        if self.key == M4:
            return run(["arm-none-eabi-gcc", "--version"]).splitlines()[0] + "; " + run(["qemu-system-arm", "--version"]).splitlines()[0]
        return run(["xtensa-lx106-elf-gcc", "--version"]).splitlines()[0] + "; " + run(["qemu-system-xtensa", "--version"]).splitlines()[0]

    def method(self):
        if self.key == M4:
            return ("Tools/measure/c_export.py: tinyml export --target c, arm-none-eabi-gcc " + " ".join(M4_FLAGS)
                    + f", linked with Embedded/Board (mps2), one inference under qemu-system-arm -M {M4_MACHINE} -icount shift=0 "
                    "(TIMER0 ticks x 40), stack by painting; sizes of the library object")
        return ("Tools/measure/c_export.py: tinyml export --target c (models of the ESP32-S3 configs) and --pipeline (every "
                "pipeline of Embedded/pipelines.sh), xtensa-lx106-elf-gcc " + " ".join(XTENSA_FLAGS) + ", linked with "
                "Embedded/Board/xtensa-lx106 (its libgcc_lx106.c helpers), run under qemu-system-xtensa -M sim -cpu lx106 "
                "-semihosting -icount shift=0,sleep=off (CCOUNT ticks x 25); outputs and events equal the host's bit for bit; helper "
                "calls and their instructions from a -DHELPER_PROFILE build; stack by painting; sizes of the library objects")

    def board_objects(self, work, profile=False):
        """The start-up and runtime objects, and the link flags."""
        include = ["-I", str(BOARD / "include"), "-I", str(XTENSA_BOARD)]
        if self.key == M4:
            sources, script = [BOARD / "mps2" / "startup.c", BOARD / "common" / "runtime.c"], BOARD / "mps2" / "mps2.ld"
        else:
            sources = [XTENSA_BOARD / "startup.S", XTENSA_BOARD / "startup.c", BOARD / "common" / "runtime.c",
                       XTENSA_BOARD / "libgcc_lx106.c"] + ([XTENSA_BOARD / "helper_profile.c"] if profile else [])
            script = XTENSA_BOARD / "xtensa.ld"
        objects = []
        for c in sources:
            objects.append(work / f"board-{c.stem}{c.suffix.replace('.', '-')}.o")
            run(self.cc + BOARD_FLAGS + include + ["-c", str(c), "-o", str(objects[-1])])
        link = ["-nostdlib", "-T", str(script), "-Wl,--gc-sections"]
        if profile:
            link += [f"-Wl,--wrap={h}" for h in profiled_helpers()]
        return objects, link

    def build(self, work, name, objects, input_file, profile=False):
        """Links `objects` with the board and the input blob -> ELF."""
        board, link = self.board_objects(work, profile)
        blob = work / f"{name}-blobs.o"
        (work / "none.bin").write_bytes(b"")
        run(self.cc + [f'-DMODEL_FILE="{work / "none.bin"}"', f'-DINPUT_FILE="{input_file}"', "-c",
                       str(BOARD / "common" / "blobs.S"), "-o", str(blob)])
        elf = work / f"{name}.elf"
        run(self.cc + link + [str(o) for o in objects + board + [blob]] + ["-lgcc", "-o", str(elf)])
        return elf

    def execute(self, elf, timeout=600):
        if self.key == M4:
            cmd = ["qemu-system-arm", "-M", M4_MACHINE, "-cpu", "cortex-m4", "-nographic", "-monitor", "none", "-serial", "none",
                   "-chardev", "stdio,id=console", "-semihosting-config", "enable=on,target=native,chardev=console",
                   "-icount", "shift=0", "-kernel", str(elf)]
        else:
            cmd = ["qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-nographic", "-monitor", "none", "-serial", "none",
                   "-semihosting", "-icount", "shift=0,sleep=off", "-kernel", str(elf)]
        return run(cmd, timeout=timeout, stdin=subprocess.DEVNULL)


def profiled_helpers():
    """The helpers helper_profile.c wraps (its FLOAT2(...) and WRAP(kind, type, name, ...) lines)."""
    text = (XTENSA_BOARD / "helper_profile.c").read_text()
    return re.findall(r"^(?:FLOAT2|DOUBLE2)\((\w+),", text, re.M) + re.findall(r"^WRAP\(\w+, \w+, (\w+),", text, re.M)


def helper_fields(fields):
    return {"soft_float_calls": int(fields["float_calls"]), "soft_float_instructions": int(fields["float_instructions"]),
            "integer_helper_calls": int(fields["integer_calls"]),
            "integer_helper_instructions": int(fields["integer_instructions"]),
            "double_helper_calls": int(fields["double_calls"]), "double_helper_instructions": int(fields["double_instructions"])}


# ---- Models --------------------------------------------------------------------------------
def lcg_input(n):
    """Deterministic pseudo-random int8 input (LCG, seed 1)."""
    state, values = 1, []
    for _ in range(n):
        state = (state * 1664525 + 1013904223) % 2**32
        values.append(((state >> 24) & 0xFF) - 128)
    return bytes(v & 0xFF for v in values)


def measure_model(tinyml, core, model, work):
    path = model_path(model)
    lib = work / "lib"
    run([tinyml, "export", "--target", "c", "--model", str(path), "--name", "model", "--out", str(lib)])
    header = (lib / "model.h").read_text()
    if "const int8_t *input" not in header:
        raise SystemExit(f"{model}: the harness handles one int8 input and one int8 output")
    (work / "input.bin").write_bytes(lcg_input(macro(header, "INPUT0_BYTES")))
    run([tinyml, "run", str(path), "--input", str(work / "input.bin"), "--output", str(work / "host.bin")])
    include = ["-I", str(lib), "-I", str(BOARD / "include"), "-I", str(XTENSA_BOARD)]
    run(core.cc + STRICT + ["-c", str(lib / "model.c"), "-o", str(work / "model.o")])
    results = []
    for profile in ([False] if core.key == M4 else [False, True]):
        main = work / f"main{'-profile' if profile else ''}.o"
        run(core.cc + include + ["-Wall", "-Werror"] + (["-DHELPER_PROFILE"] if profile else [])
            + ["-c", str(HERE / "c_export_main.c"), "-o", str(main)])
        elf = core.build(work, f"measure{'-profile' if profile else ''}", [work / "model.o", main], work / "input.bin", profile)
        fields = fields_of(core.execute(elf, timeout=300), model)
        if fields.get("output") != (work / "host.bin").read_bytes().hex():
            raise SystemExit(f"{model} on {core.key}: output {fields.get('output')} differs from tinyml run's "
                             f"{(work / 'host.bin').read_bytes().hex()}")
        results.append(fields)
    sizes = section_sizes(core.size, work / "model.o")
    entry = {
        "qemu_machine": core.machine,
        "instructions_per_inference": int(results[0]["instructions"]),
        "text_bytes": sizes["text"], "rodata_bytes": sizes["rodata"], "data_bytes": sizes["data"],
        "bss_bytes": sizes["bss"], "stack_bytes": int(results[0]["stack"]),
        "arena_bytes": macro(header, "ARENA_BYTES"), "arena_in_bss": True,
        "model_rodata_bytes": macro(header, "CONSTANT_BYTES"),
    }
    if core.key == XTENSA:
        entry["output_equals_host"] = True
        entry.update(helper_fields(results[1]))
    return hashlib.sha256(path.read_bytes()).hexdigest(), entry


# ---- Pipelines (Xtensa) --------------------------------------------------------------------
def pipeline_runs():
    """(key, pipeline directory, signal) of Embedded/pipelines.sh's PIPELINE_RUNS."""
    text = (ROOT / "Embedded" / "pipelines.sh").read_text()
    block = re.search(r"^PIPELINE_RUNS=\((.*?)^\)", text, re.S | re.M).group(1)
    return [tuple(line.split()) for line in re.findall(r'"([^"]+)"', block)]


def pipelines_sh(tinyml, function, *args):
    """Runs a function of Embedded/pipelines.sh (host_events, cli_overrides) -> stdout."""
    script = f'source "$1"; shift; {function} "$@"'
    env = dict(os.environ, TINYML=tinyml, REPO_DIR=str(ROOT))
    done = subprocess.run(["bash", "-c", script, "bash", str(ROOT / "Embedded" / "pipelines.sh")] + list(args),
                          capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"c_export.py: Embedded/pipelines.sh {function} {' '.join(args)} failed: {done.stderr[-2000:]}")
    return done.stdout


def measure_pipeline(tinyml, core, key, directory, board, signal, signals, swift, work):
    """One pipeline (with `board`'s overrides when given) on Xtensa -> its measurement entry."""
    kind = re.split(r"[-@]", key)[0]
    flags = pipelines_sh(tinyml, "cli_overrides", kind, str(ROOT / directory / "boards" / f"{board}.json")).split() if board else []
    host = pipelines_sh(tinyml, "host_events", kind, directory, str(signals), signal, *flags)
    if not host.strip():
        raise SystemExit(f"pipeline {key}: the host CLI made no decisions on {signals}/{signal}")
    if key not in swift or "hop_samples" not in swift[key]:
        raise SystemExit(f"pipeline {key}: no hop_samples in Embedded/measurements.json (run Embedded/check.sh --update first)")
    hop = swift[key]["hop_samples"]
    out = work / "export"
    run([tinyml, "export", "--target", "c", "--pipeline", directory] + (["--board", board] if board else []) + ["--out", str(out)])
    objects = []
    for src in sorted((out / "src").glob("*.c")):
        objects.append(work / f"{src.stem}.o")
        run(core.cc + STRICT + ["-I", str(out / "include"), "-c", str(src), "-o", str(objects[-1])])
    results = []
    for profile in [False, True]:
        main = work / f"pipeline-main{'-profile' if profile else ''}.o"
        run(core.cc + STRICT + ["-I", str(out / "include"), "-I", str(BOARD / "include"), "-I", str(XTENSA_BOARD),
                                f"-DHOP_FRAMES={hop}"] + (["-DHELPER_PROFILE"] if profile else [])
            + ["-c", str(HERE / "c_pipeline_main.c"), "-o", str(main)])
        elf = core.build(work, f"pipeline{'-profile' if profile else ''}", objects + [main], signals / f"{signal}.raw", profile)
        log = core.execute(elf)
        events = "".join(line + "\n" for line in log.splitlines() if line.startswith("event "))
        if events != host:
            (work / "device.events").write_text(events)
            raise SystemExit(f"pipeline {key} on {core.key}: events differ from the host CLI's:\n device: {events[:800]}\n host: {host[:800]}")
        m = re.search(r"setup instructions (\d+) hops (\d+) instructions (\d+) worst (\d+) finish (\d+) stack (\d+)", log)
        if not m:
            raise SystemExit(f"pipeline {key} on {core.key}: no measurement line: {log[-2000:]}")
        fields = dict(zip(["setup", "hops", "total", "worst", "finish", "stack"], map(int, m.groups())))
        h = re.search(r"helpers float calls (\d+) instructions (\d+) integer calls (\d+) instructions (\d+) "
                      r"double calls (\d+) instructions (\d+)", log)
        if h:
            fields.update(zip(["float_calls", "float_instructions", "integer_calls", "integer_instructions", "double_calls",
                               "double_instructions"], h.groups()))
        results.append(fields)
    plain, profile = results
    sizes = {"text": 0, "rodata": 0, "data": 0, "bss": 0}
    for o in objects:
        for k, v in section_sizes(core.size, o).items():
            sizes[k] += v
    entry = {"qemu_machine": core.machine, "hops": plain["hops"],
             "instructions_per_hop_mean": (plain["total"] + plain["hops"] // 2) // plain["hops"],
             "instructions_per_hop_worst": plain["worst"], "finish_instructions": plain["finish"],
             "setup_instructions": plain["setup"], "stack_bytes": plain["stack"], "allocations_after_setup": 0,
             "text_bytes": sizes["text"], "rodata_bytes": sizes["rodata"], "data_bytes": sizes["data"], "bss_bytes": sizes["bss"],
             "events_equal_host": True, "instructions_total": plain["total"]}
    entry.update(helper_fields(profile))
    header = {"pipeline": f"{directory}/pipeline.json", "board": board, "sample_rate_hz": swift[key]["sample_rate_hz"],
              "hop_samples": hop, "signal": f"tinyml signal {signal}", "decisions": host.count("\n")}
    return header, entry


def xtensa_pipeline_variants():
    """(key, directory, board or None, signal): every pipeline run, and with the ESP32-S3's overrides where it has any."""
    for key, directory, signal in pipeline_runs():
        yield key, directory, None, signal
        config = ROOT / directory / "boards" / f"{ESP32S3}.json"
        if config.exists() and json.load(open(config)).get("overrides"):
            yield f"{key}@{ESP32S3}", directory, ESP32S3, signal


# ---- Driver --------------------------------------------------------------------------------
def measure(tinyml, core, signals, pipelines=True):
    """{"models": {model: (sha, entry)}, "pipelines": {key: (header, entry)} or None} for one core
    (pipelines None: not measured)."""
    result = {"models": {}, "pipelines": {} if pipelines else None}
    for model in models(ESP32S3 if core.key == XTENSA else None):
        if not model_path(model).exists():
            print(f"skip {model}: file not found", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            result["models"][model] = measure_model(tinyml, core, model, pathlib.Path(tmp))
        m = result["models"][model][1]
        print(f"{core.key}: {model}: {m['instructions_per_inference']:,} instructions, text {m['text_bytes']} B, stack {m['stack_bytes']} B")
    if core.key == XTENSA and pipelines:
        swift = json.load(open(ROOT / "Embedded" / "measurements.json")).get("pipelines", {})
        datasets = pathlib.Path(os.environ.get("TINYML_DATASETS", ROOT.parent / "shared" / "datasets"))
        signals.mkdir(parents=True, exist_ok=True)
        for key, directory, board, signal in xtensa_pipeline_variants():
            if not (signals / f"{signal}.raw").exists():
                if not datasets.is_dir():
                    raise SystemExit(f"no datasets at {datasets} for tinyml signal {signal} (set TINYML_DATASETS)")
                run([tinyml, "signal", signal, "--data", str(datasets), "--out", str(signals)])
            with tempfile.TemporaryDirectory() as tmp:
                result["pipelines"][key] = measure_pipeline(tinyml, core, key, directory, board, signal, signals, swift,
                                                            pathlib.Path(tmp))
            m = result["pipelines"][key][1]
            print(f"{core.key}: pipeline {key}: {m['instructions_per_hop_mean']:,} instructions/hop (worst "
                  f"{m['instructions_per_hop_worst']:,}), {m['soft_float_calls']:,} soft-float calls, "
                  f"{result['pipelines'][key][0]['decisions']} decisions equal the host CLI")
    return result


def merged(previous, core, measured):
    """The measurement file with `core`'s entries replaced by `measured` (its pipelines kept when
    `measured` has none measured)."""
    out = {"toolchain": previous.get("toolchain"), "method": previous.get("method"),
           "xtensa_toolchain": previous.get("xtensa_toolchain"), "xtensa_method": previous.get("xtensa_method"),
           "models": {}, "pipelines": {}}
    if core.key == M4:
        out["toolchain"], out["method"] = core.toolchain(), core.method()
    else:
        out["xtensa_toolchain"], out["xtensa_method"] = core.toolchain(), core.method()
    for model, entry in previous.get("models", {}).items():
        cores = {k: v for k, v in entry["cores"].items() if k != core.key}
        if cores:
            out["models"][model] = {"sha256": entry["sha256"], "cores": cores}
    for model, (sha, entry) in measured["models"].items():
        slot = out["models"].setdefault(model, {"sha256": sha, "cores": {}})
        slot["sha256"] = sha
        slot["cores"][core.key] = entry
    for key, entry in previous.get("pipelines", {}).items():
        cores = {k: v for k, v in entry["cores"].items() if k != core.key or measured["pipelines"] is None}
        if cores:
            out["pipelines"][key] = dict(entry, cores=cores)
    for key, (header, entry) in (measured["pipelines"] or {}).items():
        slot = out["pipelines"].setdefault(key, dict(header, cores={}))
        slot.update(header)
        slot["cores"][core.key] = entry
    out["models"] = {k: dict(v, cores=dict(sorted(v["cores"].items()))) for k, v in sorted(out["models"].items())}
    out["pipelines"] = dict(sorted(out["pipelines"].items()))
    return {k: v for k, v in out.items() if v is not None and v != {}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--core", choices=[M4, XTENSA], action="append", help="measure only these cores (default: both)")
    parser.add_argument("--check", action="store_true", help="compare with the file instead of writing it; exit 1 on a difference")
    parser.add_argument("--signals", type=pathlib.Path, help="directory of `tinyml signal` streams to reuse (made when missing)")
    parser.add_argument("--models-only", action="store_true", help="measure the models only; the file's pipelines stay")
    parser.add_argument("--tinyml", help="the tinyml binary (default: swift build --product tinyml)")
    args = parser.parse_args()
    if args.tinyml:
        tinyml = args.tinyml
    else:
        run(["swift", "build", "--product", "tinyml"], cwd=ROOT)
        tinyml = str(ROOT / ".build" / "debug" / "tinyml")
    tinyml = str(pathlib.Path(tinyml).resolve())
    previous = json.load(open(OUT)) if OUT.exists() else {}
    result = previous
    with tempfile.TemporaryDirectory() as tmp:
        signals = args.signals or pathlib.Path(tmp) / "signals"
        for key in args.core or [M4, XTENSA]:
            core = Core(key)
            result = merged(result, core, measure(tinyml, core, signals, pipelines=not args.models_only))
    if args.check:
        if result != previous:
            new = json.dumps(result, indent=2).splitlines()
            old = json.dumps(previous, indent=2).splitlines()
            changed = [line for line in new if line not in old]
            print("c_export.py: measurements differ from Pipelines/boards/measurements-c.json:\n  "
                  + "\n  ".join(changed[:40]) + "\nif intended, run python3 Tools/measure/c_export.py"
                  + "".join(f" --core {c}" for c in args.core or []) + " and commit the file", file=sys.stderr)
            sys.exit(1)
        print(f"c_export.py: {', '.join(args.core or [M4, XTENSA])} {'model ' if args.models_only else ''}measurements "
              f"match {OUT.relative_to(ROOT)}")
        return
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
