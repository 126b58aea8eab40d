#!/usr/bin/env bash
# Builds the one fuzz binary, .build-fuzz/fuzz, holding every target of Fuzz/Targets (the
# environment variable FUZZ_TARGET picks one; `FUZZ_TARGET=list .build-fuzz/fuzz` lists them).
#
# The suite's library modules the targets need (TinyBoards and everything below it: the parsers,
# the four pipelines, TinyCore/TinyLite) are built by SwiftPM, optimised, with libFuzzer's coverage
# instrumentation and AddressSanitizer (`-sanitize=fuzzer,address`), in their own
# scratch directory; then swiftc links Fuzz/Targets against their objects with the fuzzer runtime
# (swiftc's own libFuzzer: nothing to install beyond the suite's libsndfile1-dev and libfftw3-dev).
# swiftc on Linux has no UndefinedBehaviorSanitizer (-sanitize=undefined is refused); Swift checks
# overflow, bounds and preconditions itself, and the only C is the system libsndfile and FFTW,
# which run uninstrumented (ASan still sees their heap calls and memcpy/memset into our buffers).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build-fuzz
# One -sanitize= flag with both: swiftc honours only the last of several (so SwiftPM's repeated
# `--sanitize fuzzer --sanitize address` drops one of them, whichever its set orders first).
swift=(swift build -c release --scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address)
"${swift[@]}" --quiet --target TinyBoards 2>&1 | { grep -v -e 'unhandled; explicitly declare' -e '^    /' || true; }
bin=$("${swift[@]}" --show-bin-path)
# The objects of that build's modules (the dependency closure of TinyBoards; this scratch directory
# builds nothing else): those each module's output-file-map.json names for its current sources and
# that exist, so an object left by a source file since moved or deleted is not linked.
objects=()
for object in $(sed -n 's/^ *"object": *"\(.*\)",\{0,1\}$/\1/p' "$bin"/*.build/output-file-map.json); do
    [ -f "$object" ] && objects+=("$object")
done
if [ -x "$SCRATCH/fuzz" ] && [ -z "$(find Fuzz/Targets "${objects[@]}" -newer "$SCRATCH/fuzz" | head -1)" ]; then
    exit 0
fi
swiftc -sanitize=fuzzer,address -O -parse-as-library -module-name FuzzTargets \
    -I "$bin/Modules" -I "$bin" -I Sources/CSndFile -I Sources/CFFTW \
    Fuzz/Targets/*.swift "${objects[@]}" -lsndfile -lfftw3f -o "$SCRATCH/fuzz" 2>&1 \
    | { grep -v "warning: Cannot export local symbol '__asan" || true; }   # gold on ASan's local helpers: harmless
echo "built $SCRATCH/fuzz: $(FUZZ_TARGET=list "$SCRATCH/fuzz" | cut -f1 | tr '\n' ' ')"
