#!/usr/bin/env bash
# Checks the firmware's libm (Embedded/Board/common/libm.c: the software paths, as Cortex-M4
# runs them) against the host C library (glibc) bit for bit: ~26 million cases, a few seconds.
# Exit status 1 on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
names=(sqrt sqrtf rint rintf floorf fmod trunc round roundf)
defines=()
for f in "${names[@]}"; do defines+=("-D$f=board_$f"); done
# -U the FPU macros so that sqrt takes its integer path (the Cortex-M4 one) on the host too.
gcc -O2 -fno-builtin -U__ARM_FP -U__riscv_flen "${defines[@]}" -c Embedded/Board/common/libm.c -o "$out/libm.o"
gcc -O2 -fno-builtin Tools/golden/BoardLibmCheck.c "$out/libm.o" -lm -o "$out/check"
"$out/check"
