#!/usr/bin/env bash
# Replays the fuzz corpus (or the given .tflite-like files) through the Embedded Swift firmware on
# the 32-bit Cortex-M7 under QEMU: each file is linked in as the model, loaded in place and, when
# it loads, run once on zero inputs. The host fuzzer (Fuzz/run.sh) runs on 64-bit Int; this catches
# what only 32-bit arithmetic would trip. A fault or trap (exit status 3) is a finding; refusing
# the file (2) or running out of the 4 MB emulated RAM (4) is not.
# Usage: Fuzz/replay-embedded.sh [FILE...]   (default: Fuzz/corpus/tflite/* and the committed findings)
set -euo pipefail
shopt -s nullglob
source "$(dirname "$0")/../Embedded/firmware.sh"
cd "$REPO_DIR"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then files=(Fuzz/corpus/tflite/* Fuzz/findings/tflite/* Tests/TinyCoreTests/Fixtures/fuzz/*); fi
compile_core cortex-m7
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty"
loaded=0 refused=0 memory=0 faults=0
for f in "${files[@]}"; do
    link_firmware cortex-m7 "$PWD/$f" "$work/empty" "$work/fw.elf"
    status=0
    run_firmware cortex-m7 "$work/fw.elf" > "$work/log" 2>&1 || status=$?
    case $status in
    0) loaded=$((loaded + 1)) ;;
    2) refused=$((refused + 1)) ;;
    4) memory=$((memory + 1)) ;;
    *) faults=$((faults + 1)); echo "finding: $f (status $status): $(tail -1 "$work/log")" ;;
    esac
done
echo "replayed ${#files[@]} files on cortex-m7: $loaded ran, $refused refused, $memory out of memory, $faults faults"
[ $faults -eq 0 ]
