#!/usr/bin/env bash
# Fuzz the TinyLite .tflite reader with libFuzzer + AddressSanitizer.
# Usage: Fuzz/run.sh SECONDS   (corpus: Fuzz/corpus, seeded with the committed zoo models)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
OUT=.build-fuzz
mkdir -p "$OUT" Fuzz/corpus
# Seed with small valid models.
for f in Tests/TinyCoreTests/Fixtures/zoo/*.tflite; do cp -n "$f" Fuzz/corpus/ 2>/dev/null || true; done
# One module: copy the TinyLite sources without their `import TinyCore`.
rm -rf "$OUT/src" && mkdir -p "$OUT/src"
for f in Sources/TinyLite/*.swift; do sed 's/^import TinyCore$//' "$f" > "$OUT/src/$(basename "$f")"; done
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name FuzzTinyLite \
    -Xcc -Wno-unused-command-line-argument \
    Sources/TinyCore/*/*.swift "$OUT"/src/*.swift Fuzz/FuzzTinyLite.swift \
    -o "$OUT/fuzz-tinylite"
"$OUT/fuzz-tinylite" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/" Fuzz/corpus
